package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.FirewallRuleTable;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.NameRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Server firewall rules ({@code Microsoft.Sql/servers/firewallRules}): synchronous, as in Azure. The Azure SDK's
 * fluent server create adds {@code AllowAllWindowsAzureIps} (0.0.0.0-0.0.0.0) right after the server is created.
 */
public final class FirewallRules {
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final DataSource dataSource;

    FirewallRules(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates (201) or replaces (200) a rule. */
    public PutResult<FirewallRule> createOrUpdate(Caller caller, String group, String server, String name, JsonNode body) {
        NameRules.firewallRule(name);
        JsonNode p = Bodies.child(Bodies.object(body), "properties", "properties");
        String start = ip(p, "startIpAddress");
        String end = ip(p, "endIpAddress");
        if (toLong(start) > toLong(end)) {
            throw new EmulatorException(400, "FirewallRuleInvalidRange", "The start IP address '" + start
                    + "' of the firewall rule cannot exceed its end IP address '" + end + "'.",
                    "properties.startIpAddress");
        }
        return Jdbc.inTransaction(dataSource, c -> {
            SqlServer s = Lookups.parentServer(c, caller.subscription(), group, server);
            String stored = FirewallRuleTable.find(c, s, name).map(FirewallRule::name).orElse(name);
            FirewallRule rule = new FirewallRule(s.subscriptionId(), s.resourceGroup(), s.name(), stored, start, end);
            boolean created = FirewallRuleTable.upsert(c, rule);
            return new PutResult<>(rule, created);
        });
    }

    public FirewallRule get(String subscription, String group, String server, String name) {
        return Jdbc.run(dataSource, c -> {
            SqlServer s = Lookups.parentServerForRead(c, subscription, group, server);
            return FirewallRuleTable.find(c, s, name).orElseThrow(() -> Errors.resourceNotFound(
                    "Microsoft.Sql/servers/firewallRules", s.name() + "/" + name, s.resourceGroup()));
        });
    }

    public List<FirewallRule> list(String subscription, String group, String server) {
        return Jdbc.run(dataSource, c -> FirewallRuleTable.list(c,
                Lookups.parentServerForRead(c, subscription, group, server)));
    }

    /** Deletes a rule: true when it existed (200), false when there was none (204). */
    public boolean delete(Caller caller, String group, String server, String name) {
        return Jdbc.inTransaction(dataSource, c -> {
            SqlServer s = Lookups.parentServerForRead(c, caller.subscription(), group, server);
            Optional<FirewallRule> rule = FirewallRuleTable.find(c, s, name);
            return rule.isPresent() && FirewallRuleTable.delete(c, s, name);
        });
    }

    private static String ip(JsonNode properties, String field) {
        String value = Bodies.text(properties, field, "properties." + field);
        if (value == null) {
            throw new EmulatorException(400, "InvalidServerFirewallRuleResourceParameters", "The server firewall"
                    + " rule resource parameter 'properties." + field + "' is missing.", "properties." + field);
        }
        if (!IPV4.matcher(value).matches()) {
            throw new EmulatorException(400, "FirewallRuleNotIPv4Address", "The provided firewall rule address '"
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
