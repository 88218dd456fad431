package io.asyncops.server.internal.operations;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.OperationStatusMonitor;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.ArmPaths;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /subscriptions/{sub}/operationStatuses?api-version=&$filter=status eq 'InProgress'&$top=N} (PROTOCOL
 * §4): the subscription's operations, newest first, as status monitors, {@code {"value":[...],"nextLink":...}}.
 * The filter understands {@code status eq '<Status>'} joined by {@code or}; anything else is a 400. Each item is the
 * operation's status monitor plus its {@code resourceId} and {@code kind}; an operation named by its request id (the
 * classic plane's, {@link io.asyncops.server.spi.PlaneSetup#operationsByRequestId}) is listed under that id, as
 * {@code /{subscription}/operations/{request-id}}, the URL that answers for it.
 */
public final class OperationListService implements HttpService {
    static final String LIST = "/subscriptions/{sub}/operationStatuses";
    private static final byte[] VALUE_START = "{\"value\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE_END = "],\"nextLink\":".getBytes(StandardCharsets.UTF_8);
    private static final int DEFAULT_TOP = 100;
    private static final Pattern TERM = Pattern.compile("\\s*status\\s+eq\\s+'([A-Za-z]+)'\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Engine engine;
    private final Urls urls;
    private final List<String> requestIdKinds;
    private final RenderedMonitors rendered;

    /**
     * A list where operations whose kind starts with one of {@code requestIdKinds} are named by their request id;
     * items are rendered through {@code rendered}, shared with the status route.
     */
    public OperationListService(Engine engine, Urls urls, List<String> requestIdKinds, RenderedMonitors rendered) {
        this.engine = engine;
        this.urls = urls;
        this.requestIdKinds = List.copyOf(requestIdKinds);
        this.rendered = rendered;
    }

    /** The page's JSON: ARM's list shape. */
    record ListBody(List<ObjectNode> value, String nextLink) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(LIST, this::list)
                .any(LIST, (req, res) -> {
                    throw ApiException.methodNotAllowed(req.prologue().method().text(), "GET");
                });
    }

    private void list(ServerRequest req, ServerResponse res) {
        String apiVersion = GenericApiVersion.require(req);
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        Set<OperationStatus> statuses = req.query().first("$filter").map(OperationListService::parseFilter)
                .orElse(Set.of());
        int top = req.query().first("$top").map(OperationListService::parseTop).orElse(DEFAULT_TOP);
        String token = req.query().first("$skiptoken").filter(t -> !t.isBlank()).orElse(null);
        Page<Operation> page;
        try {
            page = engine.list(new OperationQuery(sub, statuses, top, token));
        } catch (IllegalArgumentException badToken) {
            throw new ApiException(400, "InvalidQueryParameterValue", "The $skiptoken is not valid.");
        }
        String next = page.nextPageToken() == null ? null : urls.absolute(req, "/subscriptions/" + ArmPaths.segment(sub)
                + "/operationStatuses" + ArmPaths.apiVersionQuery(apiVersion)
                + req.query().first("$filter").map(f -> "&$filter=" + encode(f)).orElse("")
                + "&$top=" + top + "&$skiptoken=" + encode(page.nextPageToken()));
        ArmJson.send(res, 200, body(sub, page.items(), next));
    }

    /**
     * The page's JSON, as Jackson writes a {@link ListBody}: each item's monitor is the one kept for its stored
     * version (rendered once, and shared with the status route's polls), so a page of unchanged operations costs
     * no parsing and no serializing.
     */
    private byte[] body(String sub, List<Operation> items, String next) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 + 700 * items.size());
        out.writeBytes(VALUE_START);
        for (int i = 0; i < items.size(); i++) {
            Operation op = items.get(i);
            if (i > 0) {
                out.write(',');
            }
            // the key: a listed item is made of the operation alone (the subscription is the operation's own)
            out.writeBytes(rendered.json("list", op, () -> item(sub, op)));
        }
        out.writeBytes(VALUE_END);
        try {
            out.writeBytes(Json.mapper().writeValueAsBytes(next));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.write('}');
        return out.toByteArray();
    }

    /** One listed operation: its status monitor, named as its plane names it, with its resource id and kind. */
    private ObjectNode item(String sub, Operation op) {
        boolean byRequestId = op.requestId() != null && requestIdKinds.stream().anyMatch(op.kind()::startsWith);
        OperationStatusMonitor monitor = Monitors.of(byRequestId ? "/" + ArmPaths.segment(sub) + "/operations/"
                + ArmPaths.segment(op.requestId()) : MonitorPaths.status(op), op);
        ObjectNode item = Json.mapper().valueToTree(monitor);
        if (byRequestId) {
            item.put("name", op.requestId());
        }
        if (op.resourceId() != null) {
            item.put("resourceId", op.resourceId());
        }
        item.put("kind", op.kind());
        return item;
    }

    /** The top-level {@code location} of a JSON-object input, else {@code global} (the status route takes any). */
    static String locationOf(Operation op) {
        var node = Monitors.objectOrNull(op.input());
        if (node != null && node.path("location").isTextual() && !node.path("location").asText().isBlank()) {
            return node.path("location").asText();
        }
        return "global";
    }

    static Set<OperationStatus> parseFilter(String filter) {
        Set<OperationStatus> statuses = EnumSet.noneOf(OperationStatus.class);
        for (String term : filter.split("(?i)\\s+or\\s+")) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw new ApiException(400, "InvalidFilterParameter", "The $filter '" + filter + "' is not supported; "
                        + "use status eq 'InProgress' (or Succeeded, Failed, Canceled), joined by 'or'.");
            }
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "inprogress", "accepted" -> {
                    statuses.add(OperationStatus.ACCEPTED);
                    statuses.add(OperationStatus.IN_PROGRESS);
                }
                case "succeeded" -> statuses.add(OperationStatus.SUCCEEDED);
                case "failed" -> statuses.add(OperationStatus.FAILED);
                case "canceled", "cancelled" -> statuses.add(OperationStatus.CANCELED);
                default -> throw new ApiException(400, "InvalidFilterParameter", "Unknown status '" + m.group(1)
                        + "' in $filter; use InProgress, Succeeded, Failed or Canceled.");
            }
        }
        return statuses;
    }

    static int parseTop(String top) {
        try {
            int n = Integer.parseInt(top.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(400, "InvalidQueryParameterValue", "$top must be an integer from 1 to 1000: '" + top
                + "'.");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
