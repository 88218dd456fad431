package io.asyncops.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.protocol.Json;
import java.util.Locale;

/**
 * {@code POST /subscriptions/{sub}/providers/Microsoft.Sql/checkNameAvailability} ({@code Servers_CheckNameAvailability}):
 * whether a server could be created with {@code name}, a real answer: {@code AlreadyExists} when a server of that
 * name exists in any subscription, {@code Invalid} when the name breaks the naming rule.
 */
final class CheckNameAvailability implements ResourceAction {

    @Override
    public ObjectNode input(ActionRequest request) {
        JsonNode b = Bodies.object(request.body());
        String name = Bodies.text(b, "name", "name");
        if (name == null) {
            throw Errors.missing("name");
        }
        String type = Bodies.text(b, "type", "type");
        if (type == null) {
            throw Errors.missing("type");
        }
        if (!type.equalsIgnoreCase(Sql.SERVERS)) {
            throw Errors.invalidValue("type", "Only '" + Sql.SERVERS + "' names are checked here, not '" + type
                    + "'.");
        }
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("name", name);
        input.put("type", Sql.SERVERS);
        return input;
    }

    @Override
    public JsonNode result(ActionContext context) {
        String name = context.input().path("name").asText();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("name", name);
        try {
            NameRules.server(name);
        } catch (AzureException invalid) {
            return answer.put("available", false).put("reason", "Invalid").put("message", invalid.getMessage());
        }
        if (context.lookup().findByGlobalName(Sql.SERVERS, name.toLowerCase(Locale.ROOT)).isPresent()) {
            return answer.put("available", false).put("reason", "AlreadyExists")
                    .put("message", "Specified server name is already used.");
        }
        return answer.put("available", true);
    }
}
