package io.asyncops.emulator.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the long-running verbs of spec-loaded types take at time scale 1 (the server's {@code --time-scale}
 * multiplies them). Defaults: PUT 20 s, PATCH, DELETE and POST actions 10 s. A providers file overrides them per
 * resource type and verb, and for one action by {@code "POST <action>"}:
 *
 * <pre>{@code
 * {
 *   "default": {"PUT": "30s"},
 *   "Microsoft.Storage/storageAccounts": {"PUT": "45s", "DELETE": "5s", "POST failover": "2m"}
 * }
 * }</pre>
 * Values are {@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT20S}). Immutable.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Map<String, Duration> DEFAULTS = Map.of(
            "PUT", Duration.ofSeconds(20), "PATCH", Duration.ofSeconds(10), "DELETE", Duration.ofSeconds(10),
            "POST", Duration.ofSeconds(10));
    private static final String DEFAULT_KEY = "default";

    /** Keys: {@code type|VERB} and {@code type|POST action}, lower-cased; type {@code default} for all. */
    private final Map<String, Duration> values;

    private Durations(Map<String, Duration> values) {
        this.values = Map.copyOf(values);
    }

    /** The defaults only. */
    public static Durations defaults() {
        return new Durations(Map.of());
    }

    /**
     * Reads a providers file (see the class comment).
     *
     * @throws IllegalArgumentException naming the file, the member and the value at fault
     */
    public static Durations load(Path file) {
        Objects.requireNonNull(file, "file == null");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the providers file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": the providers file must be a JSON object of resource types");
        }
        Map<String, Duration> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> types = root.properties().iterator(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            if (!type.getValue().isObject()) {
                throw new IllegalArgumentException(file + ": '" + type.getKey() + "' must be an object of verbs");
            }
            for (Iterator<Map.Entry<String, JsonNode>> verbs = type.getValue().properties().iterator();
                 verbs.hasNext(); ) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                String key = verb.getKey().trim().replaceAll("\\s+", " ");
                String method = key.split(" ")[0].toUpperCase(Locale.ROOT);
                if (!DEFAULTS.containsKey(method) || (key.contains(" ") && !method.equals("POST"))) {
                    throw new IllegalArgumentException(file + ": '" + type.getKey() + "'." + verb.getKey()
                            + " is not PUT, PATCH, DELETE, POST or 'POST <action>'");
                }
                values.put(key(type.getKey(), key), parse(verb.getValue().asText(),
                        file + ": '" + type.getKey() + "'." + verb.getKey()));
            }
        }
        return new Durations(values);
    }

    /**
     * A duration: {@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h} or ISO-8601.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    public static Duration parse(String text, String what) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long millis = switch (m.group(2)) {
                case "ms" -> Math.round(n);
                case "s" -> Math.round(n * 1_000);
                case "m" -> Math.round(n * 60_000);
                default -> Math.round(n * 3_600_000);
            };
            d = Duration.ofMillis(millis);
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + ": '" + text + "' is not a duration (e.g. 500ms, 20s, 2m,"
                        + " PT20S)");
            }
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(what + ": '" + text + "' must be between 0 and 24h");
        }
        return d;
    }

    /**
     * The duration of {@code verb} ({@code PUT}, {@code PATCH}, {@code DELETE}, {@code POST}) of {@code type};
     * {@code action} names the POST action (null otherwise). The most specific setting wins.
     */
    public Duration of(String type, String verb, String action) {
        String v = verb.toUpperCase(Locale.ROOT);
        String[] keys = action == null
                ? new String[] {key(type, v), key(DEFAULT_KEY, v)}
                : new String[] {key(type, v + " " + action), key(type, v), key(DEFAULT_KEY, v + " " + action),
                        key(DEFAULT_KEY, v)};
        for (String k : keys) {
            Duration d = values.get(k);
            if (d != null) {
                return d;
            }
        }
        Duration d = DEFAULTS.get(v);
        if (d == null) {
            throw new IllegalArgumentException("not a long-running verb: " + verb);
        }
        return d;
    }

    private static String key(String type, String verb) {
        return (type.trim() + "|" + verb).toLowerCase(Locale.ROOT);
    }
}
