package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.Lookup;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link Lookup} on the generic store, each read on a connection of its own. */
public record Lookups(DataSource dataSource) implements Lookup {

    @Override
    public Optional<Resource> find(String id) {
        return Jdbc.run(dataSource, c -> ResourceStore.find(c, ResourceStore.key(id)).map(Row::resource));
    }

    @Override
    public Optional<Resource> findByGlobalName(String type, String name) {
        return Jdbc.run(dataSource, c -> ResourceStore.findByGlobalName(c, type, name).map(Row::resource));
    }

    @Override
    public List<Resource> children(String parentId, String type) {
        return Jdbc.run(dataSource, c -> ResourceStore.list(c, new ResourceStore.Scope.Parent(parentId), type, null,
                10_000)).stream().map(Row::resource).toList();
    }

    @Override
    public int countInGroup(String subscription, String group) {
        return Jdbc.run(dataSource, c -> ResourceStore.countInGroup(c, subscription, group));
    }
}
