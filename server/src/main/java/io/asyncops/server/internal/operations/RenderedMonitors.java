package io.asyncops.server.internal.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.protocol.Json;
import java.util.function.Supplier;

/**
 * The JSON of the last status monitor rendered per operation and path, shared by the status route and the list: polls of
 * an unchanged operation send the same bytes without building the monitor again (its {@code properties} and the
 * location of a listed one are parsed from the stored JSON, which costs more than the rest of a poll). An entry
 * serves the same stored version (every change to an operation bumps it) asked for by the same path; a newer
 * version renders anew and replaces it. With a size of 0 nothing is kept: every answer is rendered. An entry weighs
 * what it takes of the heap (64-bit JVM, compressed references; the path's string at one byte a character when it
 * is Latin-1, as the JVM keeps it): {@code RenderedMonitorsFootprintTest} checks it against a heap histogram.
 */
public final class RenderedMonitors {
    private record Key(OperationId id, String path) {
    }

    private record Rendered(long version, byte[] json) {
    }

    /** Caffeine's node and the map's, the key and value records, the operation id and its UUID. */
    private static final int ENTRY = 64 + 16 + 24 + 48;

    private final Cache<Key, Rendered> cache;

    /** Monitors kept in about {@code maxBytes} of memory (0: none). */
    public RenderedMonitors(long maxBytes) {
        this.cache = maxBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, Rendered r) -> weight(k, r))
                // upkeep on the reading thread: by default a full read buffer hands it to the common pool, waking a
                // thread every few reads (on a status poll, a futex wake-up and a context switch per ~5 requests)
                .executor(Runnable::run)
                .build();
    }

    /**
     * The monitor JSON of {@code op} at {@code path} (the key: the path it was asked at, or any text that
     * determines the rendered JSON); {@code monitor} builds the monitor (or a list item holding it) when it must be
     * rendered.
     */
    byte[] json(String path, Operation op, Supplier<?> monitor) {
        Key key = new Key(op.id(), path);
        Rendered r = cache == null ? null : cache.getIfPresent(key);
        if (r != null && r.version() == op.version()) {
            return r.json();
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(monitor.get());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a status monitor", e);
        }
        if (cache != null) {
            cache.put(key, new Rendered(op.version(), json));
        }
        return json;
    }

    /** The bytes the kept monitors weigh. */
    long weightedBytes() {
        return cache == null ? 0 : cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many monitors are kept. */
    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    private static int weight(Key k, Rendered r) {
        String path = k.path();
        int chars = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) > 0xFF) {
                chars *= 2;
                break;
            }
        }
        return ENTRY + 24 + align(16 + chars) + align(16 + r.json().length);
    }

    private static int align(int bytes) {
        return (bytes + 7) & ~7;
    }
}
