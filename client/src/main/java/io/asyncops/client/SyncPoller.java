package io.asyncops.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Follows one long-running operation, blocking the calling thread. Made by {@link LroClient#begin},
 * {@link LroClient#follow} or {@link LroClient#resume}.
 *
 * <p>Cooperative cancellation: {@link #stop()} (from any thread) or interrupting the waiting thread ends a wait
 * with {@link CancellationException} and leaves the operation running at the server; {@link #resumeToken()} still
 * works. {@link #cancelOperation()} asks the server to cancel the operation itself.
 */
public final class SyncPoller {
    private final Operation operation;
    private volatile CompletableFuture<?> waiting = CompletableFuture.completedFuture(null);

    SyncPoller(Operation operation) {
        this.operation = operation;
    }

    /** What the last response showed. */
    public PollSnapshot latest() {
        return operation.latest();
    }

    /** True once the operation ended (Succeeded, or failed in any way this poller reports). */
    public boolean isDone() {
        return operation.isDone();
    }

    /**
     * Sends one poll now, without waiting for the advised delay (and the final GET, if the operation just ended).
     *
     * @throws LroException when the operation failed, or a request failed for good
     */
    public PollSnapshot poll() {
        return await(operation.pollOnce());
    }

    /**
     * Polls until the operation ends, waiting between polls as the server advises.
     *
     * @return the result of an operation that Succeeded
     * @throws OperationFailedException   when it ended Failed
     * @throws OperationCanceledException when it ended Canceled
     * @throws OperationTimeoutException  when the total timeout passed first
     * @throws LroException               when a request failed for good or the server broke the protocol
     * @throws CancellationException      when {@link #stop()} was called or the thread was interrupted
     */
    public LroResult waitForCompletion() {
        return waitForCompletion(null);
    }

    /** {@link #waitForCompletion()}, telling {@code listener} after every poll. */
    public LroResult waitForCompletion(PollListener listener) {
        CompletableFuture<LroResult> done = operation.untilDone(listener);
        waiting = done;
        return await(done);
    }

    /**
     * Asks the server to cancel the operation (asyncops: {@code POST {status URL}/cancel}); keep waiting to see it end
     * {@code Canceled}. An operation {@linkplain LroClient#follow followed} from a URL not polled yet is polled once
     * first, to learn whether that URL is a status monitor.
     *
     * @return true when the server accepted, false when it offers no cancel call or refused
     */
    public boolean cancelOperation() {
        return await(operation.cancelOperation());
    }

    /** Ends a {@link #waitForCompletion()} running in another thread; this poller sends nothing more. */
    public void stop() {
        waiting.cancel(true);
        operation.stop();
    }

    /**
     * The poller's state as a string another process can pass to {@link LroClient#resume(String)}. It carries the
     * operation's cookies: keep it as private as a cookie.
     */
    public String resumeToken() {
        return operation.resumeToken();
    }

    /** The time since this poller was made. */
    public Duration elapsed() {
        return operation.latest().elapsed();
    }

    static <T> T await(CompletableFuture<T> future) {
        Objects.requireNonNull(future, "future == null");
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for the operation");
        } catch (ExecutionException e) {
            throw rethrow(Operation.unwrap(e));
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new LroException(cause.getMessage(), cause);
    }
}
