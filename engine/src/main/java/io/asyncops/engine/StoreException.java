package io.asyncops.engine;

/** The database failed; wraps the {@link java.sql.SQLException} at the JDBC boundary. */
public final class StoreException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
