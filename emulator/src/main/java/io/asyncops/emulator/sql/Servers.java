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
import io.asyncops.emulator.internal.NameRules;
import io.asyncops.protocol.Json;
import java.util.Locale;
import java.util.Set;

/**
 * Logical servers: the administrator login and password rules (a password is checked, never kept), version
 * {@code 12.0}, TLS versions, public network access, a name unique across Azure ({@code NameAlreadyExists} in
 * another subscription, {@code ServerAlreadyExists} in another group), a login fixed once created. A server shows
 * {@code properties.state} {@code Ready} once created.
 */
final class Servers implements ResourceHooks {
    private static final Set<String> TLS_VERSIONS = Set.of("1.0", "1.1", "1.2", "1.3", "None");
    private static final String PASSWORD = "administratorLoginPassword";

    private final Timings timings;

    Servers(Timings timings) {
        this.timings = timings;
    }

    /**
     * The same input for a create and for an update by PUT (so a retried create that finds its server is the same
     * operation): location, tags, login, version, TLS, access; never the password.
     */
    @Override
    public ObjectNode normalize(WriteRequest request) {
        ObjectNode b = request.body();
        JsonNode p = Bodies.child(b, "properties", "properties");
        String login = Bodies.text(p, "administratorLogin", "properties.administratorLogin");
        Bodies.text(p, PASSWORD, "properties." + PASSWORD);
        String rawVersion = Bodies.text(p, "version", "properties.version");
        String tls = Bodies.text(p, "minimalTlsVersion", "properties.minimalTlsVersion");
        if (tls != null && !TLS_VERSIONS.contains(tls)) {
            throw Errors.invalidValue("minimalTlsVersion", "'" + tls + "' is not one of 1.0, 1.1, 1.2, 1.3, None.");
        }
        String access = publicNetworkAccess(Bodies.text(p, "publicNetworkAccess", "properties.publicNetworkAccess"));
        ObjectNode input = Bodies.envelopeOf(b);
        ObjectNode properties = input.putObject("properties");
        if (request.isPatch()) {
            putIfNotNull(properties, "version", rawVersion == null ? null : version(rawVersion));
            putIfNotNull(properties, "minimalTlsVersion", tls);
            putIfNotNull(properties, "publicNetworkAccess", access);
            return input;
        }
        putIfNotNull(properties, "administratorLogin", login);
        properties.put("version", version(rawVersion));
        putIfNotNull(properties, "minimalTlsVersion", tls);
        properties.put("publicNetworkAccess", access != null ? access : "Enabled");
        return input;
    }

    @Override
    public void check(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        JsonNode p = request.body().path("properties");
        String login = p.path("administratorLogin").isTextual() ? p.get("administratorLogin").textValue() : null;
        String password = p.path(PASSWORD).isTextual() ? p.get(PASSWORD).textValue() : null;
        if (existing != null) {
            String current = existing.body().at("/properties/administratorLogin").asText();
            if (login != null && !login.equalsIgnoreCase(current)) {
                throw Errors.invalidValue("administratorLogin", "The administrator login of a server cannot be"
                        + " changed once the server is created (it is '" + current + "').");
            }
            if (password != null) {
                NameRules.password(password, current);
            }
            return;
        }
        if (login == null) {
            throw Errors.invalidValue("Login", "Specify a valid parameter value: 'properties.administratorLogin'"
                    + " is required to create a server.");
        }
        NameRules.login(login);
        if (password == null) {
            throw Errors.invalidValue("Password", "Specify a valid parameter value:"
                    + " 'properties.administratorLoginPassword' is required to create a server.");
        }
        NameRules.password(password, login);
    }

    /** What the server will be: the request over what is there (a PATCH keeps what it leaves out). */
    @Override
    public ObjectNode desired(WriteRequest request, ObjectNode input, Resource existing, Resource parent) {
        ObjectNode body = existing == null ? Json.mapper().createObjectNode() : existing.body();
        if (input.has("tags")) {
            body.set("tags", input.get("tags"));
        }
        body.put("kind", "v12.0");
        ObjectNode was = body.has("properties") ? (ObjectNode) body.get("properties")
                : Json.mapper().createObjectNode();
        JsonNode in = input.path("properties");
        ObjectNode p = body.putObject("properties");
        p.set("administratorLogin", was.has("administratorLogin") ? was.get("administratorLogin")
                : in.get("administratorLogin"));
        p.set("version", in.has("version") ? in.get("version") : was.get("version"));
        p.put("state", "Ready");
        p.put("fullyQualifiedDomainName", request.name().toLowerCase(Locale.ROOT) + ".database.windows.net");
        p.putArray("privateEndpointConnections");
        JsonNode tls = in.has("minimalTlsVersion") ? in.get("minimalTlsVersion") : was.get("minimalTlsVersion");
        if (tls != null) {
            p.set("minimalTlsVersion", tls);
        }
        p.set("publicNetworkAccess", in.has("publicNetworkAccess") ? in.get("publicNetworkAccess")
                : was.get("publicNetworkAccess"));
        p.put("restrictOutboundNetworkAccess", "Disabled");
        return body;
    }

    /** A server being created has no {@code state} yet. */
    @Override
    public ObjectNode whileRunning(ObjectNode desired, Resource existing) {
        if (existing != null) {
            return existing.body();
        }
        ((ObjectNode) desired.get("properties")).remove("state");
        return desired;
    }

    /** A create takes longer than an update. */
    @Override
    public Plan plan(PlanContext context) {
        if (context.verb() == Verb.PUT && !context.creating()) {
            return Plan.of(context.scaled(timings.serverUpdate())).failing(context.fault(), Plan.FAULT_AT);
        }
        return context.defaultPlan();
    }

    /** Server names are global: taken in another subscription (400) or in another group of this one (409). */
    @Override
    public AzureException nameTaken(WriteRequest request, Resource holder) {
        if (!holder.subscription().equalsIgnoreCase(request.caller().subscription())) {
            return new AzureException(400, "NameAlreadyExists", "The name '" + holder.name().toLowerCase(Locale.ROOT)
                    + ".database.windows.net' already exists. Choose a different name.", "serverName");
        }
        return new AzureException(409, "ServerAlreadyExists", "The server name '" + holder.name() + "' is already"
                + " used by a server in resource group '" + holder.resourceGroup() + "'. Duplicate server names are"
                + " not allowed.", "serverName");
    }

    private static String version(String version) {
        if (version == null) {
            return "12.0";
        }
        if (!"12.0".equals(version)) {
            throw new AzureException(400, "RegionDoesNotSupportVersion", "Server version '" + version
                    + "' is not supported in this location; use '12.0'.", "properties.version");
        }
        return version;
    }

    private static String publicNetworkAccess(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "enabled" -> "Enabled";
            case "disabled" -> "Disabled";
            default -> throw Errors.invalidValue("publicNetworkAccess", "'" + value + "' is not Enabled or Disabled.");
        };
    }

    private static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
