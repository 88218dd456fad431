package io.asyncops.protocol.classic;

/** Untrusted XML that was refused: malformed, of the wrong shape, or carrying a DTD. The message is safe to show. */
public final class XmlRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XmlRejectedException(String message) {
        super(message);
    }

    public XmlRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
