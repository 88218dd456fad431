package io.asyncops.server.internal.http;

import io.asyncops.server.internal.metrics.HttpMetrics;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Bodies;
import io.asyncops.server.spi.RequestIds;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The first filter of every request (PROTOCOL §0): assigns {@code x-ms-request-id}, echoes or makes
 * {@code x-ms-correlation-request-id}, echoes {@code x-ms-client-request-id}, sets {@code Date}, puts the ids in the
 * logging MDC, checks the URL and the id and idempotency headers against {@link io.asyncops.protocol.Limits} (400
 * with a specific code), refuses a declared body over the limit (413), and writes one access log line and the
 * request metrics when the answer is done. A client that went away is logged at DEBUG, never as a server error.
 */
public final class RequestFilter implements Filter {
    /** The access log's logger name. */
    public static final String ACCESS_LOG = "io.asyncops.access";
    static final int MAX_CLIENT_REQUEST_ID = io.asyncops.protocol.Limits.CLIENT_REQUEST_ID;
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
    private static final Logger LOG = LoggerFactory.getLogger(RequestFilter.class);
    private static final HeaderName REQUEST_ID = HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_REQUEST_ID);
    private static final HeaderName CORRELATION_ID =
            HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID);
    private static final HeaderName CLIENT_REQUEST_ID =
            HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_CLIENT_REQUEST_ID);

    private static final HeaderName REPEATABILITY_RESULT =
            HeaderNames.create(io.asyncops.protocol.HeaderNames.REPEATABILITY_RESULT);

    private final long maxBodyBytes;
    private final Bodies.BodyLimit bodyLimit;
    private final HttpMetrics metrics;
    private final java.time.Clock clock;
    private final ConnectionGuard guard;

    public RequestFilter(long maxBodyBytes, HttpMetrics metrics) {
        this(maxBodyBytes, metrics, java.time.Clock.systemUTC(), null);
    }

    /** With {@code guard} (may be null) told when a route has read a body and when a request is answered. */
    public RequestFilter(long maxBodyBytes, HttpMetrics metrics, java.time.Clock clock, ConnectionGuard guard) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyLimit = new Bodies.BodyLimit(maxBodyBytes);
        this.metrics = metrics;
        this.clock = clock;
        this.guard = guard;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String clientRequestId = req.headers().first(CLIENT_REQUEST_ID).orElse(null);
        String sentCorrelationId = req.headers().first(CORRELATION_ID).orElse(null);
        boolean clientIdBad = clientRequestId != null && !echoable(clientRequestId, MAX_CLIENT_REQUEST_ID);
        boolean correlationIdBad = sentCorrelationId != null && !sentCorrelationId.isBlank()
                && !echoable(sentCorrelationId, io.asyncops.protocol.Limits.CORRELATION_REQUEST_ID);
        String correlationId = sentCorrelationId != null && !sentCorrelationId.isBlank() && !correlationIdBad
                ? sentCorrelationId : newId();
        RequestIds ids = new RequestIds(newId(), correlationId, clientIdBad ? null : clientRequestId);
        req.context().register(ids);
        req.context().register(bodyLimit);
        if (guard != null) {
            req.context().register(new Bodies.ReadDone(() -> guard.bodyRead(req)));
        }
        MDC.put(io.asyncops.protocol.HeaderNames.X_MS_REQUEST_ID, ids.requestId());
        MDC.put(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID, ids.correlationId());
        if (ids.clientRequestId() != null) {
            MDC.put(io.asyncops.protocol.HeaderNames.X_MS_CLIENT_REQUEST_ID, ids.clientRequestId());
        }
        String path = req.path().rawPath();
        boolean gone = false;
        try {
            // nothing else is in the context yet (sticky headers, an idempotency key): the ids and the date only
            applyIdHeaders(ids, res);
            if (clientIdBad) {
                EdgeChecks.header("x-ms-client-request-id", clientRequestId, MAX_CLIENT_REQUEST_ID,
                        "InvalidClientRequestId");
            }
            if (correlationIdBad) {
                EdgeChecks.header("x-ms-correlation-request-id", sentCorrelationId,
                        io.asyncops.protocol.Limits.CORRELATION_REQUEST_ID, "InvalidCorrelationRequestId");
            }
            // the transport does not parse the path (validatePath off, see Listeners): these two are its checks
            EdgeChecks.target(req.prologue().uriPath().rawPath(), req.prologue().fragment().hasValue());
            EdgeChecks.path(req.prologue().uriPath().rawPath());
            EdgeChecks.query(req.prologue().query().rawValue());
            IdempotencyHeaders.check(req, clock.instant()).ifPresent(key -> {
                req.context().register(key);
                applyIdHeaders(req, res);
            });
            long declared = req.headers().contentLength().orElse(-1L);
            if (declared > maxBodyBytes) {
                throw Bodies.tooLarge(maxBodyBytes);
            }
            chain.proceed();
        } catch (RuntimeException e) {
            if (ClientGone.is(e)) {
                gone = true;
                LOG.debug("{} {}: the client went away: {}", req.prologue().method().text(), path, e.toString());
                throw ClientGone.close(e);
            }
            // thrown by this or a later filter (routes have their own handler): answer it here, so the status is
            // known to the access log and the metrics below
            ErrorTable.render(req, res, ErrorTable.translate(e, req));
        } finally {
            gone = gone || req.context().get(ClientGone.Marker.class).isPresent();
            boolean timedOut = gone && guard != null && guard.timedOut(req);
            if (guard != null) {
                guard.answered(req);
            }
            int status = res.status().code();
            long nanos = System.nanoTime() - start;
            String route = req.matchingPattern().filter(p -> !p.isEmpty()).orElse("unmatched");
            String named = timedOut ? "timeout" : gone ? ClientGone.LABEL : null;
            if (named != null) {
                metrics.record(req.prologue().method().text(), route, named, nanos);
            } else {
                metrics.record(req.prologue().method().text(), route, status, nanos);
            }
            boolean quiet = path.startsWith("/health/") || path.equals("/metrics");
            if (quiet ? ACCESS.isDebugEnabled() : ACCESS.isInfoEnabled()) {
                String outcome = named != null ? named : Integer.toString(status);
                String line = "method={} path={} status={} ms={} route={} clientRequestId={}";
                Object[] args = {shown(req.prologue().method().text()), shown(path),
                        outcome, nanos / 1_000_000, route,
                        ids.clientRequestId() == null ? "-" : ids.clientRequestId()};
                if (quiet) {
                    ACCESS.debug(line, args);
                } else {
                    ACCESS.info(line, args);
                }
            }
            MDC.remove(io.asyncops.protocol.HeaderNames.X_MS_REQUEST_ID);
            MDC.remove(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID);
            MDC.remove(io.asyncops.protocol.HeaderNames.X_MS_CLIENT_REQUEST_ID);
        }
        if (closeAsked(req)) {
            closeAfterAnswer(req, res);
        }
    }

    /**
     * Whether the client asked for the connection to end with this answer (RFC 9112 §9.6): {@code Connection: close},
     * or HTTP/1.0 without {@code keep-alive}. The web server marks such an answer {@code Connection: close} but then
     * waits for the next request on the connection, until its idle timeout.
     */
    static boolean closeAsked(ServerRequest req) {
        return req.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                || ("1.0".equals(req.prologue().protocolVersion())
                && !req.headers().containsToken(HeaderValues.CONNECTION_KEEP_ALIVE));
    }

    /**
     * Ends the connection once its answer is out: commits the answer (a stream its route left open is finished
     * here, as the router would), reads what is left of a body nobody read (closing over unread input resets the
     * connection, which can destroy the answer still in flight to the client), then has the web server close the
     * connection on its own thread, after its last write. An answer not sent by now is left to the web server.
     */
    private static void closeAfterAnswer(RoutingRequest req, RoutingResponse res) {
        try {
            res.commit();
            if (!res.isSent()) {
                return;
            }
            if (req.content().hasEntity() && !req.content().consumed()) {
                req.content().consume(); // bounded by the payload limit and the guard's body deadline
            }
        } catch (RuntimeException e) {
            LOG.debug("finishing an answer before closing its connection: {}", e.toString());
        }
        throw new CloseConnectionException("the client asked to close the connection");
    }

    /** A header value the server may echo: at most {@code max} characters, none of them a control character. */
    private static boolean echoable(String value, int max) {
        return value.length() <= max && !EdgeChecks.hasControl(value);
    }

    /** {@code s} for the access log: at most 200 characters. */
    private static String shown(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /**
     * Sets the request id headers, {@code Repeatability-Result: accepted} for a repeatable request, and {@code Date}
     * on {@code res} (again after an error reset the response).
     */
    static void applyIdHeaders(ServerRequest req, ServerResponse res) {
        req.context().get(RequestIds.class).ifPresent(ids -> applyIdHeaders(ids, res));
        req.context().get(StickyHeaders.class).ifPresent(h -> res.header(h.name(), h.value()));
        req.context().get(io.asyncops.server.spi.Idempotency.class).filter(
                io.asyncops.server.spi.Idempotency::repeatability).ifPresent(k ->
                res.header(REPEATABILITY_RESULT, IdempotencyHeaders.ACCEPTED));
        res.header(HeaderNames.DATE, HttpDate.now());
    }

    /** The request id headers and {@code Date}. */
    private static void applyIdHeaders(RequestIds ids, ServerResponse res) {
        res.header(REQUEST_ID, ids.requestId());
        res.header(CORRELATION_ID, ids.correlationId());
        if (ids.clientRequestId() != null) {
            res.header(CLIENT_REQUEST_ID, ids.clientRequestId());
        }
        res.header(HeaderNames.DATE, HttpDate.now());
    }

    /**
     * A fresh random (version 4) UUID. From {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}: these ids
     * name requests in logs and headers and must be unique, not secret (an operation found by its request id is
     * still only shown to its own subscription), and the secure generator costs a shared lock per request.
     */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /** The {@code Date} header's text, formatted once per second rather than per request. */
    private static final class HttpDate {
        private record Stamp(long second, String text) {
        }

        private static volatile Stamp last = new Stamp(-1, "");

        static String now() {
            long second = System.currentTimeMillis() / 1000;
            Stamp s = last;
            if (s.second() != second) {
                s = new Stamp(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        java.time.Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC)));
                last = s;
            }
            return s.text();
        }
    }
}
