package io.asyncops.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.protocol.Json;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * {@code POST .../databases/{db}/export}: exports the database to a bacpac at {@code storageUri} (nothing is written
 * anywhere); its result is Azure's import/export result. The storage key and the password are checked for
 * presence, never kept.
 */
final class Export implements ResourceAction {
    private static final Set<String> STORAGE_KEY_TYPES = Set.of("StorageAccessKey", "SharedAccessKey",
            "ManagedIdentity");

    @Override
    public ObjectNode input(ActionRequest request) {
        JsonNode b = Bodies.object(request.body());
        String keyType = required(b, "storageKeyType");
        if (!STORAGE_KEY_TYPES.contains(keyType)) {
            throw Errors.invalidValue("storageKeyType", "'" + keyType + "' is not one of " + STORAGE_KEY_TYPES + ".");
        }
        required(b, "storageKey");
        String storageUri = required(b, "storageUri");
        URI uri;
        try {
            uri = URI.create(storageUri);
        } catch (IllegalArgumentException e) {
            throw Errors.invalidValue("storageUri", "'" + storageUri + "' is not a URI.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw Errors.invalidValue("storageUri", "The storage URI must be an https URL of a blob, e.g."
                    + " https://account.blob.core.windows.net/container/db.bacpac.");
        }
        required(b, "administratorLogin");
        required(b, "administratorLoginPassword");
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("storageUri", storageUri);
        input.put("storageKeyType", keyType);
        return input;
    }

    @Override
    public JsonNode result(ActionContext context) {
        String id = context.operation().id().toString();
        String[] segments = context.target().id().split("/");
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", context.target().id() + "/importExportOperationResults/" + id);
        node.put("name", id);
        node.put("type", "Microsoft.Sql/servers/databases/importExportOperationResults");
        ObjectNode p = node.putObject("properties");
        p.put("requestId", id);
        p.put("requestType", "Export");
        p.put("queuedTime", context.operation().createdAt().atOffset(ZoneOffset.UTC).toString());
        p.put("lastModifiedTime", context.operation().createdAt().plus(context.duration())
                .atOffset(ZoneOffset.UTC).toString());
        p.put("blobUri", context.input().path("storageUri").asText());
        p.put("serverName", segments[segments.length - 3]);
        p.put("databaseName", context.target().name());
        p.put("status", "Completed");
        p.putArray("privateEndpointConnections");
        return node;
    }

    private static String required(JsonNode body, String field) {
        String value = Bodies.text(body, field, field);
        if (value == null || value.isBlank()) {
            throw Errors.missing(field);
        }
        return value;
    }
}
