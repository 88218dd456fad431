package io.asyncops.server.internal.http;

import io.helidon.common.socket.SocketWriterException;
import io.helidon.webserver.CloseConnectionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells a client that went away (reset, closed, stopped reading) from a server error. Rule: a client going away is
 * not a server failure: it is logged at DEBUG, counted under its own metric label ({@value #LABEL}), never answered
 * with a 5xx, and the connection is closed quietly.
 */
public final class ClientGone {
    /** The status label of such requests in the request metrics. */
    public static final String LABEL = "client_closed";

    private ClientGone() {
    }

    /**
     * Whether {@code failure} (or a cause) is the client's connection failing under the server's feet. A failure of
     * the database's connection (an SQL or store exception in the chain) is not one, whatever socket error it holds.
     */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof io.asyncops.engine.StoreException) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketWriterException || t instanceof CloseConnectionException
                    || t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof IOException io && io.getMessage() != null
                    && (io.getMessage().contains("Broken pipe") || io.getMessage().contains("Connection reset"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Registered in a request's context when its client went away while a route answered it. */
    public record Marker() {
    }

    /** The exception that makes the web server close the connection without writing or logging more. */
    public static CloseConnectionException close(Throwable cause) {
        return new CloseConnectionException("the client closed the connection",
                cause instanceof UncheckedIOException u ? u.getCause() : cause);
    }
}
