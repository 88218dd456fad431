package io.asyncops.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Plan;
import io.asyncops.emulator.PlanContext;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.Timings;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.engine.OperationError;
import io.asyncops.protocol.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Databases: the SKU catalog (a {@code sku} or a {@code requestedServiceObjectiveName}), sizes, collations, the
 * server's location. A max size beyond what the sku allows is accepted and fails a third of the way in with
 * {@code InvalidMaxSizeTierCombination}, as Azure's provisioning does. {@code properties.status} is {@code Creating}
 * while created, {@code Scaling} while the sku changes, {@code Online} otherwise.
 */
final class Databases implements ResourceHooks {
    static final double SIZE_CHECK_AT = 0.3;
    static final String DEFAULT_COLLATION = "SQL_Latin1_General_CP1_CI_AS";
    private static final Pattern COLLATION = Pattern.compile("[A-Za-z0-9_]{1,128}");

    private final Timings timings;

    Databases(Timings timings) {
        this.timings = timings;
    }

    /** Location, tags, the resolved sku, max size and collation: the same for a create and an update. */
    @Override
    public ObjectNode normalize(WriteRequest request) {
        ObjectNode b = request.body();
        JsonNode p = Bodies.child(b, "properties", "properties");
        Sku sku = requestedSku(b, p);
        Long maxSize = Bodies.integer(p, "maxSizeBytes", "properties.maxSizeBytes");
        if (maxSize != null && maxSize <= 0) {
            throw Errors.invalidValue("maxSizeBytes", "The max size must be a positive number of bytes, not "
                    + maxSize + ".");
        }
        String collation = Bodies.text(p, "collation", "properties.collation");
        if (collation != null && !COLLATION.matcher(collation).matches()) {
            throw new AzureException(400, "InvalidCollation", "Collation '" + collation + "' is not recognized"
                    + " by the server.", "properties.collation");
        }
        String createMode = Bodies.text(p, "createMode", "properties.createMode");
        if (createMode != null && !"Default".equalsIgnoreCase(createMode)) {
            throw Errors.invalidValue("createMode", "The emulator creates databases with createMode 'Default' only,"
                    + " not '" + createMode + "'.");
        }
        ObjectNode input = Bodies.envelopeOf(b);
        if (sku != null) {
            input.set("sku", Json.mapper().valueToTree(sku));
        }
        if (maxSize != null) {
            input.put("maxSizeBytes", maxSize);
        }
        if (collation != null) {
            input.put("collation", collation);
        }
        return input;
    }

    /** A database lives where its server does. */
    @Override
    public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        String location = input.path("location").asText(null);
        if (parent != null && location != null && !location.equals(parent.location())) {
            throw new AzureException(400, "InvalidLocation", "The database location '" + location + "' must be the"
                    + " location of its server '" + parent.name() + "' ('" + parent.location() + "').", "location");
        }
    }

    @Override
    public ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        JsonNode was = existing == null ? Json.mapper().createObjectNode() : existing.body();
        Sku sku = input.has("sku") ? Json.mapper().convertValue(input.get("sku"), Sku.class)
                : existing != null ? Json.mapper().convertValue(was.get("sku"), Sku.class) : SkuCatalog.DEFAULT.sku();
        long maxSize = input.has("maxSizeBytes") ? input.get("maxSizeBytes").longValue()
                : existing != null ? was.at("/properties/maxSizeBytes").longValue()
                : SkuCatalog.resolve(sku.name(), null, null).defaultSizeBytes();
        String collation = input.has("collation") ? input.get("collation").asText()
                : existing != null ? was.at("/properties/collation").asText() : DEFAULT_COLLATION;
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("sku", Json.mapper().valueToTree(sku));
        body.put("kind", sku.family() != null ? "v12.0,user,vcore" : "v12.0,user");
        body.set("tags", input.has("tags") ? input.get("tags") : was.get("tags"));
        ObjectNode p = body.putObject("properties");
        p.put("collation", collation);
        p.put("maxSizeBytes", maxSize);
        p.put("status", "Online");
        p.put("databaseId", existing != null ? was.at("/properties/databaseId").asText()
                : UUID.randomUUID().toString());
        p.put("creationDate", existing != null ? was.at("/properties/creationDate").asText()
                : request.now().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        p.put("currentServiceObjectiveName", sku.name());
        p.put("requestedServiceObjectiveName", sku.name());
        p.put("catalogCollation", DEFAULT_COLLATION);
        p.put("zoneRedundant", false);
        p.put("readScale", "Disabled");
        p.set("currentSku", Json.mapper().valueToTree(sku));
        p.put("currentBackupStorageRedundancy", "Geo");
        p.put("requestedBackupStorageRedundancy", "Geo");
        p.put("isLedgerOn", false);
        return body;
    }

    /** {@code Creating} while created; {@code Scaling} while the sku changes. */
    @Override
    public ObjectNode whileRunning(ObjectNode desired, Resource existing) {
        if (existing == null) {
            ((ObjectNode) desired.get("properties")).put("status", "Creating");
            return desired;
        }
        ObjectNode shown = existing.body();
        if (!desired.at("/sku/name").asText().equals(shown.at("/sku/name").asText())) {
            ((ObjectNode) shown.get("properties")).put("status", "Scaling");
        }
        return shown;
    }

    /** The status follows the provisioning state: back to {@code Online} once a write ended, however it ended. */
    @Override
    public ObjectNode render(Resource resource) {
        ObjectNode body = resource.body();
        if (!resource.isTransitional() && body.get("properties") instanceof ObjectNode p) {
            p.put("status", "Online");
        }
        return body;
    }

    /** Create or update time; a max size the sku does not allow fails a third of the way in. */
    @Override
    public Plan plan(PlanContext context) {
        if (context.verb() == Verb.DELETE) {
            return context.defaultPlan();
        }
        Plan plan = Plan.of(context.scaled(context.creating() ? timings.databaseCreate() : timings.databaseUpdate()))
                .failing(context.fault(), Plan.FAULT_AT);
        ObjectNode desired = context.desired();
        String skuName = desired.at("/sku/name").asText();
        long maxSize = desired.at("/properties/maxSizeBytes").longValue();
        long limit = SkuCatalog.resolve(skuName, null, null).maxSizeBytes();
        if (!plan.fails() && maxSize > limit) {
            plan = plan.failing(OperationError.of("InvalidMaxSizeTierCombination", "The tier '"
                    + desired.at("/sku/tier").asText() + "' (service objective '" + skuName + "') does not support"
                    + " the database max size '" + maxSize + "' bytes: its largest is " + limit + " bytes.", 400),
                    SIZE_CHECK_AT);
        }
        return plan;
    }

    /** The sku the body asks for: {@code sku} (current api-versions) or {@code properties.requestedServiceObjectiveName}. */
    private static Sku requestedSku(JsonNode body, JsonNode properties) {
        JsonNode skuNode = Bodies.child(body, "sku", "sku");
        if (!skuNode.isMissingNode()) {
            Long capacity = Bodies.integer(skuNode, "capacity", "sku.capacity");
            if (capacity != null && (capacity < 1 || capacity > 100_000)) {
                throw Errors.invalidValue("sku.capacity", "The capacity must be a number of DTUs or vCores, not "
                        + capacity + ".");
            }
            return SkuCatalog.resolve(Bodies.text(skuNode, "name", "sku.name"), Bodies.text(skuNode, "tier", "sku.tier"),
                    capacity == null ? null : capacity.intValue()).sku();
        }
        String objective = Bodies.text(properties, "requestedServiceObjectiveName",
                "properties.requestedServiceObjectiveName");
        if (objective != null) {
            return SkuCatalog.resolve(objective, Bodies.text(properties, "edition", "properties.edition"), null).sku();
        }
        return null;
    }
}
