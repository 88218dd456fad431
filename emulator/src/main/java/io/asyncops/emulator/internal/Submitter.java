package io.asyncops.emulator.internal;

import io.asyncops.emulator.Caller;
import io.asyncops.emulator.EmulatorException;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Submits the providers' operations to the engine: exclusive on the resource (a second write while one runs is
 * refused), idempotent on the caller's key, with the resource's new provisioning state written in the same
 * transaction as the operation.
 */
public final class Submitter {
    private final AtomicReference<Engine> engine = new AtomicReference<>();

    public void attach(Engine value) {
        if (!engine.compareAndSet(null, value) && engine.get() != value) {
            throw new IllegalStateException("the emulator is already attached to another engine");
        }
    }

    public Engine engine() {
        Engine e = engine.get();
        if (e == null) {
            throw new IllegalStateException("the emulator is not attached to an engine yet (call attach first)");
        }
        return e;
    }

    /**
     * Submits; a busy resource throws {@link ResourceBusyException} for the caller to map, and an
     * {@link EmulatorException} thrown by {@code work} comes out as itself, however the engine wrapped it.
     */
    public Operation submit(Caller caller, String kind, String resourceId, ArmInput input, TransactionalWork work) {
        Submission submission = Submission.of(kind, input.toText())
                .withSubscription(input.subscription())
                .withExclusiveResource(resourceId)
                .withIdempotencyKey(caller.idempotencyKey())
                .withRequestId(caller.requestId())
                .withOwner(caller.owner());
        try {
            return engine().submit(submission, work);
        } catch (ResourceBusyException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<EmulatorException> cause = find(e);
            if (cause.isPresent()) {
                throw cause.get();
            }
            throw e;
        }
    }

    /** The running operation holding a busy resource, if it is still known. */
    public Optional<Operation> holder(ResourceBusyException e) {
        return e.holder() == null ? Optional.empty() : engine().get(e.holder());
    }

    private static Optional<EmulatorException> find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EmulatorException ee) {
                return Optional.of(ee);
            }
        }
        return Optional.empty();
    }
}
