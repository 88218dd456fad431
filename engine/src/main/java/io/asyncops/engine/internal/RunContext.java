package io.asyncops.engine.internal;

import io.asyncops.engine.LeaseLostException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationEvent;
import io.asyncops.engine.internal.store.Progress;
import io.asyncops.engine.internal.store.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link OperationContext} of one run of a handler: every write goes through its {@link Lease}. */
final class RunContext implements OperationContext {
    private final Lease lease;
    private final Clock clock;
    private final Consumer<Operation> onChange;

    RunContext(Lease lease, Clock clock, Consumer<Operation> onChange) {
        this.lease = lease;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    public Operation operation() {
        return lease.claimed();
    }

    @Override
    public int attempt() {
        return lease.claimed().attempt();
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(lease.progress().checkpoint());
    }

    @Override
    public void checkpoint(String state) {
        Progress p = lease.progress();
        write(new Progress(p.percentComplete(), state, p.expectedEndAt()),
                new Step(OperationEvent.Type.CHECKPOINT, attempt(), p.percentComplete(), state));
    }

    @Override
    public void progress(double percentComplete) {
        if (!(percentComplete >= 0 && percentComplete <= 100)) {
            throw new IllegalArgumentException("percentComplete must be 0..100: " + percentComplete);
        }
        Progress p = lease.progress();
        write(new Progress(percentComplete, p.checkpoint(), p.expectedEndAt()),
                new Step(OperationEvent.Type.PROGRESS, attempt(), percentComplete, null));
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        Objects.requireNonNull(remaining, "remaining == null");
        if (remaining.isNegative()) {
            throw new IllegalArgumentException("remaining must not be negative: " + remaining);
        }
        Progress p = lease.progress();
        write(new Progress(p.percentComplete(), p.checkpoint(), Times.now(clock).plus(remaining)), null);
    }

    private void write(Progress next, Step step) {
        if (!lease.save(next, step)) {
            throw new LeaseLostException(lease.id());
        }
        onChange.accept(lease.claimed());
    }

    @Override
    public boolean cancelRequested() {
        return lease.cancelRequested();
    }

    @Override
    public void throwIfCanceled() {
        if (lease.lost()) {
            throw new LeaseLostException(lease.id());
        }
        if (lease.cancelRequested()) {
            throw new OperationCanceledException(lease.id());
        }
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration == null");
        long deadline = System.nanoTime() + duration.toNanos();
        while (true) {
            throwIfCanceled();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            lease.attention().await(left);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
