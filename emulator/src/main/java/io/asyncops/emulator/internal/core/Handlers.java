package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.Verb;
import io.asyncops.engine.OperationHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The engine handlers of the core: one for every long-running verb and action of every type. */
public final class Handlers {
    private Handlers() {
    }

    public static Map<String, OperationHandler> of(ResourceTypes types, DataSource dataSource,
                                                   EmulatorSettings settings) {
        CoreHandler handler = new CoreHandler(types, dataSource, settings);
        Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        for (ResourceType type : types.all()) {
            boolean writes = type.style(Verb.PUT).filter(s -> s.longRunning()).isPresent()
                    || type.style(Verb.PATCH).filter(s -> s.longRunning()).isPresent();
            if (writes) {
                handlers.put(type.kind(Verb.PUT), handler);
            }
            if (type.style(Verb.DELETE).filter(s -> s.longRunning()).isPresent()) {
                handlers.put(type.kind(Verb.DELETE), handler);
            }
            for (ResourceType.Action action : type.actions().values()) {
                if (action.style().longRunning()) {
                    handlers.put(type.kind(action.name()), handler);
                }
            }
        }
        return Map.copyOf(handlers);
    }
}
