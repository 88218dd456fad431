package io.asyncops.client;

/** Raised inside the transport when the total timeout passes; the operation turns it into a typed timeout. */
final class DeadlineReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeadlineReached(String message) {
        super(message, null, false, false);
    }
}
