package io.asyncops.server.internal.http;

import io.helidon.common.socket.HelidonSocket;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http1.Http1ConnectionListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose client is too slow to send a request, which the web server alone does not: its idle
 * timeout ends connections that send nothing, but a client that trickles a request's headers (slowloris) or its body
 * keeps the connection, and a worker, for as long as it likes.
 *
 * <p>Rule: a request's head (from its first byte to the end of its headers) must arrive within the header timeout,
 * and its body (from the end of the headers until a route has read it, or until the server has read past it) within
 * the body timeout; past either, the connection is closed. Handling a request (a long poll, an event stream) has no
 * deadline here. It follows each HTTP/1 connection from the server's receive events (first bytes, request line,
 * headers) and from the request filter (body read, request answered); a sweeper closes what is late. Memory: one
 * small entry per open connection, the connection cap bounds them.
 */
public final class ConnectionGuard implements Http1ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private enum Phase { IDLE, HEAD, BODY, BUSY }

    /**
     * A connection's phase with its deadline, one value: the sweeper must judge a phase by its own deadline (read
     * apart, a head's phase could meet the zero deadline of the request's next phase and close a punctual client).
     */
    private record State(Phase phase, long deadline) {
    }

    private static final State IDLE = new State(Phase.IDLE, 0);
    private static final State BUSY = new State(Phase.BUSY, 0);

    /** One connection's state; written by its own thread, read by the sweeper. */
    private static final class Conn {
        final HelidonSocket socket;
        /** Each head and body gets a state object of its own, so the sweeper's compare-and-set sees any change. */
        final AtomicReference<State> state = new AtomicReference<>(IDLE);
        volatile boolean timedOut;

        Conn(HelidonSocket socket) {
            this.socket = socket;
        }

        Phase phase() {
            return state.get().phase();
        }
    }

    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    /** Keyed by listener and connection: a record of the two ids (their hashes are cached by the strings, which
     *  live as long as the connection) rather than their concatenation, which was built and hashed anew three
     *  times per request. */
    private final Map<Key, Conn> connections = new ConcurrentHashMap<>();
    private final Counter headerTimeouts;
    private final Counter bodyTimeouts;
    private final Thread sweeper;
    private volatile boolean running = true;

    public ConnectionGuard(Duration headerTimeout, Duration bodyTimeout, MeterRegistry registry) {
        this(headerTimeout, bodyTimeout, min(min(headerTimeout, bodyTimeout).dividedBy(4), Duration.ofMillis(500)),
                registry);
    }

    /** A guard whose sweeper looks every {@code tick} (zero: as often as it can, yielding its thread between). */
    ConnectionGuard(Duration headerTimeout, Duration bodyTimeout, Duration tick, MeterRegistry registry) {
        this.headerTimeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
        this.headerTimeouts = Counter.builder("asyncops.http.connections.timed.out").tag("phase", "header")
                .description("Connections closed because a request's head or body came too slowly").register(registry);
        this.bodyTimeouts = Counter.builder("asyncops.http.connections.timed.out").tag("phase", "body")
                .description("Connections closed because a request's head or body came too slowly").register(registry);
        this.sweeper = Thread.ofVirtual().name("asyncops-connection-guard").unstarted(() -> sweep(tick));
        sweeper.start();
    }

    // ------------------------------------------------------------------ the server's receive events

    @Override
    public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
        startHead(ctx, false);
    }

    @Override
    public void data(ConnectionContext ctx, io.helidon.common.buffers.BufferData data) {
        startHead(ctx, false);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        startHead(ctx, true);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        Conn c = connection(ctx);
        boolean entity;
        try {
            entity = headers.contains(HeaderNames.TRANSFER_ENCODING) || headers.contentLength().orElse(0L) > 0;
        } catch (RuntimeException malformed) {
            entity = true; // a Content-Length the transport will refuse: whatever comes is under the body deadline
        }
        c.state.set(entity ? new State(Phase.BODY, System.nanoTime() + bodyTimeout.toNanos()) : BUSY);
    }

    /** The first bytes of a request (or its request line, after a body the server drained) start its head. */
    private void startHead(ConnectionContext ctx, boolean requestLine) {
        Conn c = connection(ctx);
        Phase p = c.phase();
        if (p == Phase.IDLE || (requestLine && p == Phase.BODY)) {
            c.state.set(new State(Phase.HEAD, System.nanoTime() + headerTimeout.toNanos()));
        }
    }

    private Conn connection(ConnectionContext ctx) {
        return connections.computeIfAbsent(key(ctx.socketId(), ctx.childSocketId()), k -> new Conn(ctx.serverSocket()));
    }

    // ------------------------------------------------------------------ the request filter's events

    /** A route read the whole body of {@code request}. */
    void bodyRead(ServerRequest request) {
        Conn c = connections.get(key(request));
        if (c != null && c.phase() == Phase.BODY) {
            c.state.set(BUSY);
        }
    }

    /** {@code request} was answered; a body nobody read is still drained under the body deadline. */
    void answered(ServerRequest request) {
        Conn c = connections.get(key(request));
        if (c != null && c.phase() != Phase.BODY) {
            c.state.set(IDLE);
        }
    }

    /** Whether the guard closed {@code request}'s connection for being too slow. */
    boolean timedOut(ServerRequest request) {
        Conn c = connections.get(key(request));
        return c != null && c.timedOut;
    }

    private static Key key(ServerRequest request) {
        return key(request.serverSocketId(), request.socketId());
    }

    private static Key key(String listener, String connection) {
        return new Key(listener, connection);
    }

    /** A connection of a listener. */
    private record Key(String listener, String connection) {
        @Override
        public String toString() {
            return listener + " " + connection;
        }
    }

    // ------------------------------------------------------------------ the sweeper

    private void sweep(Duration tick) {
        while (running) {
            if (tick.isZero()) {
                Thread.yield();
            } else {
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
            }
            long now = System.nanoTime();
            for (Map.Entry<Key, Conn> e : connections.entrySet()) {
                Conn c = e.getValue();
                if (!c.socket.isConnected()) {
                    connections.remove(e.getKey(), c);
                    continue;
                }
                State seen = c.state.get();
                Phase p = seen.phase();
                // closed only if the connection is still in the very state found late: a request that moved on
                // meanwhile (its head arrived) keeps its connection
                if ((p == Phase.HEAD || p == Phase.BODY) && now - seen.deadline() > 0 && !c.timedOut
                        && c.state.compareAndSet(seen, IDLE)) {
                    c.timedOut = true;
                    (p == Phase.HEAD ? headerTimeouts : bodyTimeouts).increment();
                    LOG.debug("closing connection {}: its request's {} did not arrive within {}", e.getKey(),
                            p == Phase.HEAD ? "headers" : "body", p == Phase.HEAD ? headerTimeout : bodyTimeout);
                    try {
                        c.socket.close();
                    } catch (RuntimeException ignored) {
                        // already closing
                    }
                }
            }
        }
    }

    /** Stops the sweeper. */
    public void close() {
        running = false;
        sweeper.interrupt();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
