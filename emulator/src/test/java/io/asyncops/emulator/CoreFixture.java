package io.asyncops.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.emulator.sql.Sql;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.protocol.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractThrowableAssert;
import org.awaitility.Awaitility;

/**
 * The provider core with the built-in types (resource groups, Microsoft.Sql) on a real engine and database, and
 * short ways to call it: paths by name, bodies in single-quoted JSON, refusals checked by status and code.
 */
final class CoreFixture implements AutoCloseable {
    final DataSource dataSource;
    final ResourceTypes types;
    final EmulatorSettings settings;
    final Engine engine;
    final ProviderCore core;
    final ResourceType groups;
    final ResourceType servers;
    final ResourceType databases;
    final ResourceType firewallRules;

    private CoreFixture(DataSource dataSource, ResourceTypes types, EmulatorSettings settings, Engine engine) {
        this.dataSource = dataSource;
        this.types = types;
        this.settings = settings;
        this.engine = engine;
        this.core = ProviderCore.create(types, dataSource, settings, engine);
        this.groups = types.find(ResourceGroups.TYPE).orElseThrow();
        this.servers = types.find("Microsoft.Sql/servers").orElseThrow();
        this.databases = types.find("Microsoft.Sql/servers/databases").orElseThrow();
        this.firewallRules = types.find("Microsoft.Sql/servers/firewallRules").orElseThrow();
    }

    /** The built-in types and {@code extra}, at {@code timeScale}, the engine configured by {@code engine}. */
    static CoreFixture start(DataSource dataSource, double timeScale, Consumer<EngineConfig.Builder> engine,
                             ResourceType... extra) {
        List<ResourceType> all = new ArrayList<>(List.of(ResourceGroups.type()));
        all.addAll(Sql.types(Timings.AZURE_LIKE));
        all.addAll(List.of(extra));
        ResourceTypes types = ResourceTypes.of(all);
        EmulatorSettings settings = EmulatorSettings.builder().timeScale(timeScale).build();
        ProviderCore.migrate(dataSource);
        EngineConfig.Builder config = EngineConfig.builder(dataSource);
        types.handlers(dataSource, settings).forEach(config::handler);
        engine.accept(config);
        return new CoreFixture(dataSource, types, settings, Engine.start(config.build()));
    }

    static CoreFixture start(DataSource dataSource, double timeScale) {
        return start(dataSource, timeScale, b -> b.workers(8));
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String uuid8() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable call, int status, String code) {
        return assertThatThrownBy(call::run).isInstanceOfSatisfying(AzureException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    static Map<String, String> group(String sub, String rg) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("subscriptionId", sub);
        path.put("resourceGroupName", rg);
        return path;
    }

    static Map<String, String> server(String sub, String rg, String name) {
        Map<String, String> path = group(sub, rg);
        path.put("serverName", name);
        return path;
    }

    static Map<String, String> database(String sub, String rg, String server, String name) {
        Map<String, String> path = server(sub, rg, server);
        path.put("databaseName", name);
        return path;
    }

    static Map<String, String> rule(String sub, String rg, String server, String name) {
        Map<String, String> path = server(sub, rg, server);
        path.put("firewallRuleName", name);
        return path;
    }

    Answer put(ResourceType type, Map<String, String> path, String body, Caller caller) {
        return core.put(type, path, json(body), caller, Conditions.NONE);
    }

    Answer.Done putNow(ResourceType type, Map<String, String> path, String body, Caller caller) {
        return (Answer.Done) put(type, path, body, caller);
    }

    Answer.Started start(ResourceType type, Map<String, String> path, String body, Caller caller) {
        return (Answer.Started) put(type, path, body, caller);
    }

    Answer.Started patch(ResourceType type, Map<String, String> path, String body, Caller caller) {
        return (Answer.Started) core.patch(type, path, json(body), caller, Conditions.NONE);
    }

    Answer delete(ResourceType type, Map<String, String> path, Caller caller) {
        return core.delete(type, path, caller, Conditions.NONE);
    }

    /** The rendered body of the resource, as a GET answers it. */
    JsonNode get(ResourceType type, Map<String, String> path) {
        return core.render(core.get(type, path));
    }

    List<String> names(ResourceType type, int list, Map<String, String> path) {
        return core.list(type, type.lists().get(list), path, 1000, null).items().stream().map(Resource::name).toList();
    }

    Operation finish(Answer answer) {
        return finish(((Answer.Started) answer).operation());
    }

    Operation finish(Operation op) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> engine.get(op.id()).orElseThrow().isTerminal());
        return engine.get(op.id()).orElseThrow();
    }

    @Override
    public void close() {
        engine.close();
    }
}
