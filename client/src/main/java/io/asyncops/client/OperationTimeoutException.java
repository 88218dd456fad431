package io.asyncops.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The total timeout passed before the operation ended. The operation itself goes on at the server:
 * {@link #resumeToken()} lets this or another process pick it up again.
 */
public final class OperationTimeoutException extends LroException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final transient PollSnapshot lastSnapshot;
    private final String resumeToken;

    public OperationTimeoutException(String message, Duration timeout, PollSnapshot lastSnapshot, String resumeToken) {
        super(message);
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.lastSnapshot = lastSnapshot;
        this.resumeToken = resumeToken;
    }

    /** The timeout that passed. */
    public Duration timeout() {
        return timeout;
    }

    /** What the last response showed, or null when none came. */
    public PollSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** A token for {@link LroClient#resume(String)}, or null when the operation had not started. */
    public String resumeToken() {
        return resumeToken;
    }
}
