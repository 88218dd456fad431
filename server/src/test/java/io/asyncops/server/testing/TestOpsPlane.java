package io.asyncops.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.protocol.Json;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import io.asyncops.server.spi.ArmJson;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import io.asyncops.server.spi.Principal;
import io.asyncops.server.spi.RequestIds;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * A plane for the server's own tests, namespace {@code Test.Ops}: {@code PUT .../providers/Test.Ops/things/{name}}
 * starts a handler that sleeps {@code steps} times {@code stepMillis} (scaled by the time scale) reporting progress and
 * checkpoints, then succeeds with the thing as its result (padded to about {@code resultBytes} if given), or fails with the code in {@code "fail"}; {@code DELETE}
 * ends with no result (the result URL answers 204). Every terminal outcome inserts one row into
 * {@code test_ops_effects} in the completing transaction, so tests can count how often each operation ended.
 */
public final class TestOpsPlane implements Plane {
    public static final String NAMESPACE = "Test.Ops";
    public static final String API_VERSION = "2024-01-01";
    public static final String WRITE = NAMESPACE + "/things/write";
    public static final String DELETE = NAMESPACE + "/things/delete";
    static final String THING = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Test.Ops/things/{name}";

    private double timeScale = 1;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public void prepare(PlaneSetup setup) {
        timeScale = setup.timeScale();
        try (Connection c = setup.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS test_ops_effects (operation_id VARCHAR(36) NOT NULL, "
                    + "outcome VARCHAR(20) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test_ops_effects", e);
        }
        setup.handler(WRITE, this::write).handler(DELETE, this::write).armSegments(NAMESPACE, "things", "boom");
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        routing.put(THING, (req, res) -> start(req, res, context, WRITE))
                .delete(THING, (req, res) -> start(req, res, context, DELETE))
                .get(THING + "/boom", (req, res) -> {
                    throw new IllegalStateException("secret internal detail jdbc:h2:/private/path");
                })
                .get("/{sub}/cloudservices/{cs}", (req, res) -> {
                    throw new ApiException(400, "BadRequest", "The classic request was refused.");
                });
    }

    private void start(ServerRequest req, ServerResponse res, PlaneContext context, String kind) {
        String apiVersion = ApiVersions.require(req, Set.of(API_VERSION));
        String sub = req.path().pathParameters().get("sub");
        Principal.of(req).requireSubscription(sub);
        ObjectNode input = kind.equals(WRITE) ? objectBody(req) : Json.mapper().createObjectNode();
        String name = req.path().pathParameters().get("name");
        String location = input.path("location").asText("westus");
        input.put("location", location);
        input.put("name", name);
        String resourceId = req.path().rawPath();
        Submission submission = Submission.of(kind, input.toString())
                .withSubscription(sub)
                .withExclusiveResource(resourceId)
                .withRequestId(RequestIds.of(req).requestId())
                .withOwner(Principal.of(req).subject());
        String key = RequestIds.idempotencyKey(req).orElse(null);
        if (key != null) {
            submission = submission.withIdempotencyKey(key);
        }
        Operation op = context.engine().submit(submission);
        context.accepted(req, res, op, NAMESPACE, location, apiVersion);
    }

    private static ObjectNode objectBody(ServerRequest req) {
        JsonNode body = ArmJson.read(req);
        if (!(body instanceof ObjectNode object)) {
            throw new ApiException(400, "InvalidRequestContent", "The request content must be a JSON object.");
        }
        return object;
    }

    private Outcome write(OperationContext ctx) throws Exception {
        JsonNode in = Json.mapper().readTree(ctx.input());
        int steps = in.path("steps").asInt(4);
        long stepMillis = Math.max(1, Math.round(in.path("stepMillis").asLong(250) * timeScale));
        int done = ctx.checkpoint().map(Integer::parseInt).orElse(0);
        for (int i = done; i < steps; i++) {
            ctx.estimateRemaining(Duration.ofMillis(stepMillis * (steps - i)));
            ctx.sleep(Duration.ofMillis(stepMillis));
            ctx.checkpoint(Integer.toString(i + 1));
            ctx.progress(100.0 * (i + 1) / steps);
        }
        String id = ctx.operation().id().toString();
        if (in.hasNonNull("fail")) {
            String code = in.get("fail").asText();
            return Outcome.failed(OperationError.of(code, "The thing failed on purpose with " + code + ".", 400),
                    effect(id, "failed"));
        }
        if (ctx.operation().kind().equals(DELETE)) {
            return Outcome.succeeded(null, effect(id, "succeeded"));
        }
        ObjectNode thing = Json.mapper().createObjectNode();
        thing.put("id", ctx.operation().resourceId());
        thing.put("name", in.path("name").asText());
        thing.put("type", "Test.Ops/things");
        thing.put("location", in.path("location").asText());
        ObjectNode properties = thing.putObject("properties").put("provisioningState", "Succeeded");
        if (in.has("resultBytes")) {
            // a result of about that size, for tests of large answers
            properties.put("padding", "x".repeat(Math.max(0, in.get("resultBytes").asInt() - 200)));
        }
        return Outcome.succeeded(thing.toString(), effect(id, "succeeded"));
    }

    private static TransactionalWork effect(String operationId, String outcome) {
        return connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO test_ops_effects (operation_id, outcome) VALUES (?, ?)")) {
                ps.setString(1, operationId);
                ps.setString(2, outcome);
                ps.executeUpdate();
            }
        };
    }
}
