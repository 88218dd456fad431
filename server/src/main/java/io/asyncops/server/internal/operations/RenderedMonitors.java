package io.asyncops.server.internal.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.OperationStatusMonitor;
import java.util.function.Supplier;

/**
 * The JSON of the last status monitor rendered per operation: polls of an unchanged operation send the same bytes
 * without building and writing the monitor again. An entry serves only the same snapshot (the engine hands out one
 * instance per stored version) asked for by the same path; anything else renders anew and replaces it.
 */
final class RenderedMonitors {
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Rendered(Operation op, String path, byte[] json) {
    }

    private final Cache<OperationId, Rendered> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((OperationId id, Rendered r) -> 200 + r.json().length + 2 * r.path().length())
            .build();

    /** The monitor JSON of {@code op} asked for at {@code path}; {@code monitor} builds it when it must be rendered. */
    byte[] json(String path, Operation op, Supplier<OperationStatusMonitor> monitor) {
        Rendered r = cache.getIfPresent(op.id());
        if (r != null && r.op() == op && r.path().equals(path)) {
            return r.json();
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(monitor.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a status monitor", e);
        }
        cache.put(op.id(), new Rendered(op, path, json));
        return json;
    }
}
