package io.asyncops.server.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Answer;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Conditions;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourcePage;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.protocol.HeaderNames;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.RetryAfter;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.RequestIds;
import io.helidon.http.HeaderName;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one generic ARM resource route: every registered type's resources, collections and actions, found by path
 * template ({@link RouteTrie}), served by the provider core. First the subscription (one the caller may not see is
 * {@code 404}), then the api-version, then the verb: GET, HEAD ({@code 204}/{@code 404}), PUT, PATCH, DELETE on a
 * resource; GET on a collection ({@code {"value":[...],"nextLink":...}}, paged by {@code $top} and
 * {@code $skipToken}); POST on an action. A path no type has goes on to the next route.
 */
public final class ArmResourceService implements HttpService {
    /** The default and largest page of a list. */
    static final int PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final HeaderName IF_MATCH = io.helidon.http.HeaderNames.IF_MATCH;
    private static final HeaderName IF_NONE_MATCH = io.helidon.http.HeaderNames.IF_NONE_MATCH;

    private final PlaneContext context;
    private final ProviderCore core;
    private final RouteTrie trie;

    public ArmResourceService(PlaneContext context) {
        this.context = context;
        this.core = context.providers();
        this.trie = new RouteTrie(core.types().routes());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::handle);
    }

    private void handle(ServerRequest req, ServerResponse res) {
        String raw = req.path().rawPath();
        RouteTrie.Match match = raw.regionMatches(true, 0, "/subscriptions/", 0, 15) ? trie.match(raw) : null;
        if (match == null) {
            res.next();
            return;
        }
        ResourceTypes.Route route = match.route();
        Map<String, String> path = match.values();
        ResourceType type = route.type();
        Principal.of(req).requireSubscription(path.get(route.path().parameterNames().get(0)));
        String apiVersion = ApiVersions.require(req, type.apiVersions());
        Method method = req.prologue().method();
        switch (route.kind()) {
            case RESOURCE -> resource(req, res, type, path, method, apiVersion);
            case LIST -> {
                if (!method.equals(Method.GET)) {
                    throw ApiException.methodNotAllowed(method.text(), "GET");
                }
                list(req, res, type, route.list(), path);
            }
            case ACTION -> {
                if (!method.equals(Method.POST)) {
                    throw ApiException.methodNotAllowed(method.text(), "POST");
                }
                answer(req, res, core.action(type, route.action().name(), path, optionalBody(req),
                        caller(req, path)), apiVersion, route.action().style());
            }
        }
    }

    private void resource(ServerRequest req, ServerResponse res, ResourceType type, Map<String, String> path,
                          Method method, String apiVersion) {
        String m = method.text();
        if (m.equals("GET")) {
            Resource r = core.get(type, path);
            res.header(io.helidon.http.HeaderNames.ETAG, "\"" + r.etag() + "\"");
            ArmJson.send(res, 200, core.render(r).toString());
        } else if (m.equals("HEAD")) {
            res.status(core.find(type, path).isPresent() ? 204 : 404);
            res.send();
        } else if (m.equals("PUT") && type.style(Verb.PUT).isPresent()) {
            answer(req, res, core.put(type, path, ArmJson.read(req), caller(req, path), conditions(req)),
                    apiVersion, type.style(Verb.PUT).orElseThrow());
        } else if (m.equals("PATCH") && type.style(Verb.PATCH).isPresent()) {
            answer(req, res, core.patch(type, path, ArmJson.read(req), caller(req, path), conditions(req)),
                    apiVersion, type.style(Verb.PATCH).orElseThrow());
        } else if (m.equals("DELETE") && type.style(Verb.DELETE).isPresent()) {
            answer(req, res, core.delete(type, path, caller(req, path), conditions(req)), apiVersion,
                    type.style(Verb.DELETE).orElseThrow());
        } else {
            List<String> allowed = new ArrayList<>(List.of("GET", "HEAD"));
            for (Verb verb : List.of(Verb.PUT, Verb.PATCH, Verb.DELETE)) {
                type.style(verb).ifPresent(s -> allowed.add(verb.name()));
            }
            throw ApiException.methodNotAllowed(m, allowed.toArray(String[]::new));
        }
    }

    private void list(ServerRequest req, ServerResponse res, ResourceType type, ResourceType.ListPath list,
                      Map<String, String> path) {
        int top = top(req);
        String skipToken = query(req, "$skipToken");
        ResourcePage page = core.list(type, list, path, top, skipToken);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode value = body.putArray("value");
        page.items().forEach(r -> value.add(core.render(r)));
        if (page.next() != null) {
            body.put("nextLink", context.urls().absolute(req, req.path().rawPath() + "?" + nextQuery(req, page.next())));
        }
        ArmJson.send(res, 200, body.toString());
    }

    /** Renders what the core answered: the resource at once, or the operation's first answer. */
    private void answer(ServerRequest req, ServerResponse res, Answer answer, String apiVersion, VerbStyle style) {
        switch (answer) {
            case Answer.Done done -> {
                if (done.resource() != null) {
                    res.header(io.helidon.http.HeaderNames.ETAG, "\"" + done.resource().etag() + "\"");
                }
                int status = style.status(done.status()); // within what the type declares
                if (done.body() == null) {
                    res.status(status);
                    res.send();
                } else {
                    ArmJson.send(res, status, done.body().toString());
                }
            }
            case Answer.Started started -> {
                if (started.resource() != null) {
                    res.header(io.helidon.http.HeaderNames.ETAG, "\"" + started.resource().etag() + "\"");
                }
                if (started.style().mode() == VerbStyle.Mode.ACCEPTED || started.body() == null) {
                    context.accepted(req, res, started.operation(), started.namespace(), started.location(),
                            apiVersion);
                    return;
                }
                String sub = started.operation().subscription();
                var urls = context.urls();
                res.header(HeaderNames.AZURE_ASYNC_OPERATION, urls.operationStatus(req, sub, started.namespace(),
                        started.location(), started.operation().id(), apiVersion));
                if (started.style().finalStateVia() == VerbStyle.FinalStateVia.LOCATION) {
                    res.header(HeaderNames.LOCATION, urls.operationResult(req, sub, started.namespace(),
                            started.location(), started.operation().id(), apiVersion));
                }
                if (started.style().finalStateVia() == VerbStyle.FinalStateVia.OPERATION_LOCATION) {
                    res.header(HeaderNames.OPERATION_LOCATION, urls.operationStatus(req, sub, started.namespace(),
                            started.location(), started.operation().id(), apiVersion));
                }
                res.header(HeaderNames.RETRY_AFTER, RetryAfter.format(context.engine().retryAfter(
                        started.operation())));
                ArmJson.send(res, style.status(started.created() ? 201 : 200), started.body().toString());
            }
        }
    }

    /** The caller of a write: subscription, principal, request id and idempotency key. */
    private static Caller caller(ServerRequest req, Map<String, String> path) {
        String subscription = path.values().iterator().next();
        RequestIds ids = RequestIds.of(req);
        return new Caller(subscription, Principal.of(req).subject(), ids.requestId(),
                RequestIds.idempotencyKey(req).orElse(null));
    }

    private static Conditions conditions(ServerRequest req) {
        return new Conditions(req.headers().first(IF_MATCH).orElse(null),
                req.headers().first(IF_NONE_MATCH).orElse(null));
    }

    /** An action's body, null when the request has none. */
    private static JsonNode optionalBody(ServerRequest req) {
        return req.content().hasEntity() && req.headers().contentLength().orElse(1L) > 0 ? ArmJson.read(req) : null;
    }

    private static int top(ServerRequest req) {
        String top = query(req, "$top");
        if (top == null) {
            return PAGE;
        }
        try {
            int n = Integer.parseInt(top.trim());
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(400, "InvalidParameterValue", "The $top query parameter must be a whole number from"
                + " 1 to " + MAX_PAGE + ".", "$top");
    }

    private static String query(ServerRequest req, String name) {
        return req.query().contains(name) ? req.query().get(name) : null;
    }

    /** The request's query with {@code $skipToken} set to {@code token}. */
    private static String nextQuery(ServerRequest req, String token) {
        StringBuilder q = new StringBuilder();
        for (String name : req.query().names()) {
            if (name.equalsIgnoreCase("$skipToken")) {
                continue;
            }
            for (String v : req.query().all(name)) {
                q.append(q.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(v));
            }
        }
        return q.append(q.isEmpty() ? "" : "&").append("%24skipToken=").append(encode(token)).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
