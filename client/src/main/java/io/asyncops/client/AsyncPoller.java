package io.asyncops.client;

import java.util.concurrent.CompletableFuture;

/**
 * Follows one long-running operation without blocking: every method returns at once. Made by
 * {@link LroClient#beginAsync}, {@link LroClient#followAsync} or {@link LroClient#resumeAsync}.
 *
 * <p>Futures fail with the same typed {@link LroException}s as {@link SyncPoller}. Cancelling the future of
 * {@link #untilDone()} stops the polling (the operation goes on at the server).
 */
public final class AsyncPoller {
    private final Operation operation;

    AsyncPoller(Operation operation) {
        this.operation = operation;
    }

    /** What the last response showed. */
    public PollSnapshot latest() {
        return operation.latest();
    }

    /** True once the operation ended. */
    public boolean isDone() {
        return operation.isDone();
    }

    /** Sends one poll now; completes with the snapshot after it. */
    public CompletableFuture<PollSnapshot> poll() {
        return operation.pollOnce();
    }

    /** Polls until the end; completes with the result of an operation that Succeeded. */
    public CompletableFuture<LroResult> untilDone() {
        return operation.untilDone(null);
    }

    /** {@link #untilDone()}, telling {@code listener} after every poll. */
    public CompletableFuture<LroResult> untilDone(PollListener listener) {
        return operation.untilDone(listener);
    }

    /** Asks the server to cancel the operation; completes with true when it accepted. */
    public CompletableFuture<Boolean> cancelOperation() {
        return operation.cancelOperation();
    }

    /** The poller's state for {@link LroClient#resume(String)}; keep it as private as a cookie. */
    public String resumeToken() {
        return operation.resumeToken();
    }
}
