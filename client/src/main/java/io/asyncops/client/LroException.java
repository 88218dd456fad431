package io.asyncops.client;

/**
 * The root of every error the poller raises; unchecked. The subclasses say what happened:
 * {@link OperationFailedException} and {@link OperationCanceledException} (the operation ended so),
 * {@link OperationTimeoutException} (the total timeout passed first), {@link HttpErrorException} (a request was
 * answered with an error that is not transient), {@link TransportException} (the server could not be reached,
 * after retries) and {@link ProtocolViolationException} (the server broke the protocol).
 */
public class LroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LroException(String message) {
        super(message);
    }

    public LroException(String message, Throwable cause) {
        super(message, cause);
    }
}
