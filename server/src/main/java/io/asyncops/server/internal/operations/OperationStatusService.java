package io.asyncops.server.internal.operations;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.ArmErrorResponse;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.RetryAfter;
import io.asyncops.server.internal.http.SegmentMatcher;
import io.asyncops.server.internal.metrics.StreamMetrics;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.ArmPaths;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.Urls;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderName;
import io.helidon.http.Method;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The generic ARM operation routes, for any provider namespace (PROTOCOL §2, §4): the status monitor
 * ({@code Azure-AsyncOperation}), the result ({@code Location}), long polling with {@code Prefer: wait=N}, server-sent
 * events, cancel; the subscription-wide list lives in {@link OperationListService}.
 */
public final class OperationStatusService implements HttpService {
    static final String STATUS = "/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}";
    static final String CANCEL = STATUS + "/cancel";
    static final String RESULT = "/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{id}";
    private static final HeaderName PREFER = io.helidon.http.HeaderNames.create(HeaderNames.PREFER);
    private static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    private final Engine engine;
    private final OperationLookup lookup;
    private final Urls urls;
    private final StreamMetrics metrics;
    private final RenderedMonitors rendered;

    public OperationStatusService(Engine engine, Urls urls, StreamMetrics metrics, RenderedMonitors rendered) {
        this.engine = engine;
        this.lookup = new OperationLookup(engine);
        this.urls = urls;
        this.metrics = metrics;
        this.rendered = rendered;
    }

    /**
     * The status routes, matched by segments ({@link SegmentMatcher}): every poll of every client takes one of
     * them, so they are matched without a regular expression.
     */
    @Override
    public void routing(HttpRules rules) {
        SegmentMatcher status = SegmentMatcher.of(STATUS);
        SegmentMatcher cancel = SegmentMatcher.of(CANCEL);
        SegmentMatcher result = SegmentMatcher.of(RESULT);
        rules.route(Method.GET, status, this::status)
                .route(SegmentMatcher.ANY_METHOD, status, (req, res) -> {
                    throw ApiException.methodNotAllowed(req.prologue().method().text(), "GET");
                })
                .route(Method.POST, cancel, this::cancel)
                .route(SegmentMatcher.ANY_METHOD, cancel, (req, res) -> {
                    throw ApiException.methodNotAllowed(req.prologue().method().text(), "POST");
                })
                .route(Method.GET, result, this::result)
                .route(SegmentMatcher.ANY_METHOD, result, (req, res) -> {
                    throw ApiException.methodNotAllowed(req.prologue().method().text(), "GET");
                });
    }

    private void status(ServerRequest req, ServerResponse res) throws InterruptedException {
        GenericApiVersion.require(req);
        boolean events = wantsEvents(req);
        Optional<Duration> wait = events ? Optional.empty() : Prefer.waitOf(req.headers().first(PREFER));
        Operation op = find(req, events || wait.isPresent());
        if (events) {
            stream(req, res, op);
            return;
        }
        if (wait.isPresent()) {
            op = awaitTerminal(op, wait.get(), req);
            res.header(HeaderNames.PREFERENCE_APPLIED, "wait=" + wait.get().toSeconds());
        }
        sendMonitor(req, res, op);
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        GenericApiVersion.require(req);
        Operation op = find(req, false);
        Operation after = engine.cancel(op.id());
        sendMonitor(req, res, after);
    }

    private void result(ServerRequest req, ServerResponse res) throws InterruptedException {
        GenericApiVersion.require(req);
        Optional<Duration> wait = Prefer.waitOf(req.headers().first(PREFER));
        Operation op = find(req, wait.isPresent());
        if (wait.isPresent()) {
            op = awaitTerminal(op, wait.get(), req);
            res.header(HeaderNames.PREFERENCE_APPLIED, "wait=" + wait.get().toSeconds());
        }
        if (!op.isTerminal()) {
            String self = urls.absolute(req, req.path().rawPath()
                    + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue()));
            res.status(202);
            res.header(HeaderNames.LOCATION, self);
            res.header(HeaderNames.RETRY_AFTER, RetryAfter.format(engine.retryAfter(op)));
            res.send();
            return;
        }
        if (op.status() == OperationStatus.SUCCEEDED) {
            if (op.result() == null || op.result().isBlank()) {
                res.status(204);
                res.send();
            } else {
                ArmJson.send(res, 200, op.result());
            }
            return;
        }
        OperationError error = op.error() != null ? op.error() : Monitors.fallbackError(op.status());
        ArmJson.send(res, error.httpStatus(), new ArmErrorResponse(Monitors.armError(error)));
    }

    /** The status the URL names, or with {@code whole} the whole snapshot (before waiting on it). */
    private Operation find(ServerRequest req, boolean whole) {
        Parameters p = req.path().pathParameters();
        return lookup.find(Principal.of(req), p.get("sub"), p.get("ns"), p.get("id"), whole);
    }

    private void sendMonitor(ServerRequest req, ServerResponse res, Operation op) {
        if (!op.isTerminal()) {
            res.header(HeaderNames.RETRY_AFTER, RetryAfter.format(engine.retryAfter(op)));
        }
        ArmJson.send(res, 200, rendered.json(req.path().rawPath(), op, () -> Monitors.of(monitorId(req), op)));
    }

    /** The monitor's {@code id}: the status URL's path, whichever of the status routes was asked. */
    private static String monitorId(ServerRequest req) {
        Parameters p = req.path().pathParameters();
        return ArmPaths.operation(p.get("sub"), p.get("ns"), p.get("loc"), "operationStatuses",
                OperationLookup.parse(p.get("id")));
    }

    /** Waits until {@code op} is terminal or {@code wait} passes; the wire status changes only then. */
    private Operation awaitTerminal(Operation op, Duration wait, ServerRequest req) throws InterruptedException {
        metrics.longPolls().incrementAndGet();
        try {
            return awaitTerminal(op, wait);
        } finally {
            metrics.longPolls().decrementAndGet();
        }
    }

    private Operation awaitTerminal(Operation op, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Operation current = op;
        while (!current.isTerminal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Optional<Operation> next = engine.await(current.id(), current.version(), Duration.ofNanos(left));
            if (next.isEmpty()) {
                throw OperationLookup.notFound(current.id().toString());
            }
            current = next.get();
        }
        return current;
    }

    private static boolean wantsEvents(ServerRequest req) {
        // explicit only: a missing Accept or */* must keep the plain JSON answer; the header is parsed only when it
        // may name the type (parsing it costs more than the rest of a cached poll)
        Optional<String> accept = req.headers().first(io.helidon.http.HeaderNames.ACCEPT);
        if (accept.isEmpty() || !accept.get().toLowerCase(java.util.Locale.ROOT).contains("event-stream")) {
            return false;
        }
        return req.headers().acceptedTypes().stream()
                .anyMatch(t -> "text".equalsIgnoreCase(t.type()) && "event-stream".equalsIgnoreCase(t.subtype()));
    }

    /** Streams the monitor at every change until the operation is terminal (one event per stored version). */
    private void stream(ServerRequest req, ServerResponse res, Operation first) throws InterruptedException {
        String id = monitorId(req);
        res.header(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-cache");
        SseSink sink = res.sink(SseSink.TYPE);
        metrics.operationStreams().incrementAndGet();
        try {
            Operation op = first;
            emit(sink, id, op);
            while (!op.isTerminal()) {
                Optional<Operation> next = engine.await(op.id(), op.version(), SSE_HEARTBEAT);
                if (next.isEmpty()) {
                    break;
                }
                if (next.get().version() == op.version()) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    continue;
                }
                op = next.get();
                emit(sink, id, op);
            }
        } catch (UncheckedIOException clientGone) {
            // the client closed the stream; nothing to answer
        } finally {
            metrics.operationStreams().decrementAndGet();
            sink.close();
        }
    }

    private void emit(SseSink sink, String id, Operation op) {
        SseEvent.Builder event = SseEvent.builder()
                .name("status")
                .id(Long.toString(op.version()))
                .data(json(Monitors.of(id, op)));
        if (!op.isTerminal()) {
            event.reconnectDelay(engine.retryAfter(op));
        }
        sink.emit(event.build());
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
