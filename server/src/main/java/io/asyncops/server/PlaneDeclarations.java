package io.asyncops.server;

import io.asyncops.emulator.ResourceType;
import io.asyncops.engine.OperationHandler;
import io.asyncops.server.spi.PlaneSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What the planes declare before the engine starts ({@link PlaneSetup}): operation handlers (one per kind), ARM
 * words, kinds listed by request id, state tables (plain SQL names only: {@code reset()} deletes from them) and
 * resource types.
 */
final class PlaneDeclarations implements PlaneSetup {
    private static final Pattern SQL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private final DataSource dataSource;
    private final ServerConfig config;
    private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();
    private final List<String> armWords = new ArrayList<>();
    private final List<String> requestIdKinds = new ArrayList<>();
    private final List<String> stateTables = new ArrayList<>();
    private final List<ResourceType> resourceTypes = new ArrayList<>();

    PlaneDeclarations(DataSource dataSource, ServerConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    Map<String, OperationHandler> handlers() {
        return handlers;
    }

    List<String> armWords() {
        return armWords;
    }

    List<String> requestIdKinds() {
        return requestIdKinds;
    }

    List<String> stateTables() {
        return stateTables;
    }

    List<ResourceType> resourceTypes() {
        return resourceTypes;
    }

    @Override
    public List<Path> specs() {
        return config.specs();
    }

    @Override
    public Optional<Path> providersConfig() {
        return config.providersConfig();
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public PlaneSetup handler(String kind, OperationHandler handler) {
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalArgumentException("two handlers for operation kind " + kind);
        }
        return this;
    }

    @Override
    public PlaneSetup operationsByRequestId(String kindPrefix) {
        requestIdKinds.add(Objects.requireNonNull(kindPrefix, "kindPrefix == null"));
        return this;
    }

    @Override
    public PlaneSetup armSegments(String... canonicalSpellings) {
        armWords.addAll(List.of(canonicalSpellings));
        return this;
    }

    @Override
    public PlaneSetup stateTables(String... tables) {
        for (String table : tables) {
            if (table == null || !SQL_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("not a plain SQL table name: " + table);
            }
            stateTables.add(table);
        }
        return this;
    }

    @Override
    public PlaneSetup resourceTypes(Collection<ResourceType> types) {
        resourceTypes.addAll(types);
        return this;
    }

    @Override
    public Clock clock() {
        return config.clock();
    }

    @Override
    public double timeScale() {
        return config.timeScale();
    }
}
