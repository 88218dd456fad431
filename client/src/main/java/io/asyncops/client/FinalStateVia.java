package io.asyncops.client;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the result of a finished operation is read, as an OpenAPI description says with
 * {@code x-ms-long-running-operation-options: {final-state-via: ...}}.
 *
 * <p>When a request names none, Azure's defaults apply: a PUT or PATCH reads the original URL again, a POST reads
 * the {@code Location} of its first response (or the status monitor when there is none), and a DELETE reads nothing.
 */
public enum FinalStateVia {
    /** The body of the {@code Azure-AsyncOperation} status monitor itself. */
    AZURE_ASYNC_OPERATION("azure-async-operation"),
    /** A GET on the {@code Location} of the first response. */
    LOCATION("location"),
    /** A GET on the URL of the start request. */
    ORIGINAL_URI("original-uri"),
    /** The {@code resourceLocation} named by the {@code Operation-Location} status monitor, else its body. */
    OPERATION_LOCATION("operation-location");

    private final String wireName;

    FinalStateVia(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in OpenAPI descriptions, e.g. {@code original-uri}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads an OpenAPI name ({@code azure-async-operation}, {@code location}, {@code original-uri},
     * {@code operation-location}), ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static FinalStateVia fromWireName(String name) {
        Objects.requireNonNull(name, "name == null");
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (FinalStateVia v : values()) {
            if (v.wireName.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown final-state-via '" + name
                + "': expected azure-async-operation, location, original-uri or operation-location");
    }
}
