package io.asyncops.emulator;

import static io.asyncops.emulator.CoreFixture.group;
import static io.asyncops.emulator.CoreFixture.json;
import static io.asyncops.emulator.CoreFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the core does beyond a resource's own verbs, on a real engine and database: soft delete (a record in the
 * provider's region, recover, purge, a group's delete), resources created with their parent, actions at any path
 * and method that change, remove or replace what is under their target, several routes on one path by method.
 */
abstract class LifecycleContract {
    static final String THINGS = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers"
            + "/Contoso.Things/things";
    static final String REGION = "/subscriptions/{subscriptionId}/providers/Contoso.Things/locations/{location}";

    /** Things keep a record when deleted (unless {@code properties.keep} is false) and recover from it. */
    static final ResourceHooks THING_HOOKS = new ResourceHooks() {
        @Override
        public ObjectNode softDeleted(Resource resource, Instant now) {
            if (!resource.body().at("/properties/keep").asBoolean(true)) {
                return null;
            }
            ObjectNode record = Json.mapper().createObjectNode();
            record.putObject("properties").put("thingId", resource.id()).put("deletedAt", now.toString())
                    .set("original", resource.body());
            return record;
        }

        @Override
        public boolean recovers(WriteRequest request, ObjectNode input) {
            return input.at("/properties/createMode").asText("").equals("recover");
        }

        @Override
        public ObjectNode recovered(WriteRequest request, ObjectNode input, Resource deleted) {
            ObjectNode original = (ObjectNode) deleted.body().at("/properties/original");
            original.remove(java.util.List.of("id", "name", "type"));
            return original;
        }
    };

    CoreFixture f;
    String sub;
    Caller caller;
    ResourceType things;
    ResourceType deleted;
    ResourceType settings;
    ResourceType parts;

    abstract DataSource dataSource();

    @BeforeEach
    void start() {
        ResourceType.Builder thing = ResourceType.builder("Contoso.Things/things", THINGS + "/{thingName}")
                .apiVersions("2024-01-01")
                .put(VerbStyle.synchronous())
                .delete(VerbStyle.synchronous())
                .softDelete("Contoso.Things/locations/deletedThings")
                .hooks(THING_HOOKS)
                .action("rename", VerbStyle.synchronous(), new Rename())
                .action("bump", VerbStyle.accepted(Duration.ofSeconds(1)), new Bump())
                .action("parts", "PUT", THINGS + "/{thingName}/parts", VerbStyle.synchronous(), new ReplaceParts())
                .action("usages", "GET", REGION + "/usages", VerbStyle.synchronous(), new Usages());
        deleted = ResourceType.builder("Contoso.Things/locations/deletedThings", REGION + "/deletedThings/{thingName}")
                .apiVersions("2024-01-01")
                .tracked(false)
                .listAt("/subscriptions/{subscriptionId}/providers/Contoso.Things/deletedThings")
                .action("purge", VerbStyle.accepted(Duration.ofSeconds(1)), new Purge())
                .build();
        settings = ResourceType.builder("Contoso.Things/things/settings", THINGS + "/{thingName}/settings/{name}")
                .apiVersions("2024-01-01").tracked(false).put(VerbStyle.synchronous())
                .nameRule(name -> {
                    if (!name.equals("default")) {
                        throw AzureException.badRequest("InvalidResourceName", "only default", "name");
                    }
                })
                .createdWithParent("default")
                .hooks(new ResourceHooks() {
                    @Override
                    public ObjectNode initial(WriteRequest request, Resource parent) {
                        ObjectNode body = request.body();
                        body.putObject("properties").put("color", parent.body().at("/properties/color").asText());
                        return body;
                    }
                })
                .build();
        parts = ResourceType.builder("Contoso.Things/things/parts", THINGS + "/{thingName}/parts/{partName}")
                .apiVersions("2024-01-01").tracked(false).put(VerbStyle.synchronous())
                .delete(VerbStyle.synchronous())
                .hooks(new ResourceHooks() {
                    @Override
                    public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
                        if (input.at("/properties/size").asInt(0) < 1) {
                            throw AzureException.badRequest("InvalidSize", "A part's size is at least 1.",
                                    "properties.size");
                        }
                    }
                })
                .build();
        things = thing.build();
        f = CoreFixture.start(dataSource(), 0.01, b -> b.workers(4), things, deleted, settings, parts);
        sub = UUID.randomUUID().toString();
        caller = Caller.of(sub);
        f.putNow(f.groups, group(sub, "rg"), "{'location':'westus'}", caller);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    Map<String, String> thing(String group, String name) {
        Map<String, String> path = group(sub, group);
        path.put("thingName", name);
        return path;
    }

    Map<String, String> record(String location, String name) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("subscriptionId", sub);
        path.put("location", location);
        path.put("thingName", name);
        return path;
    }

    @Test
    void aDeleteLeavesARecordInTheRegionThatHoldsTheNameUntilRecoveredOrPurged() {
        f.putNow(things, thing("rg", "t1"), "{'location':'westus','properties':{'color':'red'}}", caller);
        assertThat(f.delete(things, thing("rg", "t1"), caller)).isInstanceOf(Answer.Done.class);
        JsonNode record = f.get(deleted, record("westus", "t1"));
        assertThat(record.path("id").asText()).isEqualTo("/subscriptions/" + sub
                + "/providers/Contoso.Things/locations/westus/deletedThings/t1");
        assertThat(record.at("/properties/thingId").asText()).endsWith("/resourceGroups/rg/providers/Contoso.Things"
                + "/things/t1");
        assertThat(f.names(deleted, 1, Map.of("subscriptionId", sub))).containsExactly("t1");
        assertThat(f.names(deleted, 0, Map.of("subscriptionId", sub, "location", "eastus"))).isEmpty();
        refused(() -> f.put(things, thing("rg", "t1"), "{'location':'westus'}", caller), 409, "ConflictError");

        Answer.Done back = f.putNow(things, thing("rg", "t1"), "{'location':'westus','properties':"
                + "{'createMode':'recover'}}", caller);
        assertThat(back.status()).isEqualTo(201);
        assertThat(f.get(things, thing("rg", "t1")).at("/properties/color").asText()).isEqualTo("red");
        refused(() -> f.core.get(deleted, record("westus", "t1")), 404, "ResourceNotFound");
        refused(() -> f.put(things, thing("rg", "t9"), "{'location':'westus','properties':{'createMode':'recover'}}",
                caller), 404, "ResourceNotFound");

        f.delete(things, thing("rg", "t1"), caller);
        Answer.Started purge = (Answer.Started) f.core.action(deleted, "purge", record("westus", "t1"), null, caller);
        assertThat(purge.location()).as("the region of the path").isEqualTo("westus");
        assertThat(f.finish(purge).status()).isEqualTo(OperationStatus.SUCCEEDED);
        refused(() -> f.core.get(deleted, record("westus", "t1")), 404, "ResourceNotFound");
        assertThat(f.putNow(things, thing("rg", "t1"), "{'location':'westus'}", caller).status()).isEqualTo(201);

        f.putNow(things, thing("rg", "t2"), "{'location':'westus','properties':{'keep':false}}", caller);
        f.delete(things, thing("rg", "t2"), caller);
        refused(() -> f.core.get(deleted, record("westus", "t2")), 404, "ResourceNotFound");
    }

    @Test
    void aSkipTokenThatDecodesToAnythingButAKeyIsRefused() {
        // base64url of a NUL, of bytes that are not UTF-8, of a control character: PostgreSQL refuses a NUL in
        // text, so such a key must never reach the database
        for (String token : List.of("AA", "AAAAAAAAAAAAAAAAAAAAAA", "__4", "YQFi", "w4")) {
            refused(() -> f.core.listTracked(sub, null, true, 10, token), 400, "InvalidSkipToken");
            refused(() -> f.core.listTracked(sub, "rg", false, 10, token), 400, "InvalidSkipToken");
        }
        assertThat(f.core.listTracked(sub, null, true, 10, null).items()).isEmpty();
    }

    @Test
    void deletingAGroupRecordsTheSoftDeletedResourcesInIt() {
        f.putNow(f.groups, group(sub, "doomed"), "{'location':'westus'}", caller);
        f.putNow(things, thing("doomed", "t3"), "{'location':'eastus'}", caller);
        assertThat(f.finish(f.delete(f.groups, group(sub, "doomed"), caller)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(f.get(deleted, record("eastus", "t3")).at("/properties/thingId").asText()).contains("/doomed/");
    }

    @Test
    void aResourceCreatedWithItsParentExistsAsLongAsTheParent() {
        f.putNow(things, thing("rg", "t4"), "{'location':'westus','properties':{'color':'blue'}}", caller);
        Map<String, String> path = thing("rg", "t4");
        path.put("name", "default");
        JsonNode initial = f.get(settings, path);
        assertThat(initial.path("id").asText()).endsWith("/things/t4/settings/default");
        assertThat(initial.at("/properties/color").asText()).as("from the parent").isEqualTo("blue");
        assertThat(f.names(settings, 0, thing("rg", "t4"))).containsExactly("default");
        assertThat(f.putNow(settings, path, "{'properties':{'color':'green'}}", caller).status()).isEqualTo(200);
        f.putNow(things, thing("rg", "t4"), "{'location':'westus','properties':{'color':'blue'}}", caller);
        assertThat(f.get(settings, path).at("/properties/color").asText()).as("an update keeps it")
                .isEqualTo("green");
        f.delete(things, thing("rg", "t4"), caller);
        refused(() -> f.core.get(settings, path), 404, "ParentResourceNotFound");
    }

    @Test
    void actionsChangeTheirTargetOrReplaceItsChildrenAllOrNothing() {
        f.putNow(things, thing("rg", "t5"), "{'location':'westus','properties':{'color':'red'}}", caller);
        Answer.Done renamed = (Answer.Done) f.core.action(things, "rename", thing("rg", "t5"),
                json("{'color':'green'}"), caller);
        assertThat(renamed.body().path("color").asText()).as("the result sees the change").isEqualTo("green");
        assertThat(f.get(things, thing("rg", "t5")).at("/properties/color").asText()).isEqualTo("green");
        assertThat(f.finish(f.core.action(things, "bump", thing("rg", "t5"), null, caller)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(f.get(things, thing("rg", "t5")).at("/properties/bumps").asInt()).isEqualTo(1);

        Map<String, String> part = thing("rg", "t5");
        part.put("partName", "old");
        f.putNow(parts, part, "{'properties':{'size':1}}", caller);
        f.core.action(things, "parts", thing("rg", "t5"), json("{'a':{'properties':{'size':2}},"
                + "'b':{'properties':{'size':3}}}"), caller);
        assertThat(f.names(parts, 0, thing("rg", "t5"))).containsExactly("a", "b");
        refused(() -> f.core.action(things, "parts", thing("rg", "t5"), json("{'c':{'properties':{'size':4}},"
                + "'d':{'properties':{'size':0}}}"), caller), 400, "InvalidSize");
        assertThat(f.names(parts, 0, thing("rg", "t5"))).as("nothing changed").containsExactly("a", "b");
        refused(() -> f.core.action(things, "rename", thing("rg", "nothing"), json("{'color':'x'}"), caller), 404,
                "ResourceNotFound");
    }

    @Test
    void aGetActionComputesFromTheStoreAndRoutesShareAPathByMethod() {
        f.putNow(things, thing("rg", "t6"), "{'location':'westus'}", caller);
        Map<String, String> region = Map.of("subscriptionId", sub, "location", "westus");
        Answer.Done usages = (Answer.Done) f.core.action(things, "usages", region, null, caller);
        assertThat(usages.body().path("things").asInt()).isEqualTo(1);
        ResourceType.Action replace = things.actions().get("parts");
        assertThat(replace.method()).isEqualTo("PUT");
        assertThat(replace.onResource()).isTrue();
        assertThat(things.actions().get("usages").onResource()).isFalse();
        assertThat(f.types.routes()).filteredOn(r -> r.path().equals(replace.path()))
                .extracting(ResourceTypes.Route::kind)
                .containsExactlyInAnyOrder(ResourceTypes.RouteKind.LIST, ResourceTypes.RouteKind.ACTION);
        ResourceType clashing = things.toBuilder().action("clash", "GET", THINGS + "/{thingName}/parts",
                VerbStyle.synchronous(), new Usages()).build();
        assertThatThrownBy(() -> ResourceTypes.of(clashing, parts, settings, deleted))
                .hasMessageContaining("two routes on");
        assertThatThrownBy(() -> ResourceTypes.of(things)).hasMessageContaining("soft-deletes into");
    }

    /** Sets the target's color, answering the color it then has. */
    static final class Rename implements ResourceAction {
        @Override
        public ObjectNode change(ActionContext context) {
            ObjectNode body = context.target().body();
            body.withObjectProperty("properties").put("color", context.input().path("color").asText());
            return body;
        }

        @Override
        public JsonNode result(ActionContext context) {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("color", context.target().body().at("/properties/color").asText());
            return out;
        }
    }

    /** Counts its runs in the target, when it succeeds. */
    static final class Bump implements ResourceAction {
        @Override
        public ObjectNode change(ActionContext context) {
            ObjectNode body = context.target().body();
            ObjectNode props = body.withObjectProperty("properties");
            props.put("bumps", props.path("bumps").asInt(0) + 1);
            return body;
        }

        @Override
        public JsonNode result(ActionContext context) {
            return null;
        }
    }

    /** Replaces a thing's parts with the body's (name to body). */
    static final class ReplaceParts implements ResourceAction {
        @Override
        public Children children(ActionContext context) {
            Map<String, ObjectNode> bodies = new LinkedHashMap<>();
            context.input().properties().forEach(e -> bodies.put(e.getKey(), (ObjectNode) e.getValue()));
            return new Children("Contoso.Things/things/parts", bodies);
        }

        @Override
        public JsonNode result(ActionContext context) {
            return null;
        }
    }

    /** Counts the things of the region. */
    static final class Usages implements ResourceAction {
        @Override
        public JsonNode result(ActionContext context) {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("things", context.lookup().count(context.path().get("subscriptionId"), "Contoso.Things/things",
                    context.path().get("location")));
            return out;
        }
    }

    /** Removes the record. */
    static final class Purge implements ResourceAction {
        @Override
        public boolean removesTarget() {
            return true;
        }

        @Override
        public JsonNode result(ActionContext context) {
            return null;
        }
    }
}
