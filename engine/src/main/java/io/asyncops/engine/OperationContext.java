package io.asyncops.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a handler sees of its operation while it runs. Writes ({@link #progress}, {@link #checkpoint(String)},
 * {@link #estimateRemaining}) are durable and fenced by the worker's lease: once the lease is lost they throw
 * {@link LeaseLostException} and change nothing.
 */
public interface OperationContext {

    /** The operation as it was when this run started. */
    Operation operation();

    /** Shorthand for {@code operation().input()}. */
    default String input() {
        return operation().input();
    }

    /** 1 on the first run, 2 on the first retry or resumption, and so on. */
    int attempt();

    /** The state the handler last saved, if any (from this run or an earlier one). */
    Optional<String> checkpoint();

    /** Saves resumable state. */
    void checkpoint(String state);

    /** Reports progress, 0 to 100; shown to pollers as {@code percentComplete}. */
    void progress(double percentComplete);

    /** Estimates the time left; the Retry-After advice follows it. */
    void estimateRemaining(Duration remaining);

    /** True once someone asked to cancel the operation. */
    boolean cancelRequested();

    /** Throws {@link OperationCanceledException} if cancellation was requested: a safe point. */
    void throwIfCanceled();

    /**
     * Sleeps, waking early to throw {@link OperationCanceledException} when cancellation is requested or
     * {@link LeaseLostException} when the lease is lost. The lease is kept alive meanwhile.
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The engine's clock. */
    Clock clock();
}
