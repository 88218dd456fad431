package io.asyncops.server.internal.metrics;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.asyncops.engine.Engine;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.OperationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the store, for every node alike (take {@code max} over nodes, not {@code sum}):
 * {@code asyncops.operations} by status (how many operations the database holds in each) and
 * {@code asyncops.operations.oldest.active.age} (seconds since the oldest Accepted or InProgress operation was
 * submitted; 0 when none). Rule: a scrape never waits for the database more than once per
 * {@link #REFRESH}: the counts are one query, cached, refreshed in the background while the old value is served.
 */
public final class OperationGauges {
    static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(OperationGauges.class);
    private static final String ALL = "";

    private final LoadingCache<String, OperationStats> stats;
    private final Clock clock;

    public OperationGauges(Engine engine, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.stats = Caffeine.newBuilder()
                .maximumSize(1)
                .refreshAfterWrite(REFRESH)
                .build(key -> {
                    try {
                        return engine.stats(null);
                    } catch (RuntimeException e) {
                        LOG.debug("cannot count operations for the gauges: {}", e.toString());
                        return null; // keeps the previous value (or none: the gauge reads NaN)
                    }
                });
        for (OperationStatus status : OperationStatus.values()) {
            Gauge.builder("asyncops.operations", this, g -> g.count(status))
                    .description("Operations in the database by status (the same on every node)")
                    .tag("status", status.tag())
                    .strongReference(true) // nothing else holds this object: a weak gauge would read NaN after a GC
                    .register(registry);
        }
        Gauge.builder("asyncops.operations.oldest.active.age", this, OperationGauges::oldestActiveAgeSeconds)
                .description("Seconds since the oldest Accepted or InProgress operation was submitted; 0 when none")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private double count(OperationStatus status) {
        OperationStats s = stats.get(ALL);
        return s == null ? Double.NaN : s.count(status);
    }

    private double oldestActiveAgeSeconds() {
        OperationStats s = stats.get(ALL);
        if (s == null) {
            return Double.NaN;
        }
        Instant oldest = s.oldestActiveSince();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
