package io.asyncops.engine;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The database failed; wraps the {@link java.sql.SQLException} at the JDBC boundary.
 *
 * <p>{@link #isTransient(Throwable)} tells a database that is briefly away (down, restarting, refusing or dropping
 * connections, no pooled connection in time) from a failure that will happen again (a bad statement, a constraint).
 * The engine never ends an operation because of a transient failure: it waits and retries until the database is
 * back. Servers answer {@code 503} with {@code Retry-After} for it.
 */
public final class StoreException extends AsyncOpsException {
    private static final long serialVersionUID = 1L;
    /**
     * SQLStates of a database briefly away: class 08 (connection exception), PostgreSQL's 57P01-57P03 (shutting
     * down, crashed, cannot connect now), 53300 (too many connections), 40001/40P01 (serialization failure, deadlock:
     * the same transaction succeeds when retried).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure}, or one of its causes, is the database being briefly unreachable. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
