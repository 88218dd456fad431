package io.asyncops.emulator;

import io.asyncops.emulator.internal.DatabaseDeleteHandler;
import io.asyncops.emulator.internal.DatabaseExportHandler;
import io.asyncops.emulator.internal.DatabaseWriteHandler;
import io.asyncops.emulator.internal.Migrations;
import io.asyncops.emulator.internal.ResourceGroupDeleteHandler;
import io.asyncops.emulator.internal.ServerDeleteHandler;
import io.asyncops.emulator.internal.ServerWriteHandler;
import io.asyncops.emulator.internal.Submitter;
import io.asyncops.engine.Engine;
import io.asyncops.engine.OperationHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The emulated Azure Resource Manager providers: resource groups and {@code Microsoft.Sql} logical servers,
 * databases and firewall rules. No HTTP here: the server's ARM plane calls these providers.
 *
 * <p>Life cycle, matching the engine's: {@link #create}, {@link #migrate} (own tables, own Flyway history),
 * register {@link #handlers()} with the engine, start the engine, then {@link #attach} it. Resource state is written
 * in the engine's transactions, so a resource's state and its operation's state commit together.
 *
 * <pre>{@code
 * ArmEmulator arm = ArmEmulator.create(dataSource, EmulatorSettings.builder().timeScale(0.1).build());
 * arm.migrate();
 * EngineConfig.Builder config = EngineConfig.builder(dataSource);
 * arm.handlers().forEach(config::handler);
 * Engine engine = Engine.start(config.build());
 * arm.attach(engine);
 * StartedOperation op = arm.sqlServers().createOrUpdate(Caller.of(sub), "rg", "myserver", body);
 * }</pre>
 */
public final class ArmEmulator {
    /** Where the emulator's migrations live. */
    public static final String FLYWAY_LOCATION = "classpath:db/asyncops/emulator";
    /** The emulator's own Flyway history table (the engine keeps its own). */
    public static final String FLYWAY_TABLE = "asyncops_emulator_history";

    private final DataSource dataSource;
    private final EmulatorSettings settings;
    private final Submitter submitter = new Submitter();
    private final ResourceGroups resourceGroups;
    private final SqlServers sqlServers;
    private final SqlDatabases sqlDatabases;
    private final FirewallRules firewallRules;

    private ArmEmulator(DataSource dataSource, EmulatorSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.resourceGroups = new ResourceGroups(dataSource, submitter);
        this.sqlServers = new SqlServers(dataSource, submitter);
        this.sqlDatabases = new SqlDatabases(dataSource, submitter, settings);
        this.firewallRules = new FirewallRules(dataSource);
    }

    /** An emulator keeping its resources in {@code dataSource} (the engine's database). */
    public static ArmEmulator create(DataSource dataSource, EmulatorSettings settings) {
        return new ArmEmulator(Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(settings, "settings == null"));
    }

    /** Creates or upgrades the emulator's tables; safe to run on every start and from several nodes. */
    public void migrate() {
        Migrations.migrate(dataSource, FLYWAY_LOCATION, FLYWAY_TABLE);
    }

    /** The handler of each operation kind in {@link OperationKinds}, to register with the engine. */
    public Map<String, OperationHandler> handlers() {
        Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        handlers.put(OperationKinds.SERVER_WRITE, new ServerWriteHandler(dataSource, settings));
        handlers.put(OperationKinds.SERVER_DELETE, new ServerDeleteHandler(dataSource, settings));
        handlers.put(OperationKinds.DATABASE_WRITE, new DatabaseWriteHandler(dataSource, settings));
        handlers.put(OperationKinds.DATABASE_DELETE, new DatabaseDeleteHandler(dataSource, settings));
        handlers.put(OperationKinds.DATABASE_EXPORT, new DatabaseExportHandler(dataSource, settings));
        handlers.put(OperationKinds.RESOURCE_GROUP_DELETE, new ResourceGroupDeleteHandler(dataSource, settings));
        return Map.copyOf(handlers);
    }

    /** Gives the providers the running engine they submit to; once. */
    public void attach(Engine engine) {
        submitter.attach(Objects.requireNonNull(engine, "engine == null"));
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public ResourceGroups resourceGroups() {
        return resourceGroups;
    }

    public SqlServers sqlServers() {
        return sqlServers;
    }

    public SqlDatabases sqlDatabases() {
        return sqlDatabases;
    }

    public FirewallRules firewallRules() {
        return firewallRules;
    }
}
