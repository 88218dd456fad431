package io.asyncops.engine;

/** The root of every exception the engine throws. Unchecked. */
public class AsyncOpsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncOpsException(String message) {
        super(message);
    }

    public AsyncOpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
