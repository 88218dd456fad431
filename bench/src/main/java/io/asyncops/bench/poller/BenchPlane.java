package io.asyncops.bench.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import io.asyncops.protocol.Json;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.RequestIds;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's own plane on a real asyncops server ({@code Bench.Ops/things}): {@code PUT} starts an engine
 * operation that runs {@code millis} ms and succeeds with the thing; {@code GET} answers the thing with its
 * {@code provisioningState}, so a client's final GET on the original URL works as it does on ARM.
 */
final class BenchPlane implements Plane {
    static final String NAMESPACE = "Bench.Ops";
    static final String API_VERSION = "2024-01-01";
    static final String KIND = NAMESPACE + "/things/write";
    private static final String THING = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Bench.Ops/things/{name}";

    private final Map<String, OperationId> byResource = new ConcurrentHashMap<>();
    private volatile PlaneContext context;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public void prepare(PlaneSetup setup) {
        setup.handler(KIND, this::work).armSegments(NAMESPACE, "things");
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        this.context = context;
        routing.put(THING, this::start).get(THING, this::read);
    }

    /** The operation that acts on {@code resourcePath}, once started. */
    Optional<Operation> operation(String resourcePath) {
        OperationId id = byResource.get(resourcePath);
        return id == null ? Optional.empty() : context.engine().get(id);
    }

    PlaneContext context() {
        return context;
    }

    private void start(ServerRequest req, ServerResponse res) {
        String apiVersion = ApiVersions.require(req, Set.of(API_VERSION));
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        JsonNode body = ArmJson.read(req);
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("name", req.path().pathParameters().get("name"));
        input.put("millis", body.path("millis").asLong(1000));
        String resource = req.path().rawPath();
        Operation op = context.engine().submit(Submission.of(KIND, input.toString())
                .withSubscription(sub)
                .withExclusiveResource(resource)
                .withRequestId(RequestIds.of(req).requestId()));
        byResource.put(resource, op.id());
        context.accepted(req, res, op, NAMESPACE, "westus", apiVersion);
    }

    private void read(ServerRequest req, ServerResponse res) {
        Principal.of(req).requireSubscription(req.path().pathParameters().get("sub"));
        Optional<Operation> op = operation(req.path().rawPath());
        if (op.isEmpty()) {
            res.status(Status.NOT_FOUND_404).header("Content-Type", "application/json")
                    .send("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"No such thing.\"}}");
            return;
        }
        ObjectNode thing = Json.mapper().createObjectNode();
        thing.put("id", req.path().rawPath());
        thing.put("name", req.path().pathParameters().get("name"));
        String state = switch (op.get().status()) {
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case CANCELED -> "Canceled";
            default -> "Creating";
        };
        thing.putObject("properties").put("provisioningState", state);
        res.header("Content-Type", "application/json").send(thing.toString());
    }

    private Outcome work(OperationContext ctx) throws Exception {
        long millis = Json.mapper().readTree(ctx.input()).path("millis").asLong(1000);
        ctx.estimateRemaining(Duration.ofMillis(millis));
        ctx.sleep(Duration.ofMillis(millis));
        return Outcome.succeeded("{\"name\":\"" + Json.mapper().readTree(ctx.input()).path("name").asText() + "\"}");
    }
}
