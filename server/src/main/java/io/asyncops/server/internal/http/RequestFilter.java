package io.asyncops.server.internal.http;

import io.asyncops.server.internal.metrics.HttpMetrics;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Bodies;
import io.asyncops.server.spi.RequestIds;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
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
 * {@code x-ms-correlation-request-id}, echoes {@code x-ms-client-request-id} (over 128 characters: 400), sets
 * {@code Date}, puts the ids in the logging MDC, refuses a declared body over the limit (413), and writes one access
 * log line and the request metrics when the answer is done.
 */
public final class RequestFilter implements Filter {
    /** The access log's logger name. */
    public static final String ACCESS_LOG = "io.asyncops.access";
    static final int MAX_CLIENT_REQUEST_ID = 128;
    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOG);
    private static final HeaderName REQUEST_ID = HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_REQUEST_ID);
    private static final HeaderName CORRELATION_ID =
            HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID);
    private static final HeaderName CLIENT_REQUEST_ID =
            HeaderNames.create(io.asyncops.protocol.HeaderNames.X_MS_CLIENT_REQUEST_ID);

    private final long maxBodyBytes;
    private final HttpMetrics metrics;

    public RequestFilter(long maxBodyBytes, HttpMetrics metrics) {
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String clientRequestId = req.headers().first(CLIENT_REQUEST_ID).orElse(null);
        String correlationId = req.headers().first(CORRELATION_ID).filter(v -> !v.isBlank() && v.length() <= 128)
                .orElseGet(RequestFilter::newId);
        boolean clientIdTooLong = clientRequestId != null && clientRequestId.length() > MAX_CLIENT_REQUEST_ID;
        RequestIds ids = new RequestIds(newId(), correlationId,
                clientIdTooLong ? null : clientRequestId);
        req.context().register(ids);
        req.context().register(new Bodies.BodyLimit(maxBodyBytes));
        MDC.put(io.asyncops.protocol.HeaderNames.X_MS_REQUEST_ID, ids.requestId());
        MDC.put(io.asyncops.protocol.HeaderNames.X_MS_CORRELATION_REQUEST_ID, ids.correlationId());
        if (ids.clientRequestId() != null) {
            MDC.put(io.asyncops.protocol.HeaderNames.X_MS_CLIENT_REQUEST_ID, ids.clientRequestId());
        }
        String path = req.path().rawPath();
        try {
            applyIdHeaders(req, res);
            if (clientIdTooLong) {
                throw new ApiException(400, "InvalidClientRequestId", "The x-ms-client-request-id header must be at "
                        + "most " + MAX_CLIENT_REQUEST_ID + " characters long; it has " + clientRequestId.length() + ".");
            }
            long declared = req.headers().contentLength().orElse(-1L);
            if (declared > maxBodyBytes) {
                throw Bodies.tooLarge(maxBodyBytes);
            }
            chain.proceed();
        } catch (RuntimeException e) {
            // thrown by this or a later filter (routes have their own handler): answer it here, so the status is
            // known to the access log and the metrics below
            ErrorTable.render(req, res, ErrorTable.translate(e, req));
        } finally {
            int status = res.status().code();
            long nanos = System.nanoTime() - start;
            String route = req.matchingPattern().filter(p -> !p.isEmpty()).orElse("unmatched");
            metrics.record(req.prologue().method().text(), route, status, nanos);
            boolean quiet = path.startsWith("/health/") || path.equals("/metrics");
            if (quiet ? ACCESS.isDebugEnabled() : ACCESS.isInfoEnabled()) {
                String line = "method={} path={} status={} ms={} route={} clientRequestId={}";
                Object[] args = {req.prologue().method().text(), path, status, nanos / 1_000_000, route,
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
    }

    /** Sets the request id headers and {@code Date} on {@code res} (again after an error reset the response). */
    static void applyIdHeaders(ServerRequest req, ServerResponse res) {
        req.context().get(RequestIds.class).ifPresent(ids -> {
            res.header(REQUEST_ID, ids.requestId());
            res.header(CORRELATION_ID, ids.correlationId());
            if (ids.clientRequestId() != null) {
                res.header(CLIENT_REQUEST_ID, ids.clientRequestId());
            }
        });
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
