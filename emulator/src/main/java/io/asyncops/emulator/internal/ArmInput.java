package io.asyncops.emulator.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.asyncops.emulator.Sku;
import io.asyncops.protocol.Json;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An operation's input: the normalized request and nothing else (no password, no time, no state read from the
 * database), so that a retried request with the same idempotency key produces the same text and the engine returns
 * the same operation. Handlers read the resource's current row when they run.
 *
 * @param subscription       the subscription
 * @param resourceGroup      the group
 * @param server             the server, for Microsoft.Sql operations
 * @param database           the database, for database operations
 * @param location           normalized region, null when not given (PATCH)
 * @param tags               tags to set (fault tag removed), null when not given (PATCH)
 * @param fault              the error code asked for by the fault tag, null without
 * @param administratorLogin server: the login (null on PATCH when absent)
 * @param version            server: {@code 12.0}
 * @param minimalTlsVersion  server: minimal TLS version, may be null
 * @param publicNetworkAccess server: Enabled or Disabled, may be null on PATCH
 * @param sku                database: the resolved sku, null to keep (update) or default (create)
 * @param maxSizeBytes       database: requested max size, null to keep or default
 * @param collation          database: collation, null for the default
 * @param storageUri         export: the bacpac's URI
 * @param storageKeyType     export: how the storage key authenticates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArmInput(
        String subscription,
        String resourceGroup,
        String server,
        String database,
        String location,
        SortedMap<String, String> tags,
        String fault,
        String administratorLogin,
        String version,
        String minimalTlsVersion,
        String publicNetworkAccess,
        Sku sku,
        Long maxSizeBytes,
        String collation,
        String storageUri,
        String storageKeyType) {

    public ArmInput {
        tags = tags == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    static SortedMap<String, String> sorted(Map<String, String> tags) {
        return tags == null ? null : new TreeMap<>(tags);
    }

    /** Input naming a resource only (deletes). */
    public static ArmInput target(String subscription, String group, String server, String database) {
        return new ArmInput(subscription, group, server, database, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public String toText() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("operation input cannot be written", e);
        }
    }

    public static ArmInput parse(String text) {
        try {
            return Json.mapper().readValue(text, ArmInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("operation input is not what the emulator wrote: " + e.getMessage(), e);
        }
    }
}
