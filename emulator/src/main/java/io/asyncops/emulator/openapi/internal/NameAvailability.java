package io.asyncops.emulator.openapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code checkNameAvailability} answered for real: a name is available when it fits the type's name rule and no
 * resource of the type holds it in any subscription. The answer is written in the words of the spec's response
 * schema: its boolean ({@code nameAvailable} or {@code available}), {@code reason} from its enum
 * ({@code AlreadyExists}, {@code Invalid}/{@code AccountNameInvalid}), {@code message}, and {@code name} echoed.
 */
public final class NameAvailability extends SpecAction {
    private final List<ResourceType> candidates;

    /**
     * @param candidates the types with global names (a list completed after construction, read per request); the
     *                   request's {@code type} picks one
     */
    public NameAvailability(SpecOperation operation, String namespace, List<ResourceType> candidates) {
        super(operation, namespace);
        this.candidates = candidates; // filled once every type is built: read at request time
    }

    @Override
    public JsonNode result(ActionContext context) {
        String name = context.input().path("name").asText("");
        String requested = context.input().path("type").asText(null);
        ResourceType type = candidates.stream()
                .filter(t -> requested == null || t.type().equalsIgnoreCase(requested))
                .findFirst().orElse(candidates.isEmpty() ? null : candidates.get(0));
        boolean valid = true;
        String why = null;
        if (type != null) {
            try {
                type.nameRule().check(name);
            } catch (AzureException e) {
                valid = false;
                why = e.getMessage();
            }
        }
        Optional<?> holder = type == null || !valid ? Optional.empty()
                : context.lookup().findByGlobalName(type.type(), name);
        boolean available = valid && holder.isEmpty();
        if (!available && valid) {
            why = "The name '" + name + "' is already in use.";
        }
        return answer(name, available, valid, why);
    }

    private ObjectNode answer(String name, boolean available, boolean valid, String message) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Schema schema = operation().resultSchema();
        for (Schema.Property p : schema.properties().values()) {
            String n = p.name().toLowerCase(Locale.ROOT);
            if (p.schema().kind() == Schema.Kind.BOOLEAN && n.contains("available")) {
                out.put(p.name(), available);
            } else if (n.equals("name")) {
                out.put(p.name(), name);
            } else if (n.equals("reason") && !available) {
                out.put(p.name(), reason(p.schema(), valid));
            } else if (n.equals("message") && !available) {
                out.put(p.name(), message);
            }
        }
        return out;
    }

    private static String reason(Schema schema, boolean valid) {
        String wanted = valid ? "alreadyexists" : "invalid";
        for (String v : schema.enumValues()) {
            if (v.toLowerCase(Locale.ROOT).contains(wanted)) {
                return v;
            }
        }
        return valid ? "AlreadyExists" : "Invalid";
    }
}
