package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.ResourceTypes;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What the core's request side works with: the types, the store's database, the settings and the engine's submitter.
 *
 * @param types      the registered types
 * @param dataSource the database of the store (the engine's)
 * @param settings   clock and time scale
 * @param submitter  the engine, given at construction
 */
public record Core(ResourceTypes types, DataSource dataSource, EmulatorSettings settings, Submitter submitter) {

    Instant now() {
        return settings.clock().instant();
    }

    /** A fresh etag. */
    static String newEtag() {
        return UUID.randomUUID().toString();
    }
}
