package io.asyncops.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Immutable engine configuration. Build with {@link #builder(DataSource)}; every setter validates its value.
 * Defaults suit an interactive server: 64 concurrent handlers, 30 s leases, terminal operations kept 24 h.
 */
public final class EngineConfig {
    private final DataSource dataSource;
    private final Map<String, OperationHandler> handlers;
    private final List<EngineListener> listeners;
    private final String nodeId;
    private final int workers;
    private final int submitCommitters;
    private final long snapshotCacheBytes;
    private final Duration leaseDuration;
    private final Duration heartbeatInterval;
    private final Duration fallbackPollInterval;
    private final Duration retention;
    private final Duration pruneInterval;
    private final int pruneBatchSize;
    private final int maxAttempts;
    private final Duration retryBackoffInitial;
    private final Duration retryBackoffMax;
    private final RetryAfterPolicy retryAfterPolicy;
    private final Duration retryAfterFloor;
    private final Duration retryAfterCeiling;
    private final Clock clock;
    private final boolean migrate;
    private final boolean runWorkers;
    private final UnaryOperator<Submission> beforeSubmit;

    private EngineConfig(Builder b) {
        this.dataSource = b.dataSource;
        this.handlers = Map.copyOf(b.handlers);
        this.listeners = List.copyOf(b.listeners);
        this.nodeId = b.nodeId;
        this.workers = b.workers;
        this.submitCommitters = b.submitCommitters;
        this.snapshotCacheBytes = b.snapshotCacheBytes;
        this.leaseDuration = b.leaseDuration;
        this.heartbeatInterval = b.heartbeatInterval != null ? b.heartbeatInterval : b.leaseDuration.dividedBy(3);
        this.fallbackPollInterval = b.fallbackPollInterval;
        this.retention = b.retention;
        this.pruneInterval = b.pruneInterval;
        this.pruneBatchSize = b.pruneBatchSize;
        this.maxAttempts = b.maxAttempts;
        this.retryBackoffInitial = b.retryBackoffInitial;
        this.retryBackoffMax = b.retryBackoffMax;
        this.retryAfterPolicy = b.retryAfterPolicy;
        this.retryAfterFloor = b.retryAfterFloor;
        this.retryAfterCeiling = b.retryAfterCeiling;
        this.clock = b.clock;
        this.migrate = b.migrate;
        this.runWorkers = b.runWorkers;
        this.beforeSubmit = b.beforeSubmit;
        if (heartbeatInterval.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval
                    + " must be shorter than leaseDuration " + leaseDuration);
        }
        if (retryAfterFloor.compareTo(retryAfterCeiling) > 0) {
            throw new IllegalArgumentException("retryAfterFloor " + retryAfterFloor
                    + " is above retryAfterCeiling " + retryAfterCeiling);
        }
    }

    /** A builder for an engine on {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Handlers by operation kind. */
    public Map<String, OperationHandler> handlers() {
        return handlers;
    }

    public List<EngineListener> listeners() {
        return listeners;
    }

    /** This engine instance's name in leases and logs; unique per process. */
    public String nodeId() {
        return nodeId;
    }

    /** The most handlers that run at once on this engine (each on its own virtual thread). */
    public int workers() {
        return workers;
    }

    /**
     * How many group commits of submits may be in flight at once. Concurrent submits share a commit; several
     * committers let the work of submits that bring their own (a provider's resource rows) run in parallel.
     * Submits without work have one group in flight at most whatever this says: their groups are largest so.
     */
    public int submitCommitters() {
        return submitCommitters;
    }

    /**
     * About how much memory the snapshots {@link Engine#get} answers from may take (0: none kept, every
     * {@code get} reads the database). A finished operation's snapshot never changes and is kept until evicted;
     * polls of operations beyond what fits read the database by id, which costs the same however many are stored.
     */
    public long snapshotCacheBytes() {
        return snapshotCacheBytes;
    }

    public Duration leaseDuration() {
        return leaseDuration;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** How often workers look for work when no wake-up signal arrives (the fallback, not the main path). */
    public Duration fallbackPollInterval() {
        return fallbackPollInterval;
    }

    /** How long terminal operations are kept before pruning. */
    public Duration retention() {
        return retention;
    }

    public Duration pruneInterval() {
        return pruneInterval;
    }

    public int pruneBatchSize() {
        return pruneBatchSize;
    }

    /** Runs of a handler, first included, before a transient failure fails the operation. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration retryBackoffInitial() {
        return retryBackoffInitial;
    }

    public Duration retryBackoffMax() {
        return retryBackoffMax;
    }

    /** The custom Retry-After policy, or null for the built-in adaptive one. */
    public RetryAfterPolicy retryAfterPolicy() {
        return retryAfterPolicy;
    }

    public Duration retryAfterFloor() {
        return retryAfterFloor;
    }

    public Duration retryAfterCeiling() {
        return retryAfterCeiling;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether the engine applies its Flyway migrations at start. */
    public boolean migrate() {
        return migrate;
    }

    /** Whether this instance runs handlers (false: it only submits and reads). */
    public boolean runWorkers() {
        return runWorkers;
    }

    /** Applied to every submission on the submitting thread before it is stored; identity by default. */
    public UnaryOperator<Submission> beforeSubmit() {
        return beforeSubmit;
    }

    /** Builds an {@link EngineConfig}; each setter checks its argument and names it in the error. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        private final List<EngineListener> listeners = new ArrayList<>();
        private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
        private int workers = 64;
        private int submitCommitters = 4;
        private long snapshotCacheBytes = 64L * 1024 * 1024;
        private Duration leaseDuration = Duration.ofSeconds(30);
        private Duration heartbeatInterval;
        private Duration fallbackPollInterval = Duration.ofSeconds(1);
        private Duration retention = Duration.ofHours(24);
        private Duration pruneInterval = Duration.ofMinutes(5);
        private int pruneBatchSize = 500;
        private int maxAttempts = 5;
        private Duration retryBackoffInitial = Duration.ofSeconds(1);
        private Duration retryBackoffMax = Duration.ofMinutes(1);
        private RetryAfterPolicy retryAfterPolicy;
        private Duration retryAfterFloor = Duration.ofSeconds(1);
        private Duration retryAfterCeiling = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private boolean migrate = true;
        private boolean runWorkers = true;
        private UnaryOperator<Submission> beforeSubmit = UnaryOperator.identity();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        }

        /** Registers the handler of operations of {@code kind}; one handler per kind. */
        public Builder handler(String kind, OperationHandler handler) {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(handler, "handler == null");
            if (handlers.putIfAbsent(kind, handler) != null) {
                throw new IllegalArgumentException("a handler is already registered for kind " + kind);
            }
            return this;
        }

        public Builder listener(EngineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener == null"));
            return this;
        }

        public Builder nodeId(String value) {
            Objects.requireNonNull(value, "nodeId == null");
            if (value.isBlank() || value.length() > 100) {
                throw new IllegalArgumentException("nodeId must be 1..100 characters: '" + value + "'");
            }
            if (value.indexOf('|') >= 0) {
                // the separator of the notices instances send each other (node|w|ids)
                throw new IllegalArgumentException("nodeId must not contain '|': '" + value + "'");
            }
            this.nodeId = value;
            return this;
        }

        public Builder workers(int value) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException("workers must be 1..10000: " + value);
            }
            this.workers = value;
            return this;
        }

        public Builder submitCommitters(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("submitCommitters must be 1..64: " + value);
            }
            this.submitCommitters = value;
            return this;
        }

        /**
         * Memory for kept snapshots, 0 (none kept) to 16 GiB; default 64 MiB. A snapshot weighs what it takes of the
         * heap: about 1.1 KB for one with 700 characters of text (ids, input, result), so about 59,000 of those.
         */
        public Builder snapshotCacheBytes(long value) {
            if (value < 0 || value > 16L * 1024 * 1024 * 1024) {
                throw new IllegalArgumentException("snapshotCacheBytes must be 0..16 GiB: " + value);
            }
            this.snapshotCacheBytes = value;
            return this;
        }

        public Builder leaseDuration(Duration value) {
            this.leaseDuration = positive("leaseDuration", value);
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = positive("heartbeatInterval", value);
            return this;
        }

        public Builder fallbackPollInterval(Duration value) {
            this.fallbackPollInterval = positive("fallbackPollInterval", value);
            return this;
        }

        public Builder retention(Duration value) {
            this.retention = positive("retention", value);
            return this;
        }

        public Builder pruneInterval(Duration value) {
            this.pruneInterval = positive("pruneInterval", value);
            return this;
        }

        public Builder pruneBatchSize(int value) {
            if (value < 1 || value > 100_000) {
                throw new IllegalArgumentException("pruneBatchSize must be 1..100000: " + value);
            }
            this.pruneBatchSize = value;
            return this;
        }

        public Builder maxAttempts(int value) {
            if (value < 1 || value > 1000) {
                throw new IllegalArgumentException("maxAttempts must be 1..1000: " + value);
            }
            this.maxAttempts = value;
            return this;
        }

        /** Backoff between retries of transient failures: doubles from {@code initial} up to {@code max}. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoffInitial = positive("retryBackoff initial", initial);
            this.retryBackoffMax = positive("retryBackoff max", max);
            if (initial.compareTo(max) > 0) {
                throw new IllegalArgumentException("retryBackoff initial " + initial + " is above max " + max);
            }
            return this;
        }

        /** Replaces the built-in adaptive Retry-After policy; its advice is still clamped to floor and ceiling. */
        public Builder retryAfterPolicy(RetryAfterPolicy value) {
            this.retryAfterPolicy = Objects.requireNonNull(value, "retryAfterPolicy == null");
            return this;
        }

        /** Bounds of the Retry-After advice. */
        public Builder retryAfterBounds(Duration floor, Duration ceiling) {
            Objects.requireNonNull(floor, "retryAfter floor == null");
            if (floor.isNegative()) {
                throw new IllegalArgumentException("retryAfter floor must not be negative: " + floor);
            }
            this.retryAfterFloor = floor;
            this.retryAfterCeiling = positive("retryAfter ceiling", ceiling);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock == null");
            return this;
        }

        public Builder migrate(boolean value) {
            this.migrate = value;
            return this;
        }

        public Builder runWorkers(boolean value) {
            this.runWorkers = value;
            return this;
        }

        /**
         * Adjusts every submission before it is stored, on the submitting thread: e.g. to stamp the context of
         * the request that submits it (the server records the request's correlation id this way). It must not
         * return null.
         */
        public Builder beforeSubmit(UnaryOperator<Submission> value) {
            this.beforeSubmit = Objects.requireNonNull(value, "beforeSubmit == null");
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name + " == null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
