package io.asyncops.emulator.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.protocol.Json;
import java.util.regex.Pattern;

/**
 * Server firewall rules: synchronous, as in Azure (the Azure SDK's fluent server create adds
 * {@code AllowAllWindowsAzureIps}, 0.0.0.0-0.0.0.0, right after the server is created and fails if this is
 * long-running); two IPv4 addresses, the start not after the end.
 */
final class FirewallRules implements ResourceHooks {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    @Override
    public ObjectNode normalize(WriteRequest request) {
        JsonNode p = Bodies.child(request.body(), "properties", "properties");
        String start = ip(p, "startIpAddress");
        String end = ip(p, "endIpAddress");
        if (toLong(start) > toLong(end)) {
            throw new AzureException(400, "FirewallRuleInvalidRange", "The start IP address '" + start
                    + "' of the firewall rule cannot exceed its end IP address '" + end + "'.",
                    "properties.startIpAddress");
        }
        ObjectNode input = Json.mapper().createObjectNode();
        input.putObject("properties").put("startIpAddress", start).put("endIpAddress", end);
        return input;
    }

    private static String ip(JsonNode properties, String field) {
        String value = Bodies.text(properties, field, "properties." + field);
        if (value == null) {
            throw new AzureException(400, "InvalidServerFirewallRuleResourceParameters", "The server firewall"
                    + " rule resource parameter 'properties." + field + "' is missing.", "properties." + field);
        }
        if (!IPV4.matcher(value).matches()) {
            throw new AzureException(400, "FirewallRuleNotIPv4Address", "The provided firewall rule address '"
                    + value + "' is not an IPv4 address.", "properties." + field);
        }
        return value;
    }

    private static long toLong(String ip) {
        long n = 0;
        for (String part : ip.split("\\.")) {
            n = n * 256 + Integer.parseInt(part);
        }
        return n;
    }
}
