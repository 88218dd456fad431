package io.asyncops.engine.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as the database keeps them: microseconds (PostgreSQL's precision), so snapshots round-trip equal. */
final class Times {
    private Times() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
