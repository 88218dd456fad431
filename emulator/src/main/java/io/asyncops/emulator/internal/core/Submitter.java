package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Caller;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import java.util.Objects;
import java.util.Optional;

/**
 * Submits the core's operations to the engine it was given: durable when it returns, idempotent on the caller's key,
 * exclusive on the resource (a second write while one runs is refused), with the resource's new state written in
 * the same transaction as the operation.
 */
public final class Submitter {
    private final Engine engine;

    public Submitter(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine == null");
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Submits {@code kind} with {@code input}, holding {@code resourceId} when not null. A busy resource throws
     * {@link ResourceBusyException} for the caller to map; an {@link AzureException} thrown by {@code work} comes
     * out as itself, however the engine wrapped it.
     */
    public Operation submit(Caller caller, String kind, String resourceId, OperationInput input,
                            TransactionalWork work) {
        Submission submission = Submission.of(kind, input.toText())
                .withSubscription(caller.subscription())
                .withIdempotencyKey(caller.idempotencyKey())
                .withRequestId(caller.requestId())
                .withOwner(caller.owner());
        if (resourceId != null) {
            submission = submission.withExclusiveResource(resourceId);
        }
        try {
            return engine.submit(submission, work);
        } catch (ResourceBusyException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AzureException refused) {
                    throw refused;
                }
            }
            throw e;
        }
    }

    /** The running operation holding a busy resource, if it is still known. */
    public Optional<Operation> holder(ResourceBusyException e) {
        return e.holder() == null ? Optional.empty() : engine.get(e.holder());
    }
}
