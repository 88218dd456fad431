package io.asyncops.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.internal.Migrations;
import io.asyncops.emulator.internal.core.Actions;
import io.asyncops.emulator.internal.core.Core;
import io.asyncops.emulator.internal.core.Deletes;
import io.asyncops.emulator.internal.core.Envelope;
import io.asyncops.emulator.internal.core.Reads;
import io.asyncops.emulator.internal.core.Submitter;
import io.asyncops.emulator.internal.core.Writes;
import io.asyncops.engine.Engine;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one provider core: every request on every registered {@link ResourceType}, over the generic resource store,
 * submitted to the engine it is given. No HTTP here: the server's generic ARM route (and the classic plane) call it
 * with a type, the path's parameter values and the body, and render its {@link Answer}.
 *
 * <p>Life cycle, without a late attach: {@link #migrate} the store, register {@link ResourceTypes#handlers} on the
 * engine's configuration, start the engine, then {@link #create} the core with it.
 *
 * <pre>{@code
 * ResourceTypes types = ResourceTypes.of(List.of(widgets));
 * ProviderCore.migrate(dataSource);
 * EngineConfig.Builder config = EngineConfig.builder(dataSource);
 * types.handlers(dataSource, settings).forEach(config::handler);
 * ProviderCore core = ProviderCore.create(types, dataSource, settings, Engine.start(config.build()));
 * Answer answer = core.put(widgets, Map.of("subscriptionId", sub, "resourceGroupName", "rg", "widgetName", "w1"),
 *         body, Caller.of(sub), Conditions.NONE);
 * }</pre>
 *
 * <p>Rules kept: a refused request ({@link AzureException}) stores nothing; a long-running request's resource state
 * commits in the same transaction as its operation, so a {@code 202} means both are durable; a resource's state
 * and its operation's end commit together too.
 */
public final class ProviderCore {
    /** Where the store's migrations live. */
    public static final String FLYWAY_LOCATION = "classpath:db/asyncops/emulator";
    /** The store's own Flyway history table (the engine keeps its own). */
    public static final String FLYWAY_TABLE = "asyncops_emulator_history";
    /**
     * The tables of the generic store: the resources requests created, of every declared type. What a reset of the
     * server ({@code AsyncOpsServer.reset()}) empties, with the engine's operations.
     */
    public static final java.util.List<String> STATE_TABLES = java.util.List.of("emu_resource");

    private final Core core;
    private final Writes writes;
    private final Deletes deletes;
    private final Actions actions;
    private final Reads reads;

    private ProviderCore(Core core) {
        this.core = core;
        this.writes = new Writes(core);
        this.deletes = new Deletes(core);
        this.actions = new Actions(core);
        this.reads = new Reads(core);
    }

    /** Creates or upgrades the generic store's table; safe on every start and from several nodes. */
    public static void migrate(DataSource dataSource) {
        Migrations.migrate(Objects.requireNonNull(dataSource, "dataSource == null"), FLYWAY_LOCATION, FLYWAY_TABLE);
    }

    /**
     * The core serving {@code types} over the store in {@code dataSource}, submitting to {@code engine} (which runs
     * the types' {@link ResourceTypes#handlers}).
     */
    public static ProviderCore create(ResourceTypes types, DataSource dataSource, EmulatorSettings settings,
                                      Engine engine) {
        return new ProviderCore(new Core(Objects.requireNonNull(types, "types == null"),
                Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(settings, "settings == null"),
                new Submitter(Objects.requireNonNull(engine, "engine == null"))));
    }

    public ResourceTypes types() {
        return core.types();
    }

    public EmulatorSettings settings() {
        return core.settings();
    }

    /** The engine operations are submitted to. */
    public Engine engine() {
        return core.submitter().engine();
    }

    /** Reads of the store. */
    public Lookup lookup() {
        return new io.asyncops.emulator.internal.core.Lookups(core.dataSource());
    }

    /**
     * PUT: creates or replaces the resource of {@code type} at {@code path} (its parameter values by name).
     *
     * @throws AzureException for anything refused; nothing is stored then
     */
    public Answer put(ResourceType type, Map<String, String> path, JsonNode body, Caller caller,
                      Conditions conditions) {
        return writes.write(Verb.PUT, type, path, body, caller, conditions);
    }

    /** PATCH: updates what {@code body} names; {@code 404} when there is no such resource. */
    public Answer patch(ResourceType type, Map<String, String> path, JsonNode body, Caller caller,
                        Conditions conditions) {
        return writes.write(Verb.PATCH, type, path, body, caller, conditions);
    }

    /** DELETE: removes the resource with everything under it ({@code 204} when there is none). */
    public Answer delete(ResourceType type, Map<String, String> path, Caller caller, Conditions conditions) {
        return deletes.delete(type, path, caller, conditions);
    }

    /** POST {@code action} of {@code type}; {@code body} may be null. */
    public Answer action(ResourceType type, String action, Map<String, String> path, JsonNode body, Caller caller) {
        return actions.act(type, action, path, body, caller);
    }

    /** GET: the resource, or ARM's {@code 404} ({@code ResourceGroupNotFound}, {@code ParentResourceNotFound}, ...). */
    public Resource get(ResourceType type, Map<String, String> path) {
        return reads.get(type, path);
    }

    /** The resource if it exists (HEAD). */
    public Optional<Resource> find(ResourceType type, Map<String, String> path) {
        return reads.find(type, path);
    }

    /** A page of a collection: at most {@code top} resources after {@code skipToken} (null: the first page). */
    public ResourcePage list(ResourceType type, ResourceType.ListPath list, Map<String, String> path, int top,
                             String skipToken) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be positive: " + top);
        }
        return reads.list(type, list, path, top, skipToken);
    }

    /** The body of an answer about {@code resource} (the type's render hook, provisioning state, etag). */
    public ObjectNode render(Resource resource) {
        ResourceType type = core.types().find(resource.type()).orElseThrow(() -> new IllegalArgumentException(
                "unregistered type " + resource.type()));
        return Envelope.render(type, resource);
    }
}
