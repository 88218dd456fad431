package io.asyncops.server.arm;

import io.asyncops.emulator.ArmEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.SqlServer;
import io.asyncops.server.spi.Plane;
import io.asyncops.server.spi.PlaneContext;
import io.asyncops.server.spi.PlaneSetup;
import io.helidon.webserver.http.HttpRouting;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARM plane: resource groups and the emulated {@code Microsoft.Sql} provider (servers, databases, firewall
 * rules) over JSON, as PROTOCOL §2 describes. The status monitor and result routes are the server's (generic over
 * provider namespaces); this plane starts operations and answers resources.
 */
public final class ArmPlane implements Plane {
    private ArmEmulator arm;

    @Override
    public String name() {
        return "arm";
    }

    @Override
    public void prepare(PlaneSetup setup) {
        arm = ArmEmulator.create(setup.dataSource(), EmulatorSettings.builder()
                .clock(setup.clock())
                .timeScale(setup.timeScale())
                .build());
        arm.migrate();
        arm.handlers().forEach(setup::handler);
        setup.armSegments("Microsoft.Sql", "Microsoft.Resources", "servers", "databases", "firewallRules", "export");
    }

    @Override
    public void routing(HttpRouting.Builder routing, PlaneContext context) {
        if (arm == null) {
            throw new IllegalStateException("prepare must run before routing");
        }
        arm.attach(context.engine());
        routing.register(new ResourceGroupsService(arm, context))
                .register(new SqlServersService(arm, context))
                .register(new SqlDatabasesService(arm, context))
                .register(new FirewallRulesService(arm));
    }

    @Override
    public List<JsonNode> resources(String subscription) {
        List<JsonNode> all = new ArrayList<>();
        arm.resourceGroups().list(subscription).forEach(g -> all.add(g.toJson()));
        for (SqlServer server : arm.sqlServers().listBySubscription(subscription)) {
            all.add(server.toJson());
            arm.sqlDatabases().listByServer(subscription, server.resourceGroup(), server.name())
                    .forEach(d -> all.add(d.toJson()));
        }
        return all;
    }

    /** The emulator behind the routes (for tools and tests). */
    public ArmEmulator emulator() {
        return arm;
    }
}
