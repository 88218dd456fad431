package io.asyncops.engine;

import java.util.Objects;

/**
 * How a handler's run ended. Each outcome may carry {@link TransactionalWork} that commits in the same
 * transaction as the operation's terminal status; if the worker lost its lease, neither is applied.
 */
public sealed interface Outcome {

    /** The effect to apply with the terminal status. */
    TransactionalWork effect();

    /** The operation succeeded; {@code result} (may be null) becomes its result. */
    record Succeeded(String result, TransactionalWork effect) implements Outcome {
        public Succeeded {
            Objects.requireNonNull(effect, "effect == null");
        }
    }

    /** The operation failed with {@code error}. */
    record Failed(OperationError error, TransactionalWork effect) implements Outcome {
        public Failed {
            Objects.requireNonNull(error, "error == null");
            Objects.requireNonNull(effect, "effect == null");
        }
    }

    /** The handler honoured a cancellation request, after undoing what it must. */
    record Canceled(TransactionalWork effect) implements Outcome {
        public Canceled {
            Objects.requireNonNull(effect, "effect == null");
        }
    }

    static Outcome succeeded() {
        return new Succeeded(null, TransactionalWork.none());
    }

    static Outcome succeeded(String result) {
        return new Succeeded(result, TransactionalWork.none());
    }

    static Outcome succeeded(String result, TransactionalWork effect) {
        return new Succeeded(result, effect);
    }

    static Outcome failed(OperationError error) {
        return new Failed(error, TransactionalWork.none());
    }

    static Outcome failed(OperationError error, TransactionalWork effect) {
        return new Failed(error, effect);
    }

    static Outcome canceled(TransactionalWork effect) {
        return new Canceled(effect);
    }
}
