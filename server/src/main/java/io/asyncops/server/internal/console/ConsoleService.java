package io.asyncops.server.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import io.asyncops.protocol.Json;
import io.asyncops.server.internal.metrics.StreamMetrics;
import io.asyncops.server.internal.web.Assets;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.ArmPaths;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.Urls;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations console: its page at {@code /console} (no token: the page asks for one) and its data routes under
 * {@code /console/api}, which need a token and show only what the token's subscriptions hold (another
 * subscription's operations answer 404, as on the ARM routes). The change stream
 * ({@code /console/api/subscriptions/{sub}/events}, server-sent events) pushes the subscription's changed
 * operations, so the page never polls the list.
 */
public final class ConsoleService implements HttpService {
    static final String API = "/console/api";
    static final String SUB = API + "/subscriptions/{sub}";
    static final int DEFAULT_TOP = 200;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Quiet time after the last change before the counts are sent again (longer than their cache's life). */
    static final Duration COUNTS_SETTLE = Duration.ofMillis(300);
    /** A stream ends after this long; the page reconnects, and its token is verified again. */
    static final Duration MAX_STREAM = Duration.ofMinutes(10);
    /** The page's script modules: {@code console.js} imports the others (same directory, same route). */
    private static final String DIR = "io/asyncops/server/console/";
    static final List<String> SCRIPTS = List.of("console.js", "auth.js", "list.js", "stream.js", "detail.js",
            "resources.js", "state.js", "util.js");
    private static final Assets ASSETS = new Assets(assets(),
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:;"
                    + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'");

    /** The page, its style sheet and its modules (served as JavaScript: browsers refuse a module of another type). */
    private static Map<String, Assets.Asset> assets() {
        Map<String, Assets.Asset> files = new HashMap<>();
        files.put("index.html", new Assets.Asset(DIR + "index.html", "text/html; charset=utf-8"));
        files.put("console.css", new Assets.Asset(DIR + "console.css", "text/css; charset=utf-8"));
        for (String script : SCRIPTS) {
            files.put(script, new Assets.Asset(DIR + script, "text/javascript; charset=utf-8"));
        }
        return files;
    }

    private final Engine engine;
    private final Urls urls;
    private final ConsoleStreams streams;
    private final StreamMetrics metrics;
    private final ResourceCatalog resources;

    public ConsoleService(Engine engine, Urls urls, ConsoleStreams streams, StreamMetrics metrics,
                          ProviderCore providers) {
        this.engine = engine;
        this.urls = urls;
        this.streams = streams;
        this.metrics = metrics;
        this.resources = new ResourceCatalog(providers);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/console", (req, res) -> ASSETS.send("index.html", res))
                .get("/console/{asset}", (req, res) -> ASSETS.send(req.path().pathParameters().get("asset"), res))
                .get(API + "/me", this::me)
                .get(SUB + "/operations", this::list)
                .get(SUB + "/operations/{id}", this::detail)
                .get(SUB + "/stats", this::stats)
                .get(SUB + "/resources", this::resources)
                .get(SUB + "/events", this::events);
    }

    /** Who the token is and which subscriptions it may see ({@code "*"}: all). */
    record Me(String subject, Set<String> subscriptions) {
    }

    /** A page of rows. */
    record ListBody(List<OperationView.Summary> value, String nextLink) {
    }

    private void me(ServerRequest req, ServerResponse res) {
        Principal p = Principal.of(req);
        ArmJson.send(res, 200, new Me(p.subject(), new TreeSet<>(p.subscriptions())));
    }

    private void list(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        Set<OperationStatus> statuses = req.query().first("status").map(ConsoleService::statuses).orElse(Set.of());
        String kind = req.query().first("kind").filter(k -> !k.isBlank()).map(k -> bounded("kind", k)).orElse(null);
        String text = req.query().first("q").filter(q -> !q.isBlank()).map(q -> bounded("q", q.trim())).orElse(null);
        int top = req.query().first("top").map(ConsoleService::top).orElse(DEFAULT_TOP);
        String token = req.query().first("skiptoken").filter(t -> !t.isBlank()).orElse(null);
        Page<Operation> page;
        try {
            page = engine.list(new OperationQuery(sub, statuses, top, token, kind, text));
        } catch (IllegalArgumentException badToken) {
            throw new ApiException(400, "InvalidQueryParameterValue", "The skiptoken is not valid.");
        }
        String next = page.nextPageToken() == null ? null : urls.absolute(req, API + "/subscriptions/"
                + ArmPaths.segment(sub) + "/operations?top=" + top
                + req.query().first("status").map(s -> "&status=" + encode(s)).orElse("")
                + (kind == null ? "" : "&kind=" + encode(kind)) + (text == null ? "" : "&q=" + encode(text))
                + "&skiptoken=" + encode(page.nextPageToken()));
        ArmJson.send(res, 200, new ListBody(page.items().stream().map(OperationView::summary).toList(), next));
    }

    private void detail(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        String id = req.path().pathParameters().get("id");
        OperationHistory history = parse(id).flatMap(engine::history)
                .filter(h -> sub.equalsIgnoreCase(h.operation().subscription()))
                .orElseThrow(() -> new ApiException(404, "OperationNotFound", "The operation '" + id
                        + "' was not found."));
        ArmJson.send(res, 200, OperationView.detail(history, urls.base(req)));
    }

    /**
     * The subscription's resources in the generic resource store (at most {@link ResourceCatalog#MAX}), each with
     * its group and provisioning state; by group, the group's own row first.
     */
    private void resources(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        List<OperationView.ResourceRow> rows = new java.util.ArrayList<>(resources.resources(sub).stream()
                .map(OperationView::resource).toList());
        rows.sort(java.util.Comparator.comparing(OperationView.ResourceRow::resourceGroup,
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(r -> !r.type().equalsIgnoreCase(OperationView.RESOURCE_GROUP_TYPE))
                .thenComparing(OperationView.ResourceRow::id, String.CASE_INSENSITIVE_ORDER));
        ArmJson.send(res, 200, Map.of("value", rows));
    }

    private void stats(ServerRequest req, ServerResponse res) {
        String sub = subscription(req);
        ArmJson.send(res, 200, OperationView.counts(streams.stats(sub)));
    }

    /**
     * Streams the subscription's changes: {@code hello} (counts) first, then {@code operation} (a row) for each
     * changed operation, {@code counts} at most once a second while operations change, {@code reload} when changes
     * came faster than the page took them (it should list again), a comment every 15 s of quiet. Ends after
     * {@link #MAX_STREAM}.
     */
    private void events(ServerRequest req, ServerResponse res) throws InterruptedException {
        String sub = subscription(req);
        ConsoleStreams.Stream stream = streams.open(sub);
        metrics.consoleStreams().incrementAndGet();
        SseSink sink = null;
        try {
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            sink = res.sink(SseSink.TYPE);
            sink.emit(event("hello", Map.of("subscription", sub, "counts",
                    OperationView.counts(streams.stats(sub)))));
            long end = System.nanoTime() + MAX_STREAM.toNanos();
            long lastCounts = System.nanoTime();
            long lastChange = 0;
            boolean countsDue = false;
            while (System.nanoTime() < end) {
                Optional<Operation> op = stream.next(countsDue ? Duration.ofMillis(100) : HEARTBEAT);
                if (stream.takeOverflow()) {
                    sink.emit(event("reload", Map.of("reason", "changes came faster than they were read")));
                    countsDue = true;
                    lastChange = System.nanoTime();
                } else if (op.isPresent()) {
                    sink.emit(event("operation", OperationView.summary(op.get())));
                    countsDue = true;
                    lastChange = System.nanoTime();
                } else if (!countsDue) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                }
                // counts once a second while operations change, and once more when they stop (read after the
                // last change, so the page ends up with the counts of the state it shows)
                long now = System.nanoTime();
                if (countsDue && (now - lastChange >= COUNTS_SETTLE.toNanos()
                        || now - lastCounts >= Duration.ofSeconds(1).toNanos())) {
                    sink.emit(event("counts", OperationView.counts(streams.stats(sub))));
                    lastCounts = now;
                    countsDue = now - lastChange < COUNTS_SETTLE.toNanos();
                }
            }
        } catch (UncheckedIOException clientGone) {
            // the page closed the stream
        } finally {
            streams.close(stream);
            metrics.consoleStreams().decrementAndGet();
            if (sink != null) {
                sink.close();
            }
        }
    }

    private static SseEvent event(String name, Object data) {
        try {
            return SseEvent.builder().name(name).data(Json.mapper().writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path's subscription if the caller may see it; else 404 as for one that does not exist. */
    private static String subscription(ServerRequest req) {
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        return sub;
    }

    private static Optional<OperationId> parse(String id) {
        try {
            return Optional.of(OperationId.parse(id));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static Set<OperationStatus> statuses(String list) {
        Set<OperationStatus> statuses = EnumSet.noneOf(OperationStatus.class);
        for (String name : list.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                statuses.add(OperationStatus.fromWireName(name.trim()));
            } catch (IllegalArgumentException unknown) {
                throw new ApiException(400, "InvalidQueryParameterValue", "Unknown status '" + bounded("status", name)
                        + "'; use Accepted, InProgress, Succeeded, Failed or Canceled.");
            }
        }
        return statuses;
    }

    static int top(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(400, "InvalidQueryParameterValue", "top must be an integer from 1 to 1000.");
    }

    private static String bounded(String name, String value) {
        if (value.length() > OperationQuery.MAX_FILTER_LENGTH) {
            throw new ApiException(400, "InvalidQueryParameterValue", name + " must be at most "
                    + OperationQuery.MAX_FILTER_LENGTH + " characters long.");
        }
        return value;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
