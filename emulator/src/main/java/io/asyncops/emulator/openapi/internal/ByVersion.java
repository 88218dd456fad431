package io.asyncops.emulator.openapi.internal;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What each api-version of the loaded specs says of one thing (an operation, a schema), picked per request: the
 * request's own api-version, else the newest older one that has it, else the newest. api-versions compare as
 * text, which orders Azure's {@code yyyy-mm-dd[-preview]} correctly.
 */
public final class ByVersion<T> {
    private final NavigableMap<String, T> values;

    private ByVersion(NavigableMap<String, T> values) {
        this.values = values;
    }

    /** The non-null values of {@code byVersion}, by api-version. */
    public static <T> ByVersion<T> of(Map<String, T> byVersion) {
        NavigableMap<String, T> values = new TreeMap<>();
        byVersion.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return new ByVersion<>(Collections.unmodifiableNavigableMap(values));
    }

    /** One value for every api-version. */
    public static <T> ByVersion<T> only(String apiVersion, T value) {
        return of(Map.of(apiVersion, Objects.requireNonNull(value, "value == null")));
    }

    /** Whether no api-version has a value. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The value for {@code apiVersion} (null: the newest), or null when no version has one. */
    public T pick(String apiVersion) {
        if (values.isEmpty()) {
            return null;
        }
        if (apiVersion != null) {
            Map.Entry<String, T> e = values.floorEntry(apiVersion);
            if (e != null) {
                return e.getValue();
            }
        }
        return values.lastEntry().getValue();
    }

    /** The newest version's value, or null. */
    public T newest() {
        return pick(null);
    }

    /** Each value mapped (a null result drops its version). */
    public <R> ByVersion<R> map(Function<T, R> f) {
        NavigableMap<String, R> out = new TreeMap<>();
        values.forEach((k, v) -> {
            R r = f.apply(v);
            if (r != null) {
                out.put(k, r);
            }
        });
        return new ByVersion<>(Collections.unmodifiableNavigableMap(out));
    }

    /** The values by api-version. */
    public NavigableMap<String, T> all() {
        return values;
    }
}
