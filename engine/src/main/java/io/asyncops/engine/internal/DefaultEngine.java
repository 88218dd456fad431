package io.asyncops.engine.internal;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationNotFoundException;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import io.asyncops.engine.RetryAfterPolicy;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.engine.internal.store.Cancellation;
import io.asyncops.engine.internal.store.ChangeFeed;
import io.asyncops.engine.internal.store.Inserted;
import io.asyncops.engine.internal.store.JdbcOperationStore;
import io.asyncops.engine.internal.store.Migrations;
import io.asyncops.engine.internal.store.NewOperation;
import io.asyncops.engine.internal.store.Notice;
import io.asyncops.engine.internal.store.OperationStore;
import io.asyncops.engine.internal.store.SqlDialect;
import io.asyncops.engine.internal.store.StoredOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: submits (group-committed by {@link Submits}) and reads through the store, runs workers ({@link Dispatcher}, {@link Runner}), keeps
 * leases alive ({@link Heartbeats}), writes endings in groups ({@link Committer}), wakes waiters on local changes
 * and on other instances' notices, and prunes on a schedule.
 */
public final class DefaultEngine implements Engine {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngine.class);
    private final EngineConfig config;
    private final OperationStore store;
    private final RetryAfterPolicy retryAfter;
    private final Waiters waiters = new Waiters();
    private final Map<OperationId, Lease> leases = new ConcurrentHashMap<>();
    /** Snapshots kept until they change: a status poll need not reach the database. */
    private final Snapshots snapshots;
    private final Submits submits;
    private final Committer committer;
    private final Runner runner;
    private final Dispatcher dispatcher;
    private final Heartbeats heartbeats;
    private final Periodic pruner;
    private final Periodic rechecker;
    private final ChangeFeed feed;
    private volatile boolean closed;

    private DefaultEngine(EngineConfig config, SqlDialect dialect) {
        this.config = config;
        this.store = new JdbcOperationStore(config.dataSource(), dialect, config.nodeId());
        this.retryAfter = config.retryAfterPolicy() != null ? config.retryAfterPolicy() : new AdaptiveRetryAfter();
        this.snapshots = new Snapshots(config.fallbackPollInterval(), min(config.retention(), Duration.ofMinutes(10)),
                config.snapshotCacheBytes());
        this.submits = new Submits(store, config.nodeId(), config.submitCommitters());
        if (config.runWorkers()) {
            this.committer = new Committer(store, config.clock(), config.nodeId());
            this.runner = new Runner(config, store, committer, leases, new RunEvents());
            this.dispatcher = new Dispatcher(config, store, runner);
            this.heartbeats = new Heartbeats(config, store, leases);
        } else {
            this.committer = null;
            this.runner = null;
            this.dispatcher = null;
            this.heartbeats = null;
        }
        this.pruner = new Periodic("prune-" + config.nodeId(), config.pruneInterval(), this::prune);
        this.rechecker = new Periodic("waiters-" + config.nodeId(), config.fallbackPollInterval(),
                new Recheck(store, waiters, snapshots::changed));
        this.feed = dialect.changeFeed(config.dataSource(), config.nodeId(), this::onNotice).orElse(null);
    }

    /** Migrates (if configured) and starts an engine on {@code config}. */
    public static Engine start(EngineConfig config) {
        Objects.requireNonNull(config, "config == null");
        SqlDialect dialect = SqlDialect.detect(config.dataSource());
        if (config.migrate()) {
            Migrations.migrate(config.dataSource(), dialect);
        }
        DefaultEngine engine = new DefaultEngine(config, dialect);
        engine.submits.start();
        if (engine.dispatcher != null) {
            engine.committer.start();
            engine.heartbeats.start();
            engine.dispatcher.start();
        }
        engine.pruner.start();
        engine.rechecker.start();
        LOG.info("engine {} started ({} workers: {})", config.nodeId(), dialect.migrationFolder(),
                config.runWorkers() ? config.workers() : 0);
        return engine;
    }

    @Override
    public Operation submit(Submission submission, TransactionalWork inSameTransaction) {
        Objects.requireNonNull(submission, "submission == null");
        Objects.requireNonNull(inSameTransaction, "inSameTransaction == null");
        checkOpen();
        Submission s = Objects.requireNonNull(config.beforeSubmit().apply(submission), "beforeSubmit gave null");
        if (!config.handlers().isEmpty() && !config.handlers().containsKey(s.kind())) {
            throw new IllegalArgumentException("no handler is registered for operation kind " + s.kind());
        }
        Instant now = Times.now(config.clock());
        Operation op = new Operation(OperationId.random(), s.requestId(), s.kind(), s.subscription(), s.resourceId(),
                OperationStatus.ACCEPTED, null, now, null, null, null, s.input(), null, null, 0, null,
                s.idempotencyKey(), s.owner(), false, 1);
        Inserted inserted = submits.submit(new NewOperation(op, s.exclusive(), s.correlationId(),
                inSameTransaction));
        Operation stored = inserted.operationOrThrow();
        if (inserted.created()) {
            config.listeners().forEach(l -> call(l::submitted, stored));
            // no snapshot marker: nothing kept of an operation can predate its first version (a read that found
            // it is of this very version), and a marker per submit cost a cache write each
            waiters.changed(op.id());
            for (EngineListener l : config.listeners()) {
                call(l::changed, op.id());
            }
            if (dispatcher != null) {
                dispatcher.wake();
            }
        }
        return stored;
    }

    @Override
    public Optional<Operation> get(OperationId id) {
        Objects.requireNonNull(id, "id == null");
        return snapshots.get(id, i -> store.find(i).map(StoredOperation::operation));
    }

    @Override
    public Optional<Operation> status(OperationId id) {
        Objects.requireNonNull(id, "id == null");
        return snapshots.status(id, store::findStatus);
    }

    @Override
    public Optional<Operation> getByRequestId(String requestId) {
        Objects.requireNonNull(requestId, "requestId == null");
        return store.findByRequestId(requestId);
    }

    @Override
    public Page<Operation> list(OperationQuery query) {
        return store.list(Objects.requireNonNull(query, "query == null"));
    }

    @Override
    public Optional<OperationHistory> history(OperationId id) {
        return store.history(Objects.requireNonNull(id, "id == null"));
    }

    @Override
    public OperationStats stats(String subscription) {
        return store.stats(subscription);
    }

    @Override
    public Operation cancel(OperationId id) {
        Objects.requireNonNull(id, "id == null");
        Cancellation c = store.requestCancel(id, Times.now(config.clock()), op -> {
            OperationHandler handler = config.handlers().get(op.kind());
            return handler == null ? TransactionalWork.none() : handler.canceledWithoutWorker(op);
        }).orElseThrow(() -> new OperationNotFoundException(id));
        Operation op = c.operation();
        Lease lease = leases.get(id);
        if (lease != null && op.cancelRequested()) {
            lease.markCancelRequested();
        }
        if (op.isTerminal()) {
            snapshots.ended(op);
        }
        changed(id);
        if (c.ended()) {
            config.listeners().forEach(l -> call(l::ended, op));
        }
        return op;
    }

    @Override
    public Optional<Operation> await(OperationId id, long afterVersion, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(timeout, "timeout == null");
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        Waiters.Waiter waiter = waiters.register(id, afterVersion);
        try {
            while (true) {
                Optional<Operation> op = get(id);
                long left = deadline - System.nanoTime();
                if (op.isEmpty() || op.get().version() > afterVersion || op.get().isTerminal() || left <= 0) {
                    return op;
                }
                // no polling here: a change wakes it, announced or found by the one periodic recheck (Recheck)
                waiter.signal().await(left);
            }
        } finally {
            waiters.unregister(id, waiter);
        }
    }

    @Override
    public Duration retryAfter(Operation operation) {
        Objects.requireNonNull(operation, "operation == null");
        // a pending cancel ends the operation at its next safe point, long before the end the policy expects
        Duration advice = operation.isTerminal() || operation.cancelRequested() ? config.retryAfterFloor()
                : retryAfter.advise(operation, config.clock().instant());
        return AdaptiveRetryAfter.clamp(advice, config.retryAfterFloor(), config.retryAfterCeiling());
    }

    @Override
    public int prune() {
        Instant before = Times.now(config.clock()).minus(config.retention());
        int total = 0;
        int n;
        do {
            n = store.prune(before, config.pruneBatchSize());
            total += n;
        } while (n == config.pruneBatchSize() && !closed);
        if (total > 0) {
            snapshots.changedAll();
            LOG.debug("pruned {} operations that ended before {}", total, before);
            int pruned = total;
            config.listeners().forEach(l -> call(l::pruned, pruned));
        }
        return total;
    }

    @Override
    public int purge(TransactionalWork inSameTransaction) {
        Objects.requireNonNull(inSameTransaction, "inSameTransaction == null");
        checkOpen();
        int n = store.purge(inSameTransaction);
        // the rows are gone: running handlers stop at their next safe point, and their fenced writes would miss
        leases.values().forEach(Lease::markLost);
        snapshots.changedAll();
        waiters.changedAll();
        LOG.debug("purged {} operations", n);
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        submits.stop(false);
        pruner.stop();
        rechecker.stop();
        if (dispatcher != null) {
            runner.closing();
            dispatcher.stop(10_000);
            heartbeats.stop();
            committer.stop(false);
        }
        if (feed != null) {
            feed.close();
        }
        LOG.info("engine {} closed", config.nodeId());
    }

    /**
     * Abandons this engine as if its process had died: threads stop, nothing more is written, leases are left
     * to expire. For tests of recovery; the engine is unusable afterwards.
     */
    public void halt() {
        closed = true;
        submits.stop(true);
        pruner.stop();
        rechecker.stop();
        if (dispatcher != null) {
            runner.halt();
            heartbeats.stop();
            dispatcher.stop(2_000);
            committer.stop(true);
        }
        if (feed != null) {
            feed.close();
        }
    }

    /** Submits queued for the next group commit; for tests that line callers up behind a commit in flight. */
    public int queuedSubmits() {
        return submits.queued();
    }

    /** This engine's configuration. */
    public EngineConfig config() {
        return config;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the engine is closed");
        }
    }

    private void onNotice(Notice notice) {
        if (notice == Notice.RESYNC) {
            snapshots.changedAll();
            waiters.changedAll();
            leases.values().forEach(l -> Thread.startVirtualThread(l::recheck));
            wakeDispatcher();
            return;
        }
        if (notice.node().equals(config.nodeId())) {
            return;
        }
        for (OperationId id : notice.ids()) {
            changed(id);
            Lease lease = leases.get(id);
            if (lease != null) {
                // another instance touched an operation running here: a cancellation, or our lease is gone
                Thread.startVirtualThread(lease::recheck);
            }
        }
        if (notice.work()) {
            wakeDispatcher();
        }
    }

    /**
     * {@code id} changed (here, or as another instance announced): its kept snapshot is out of date, its waiters
     * wake, the listeners are told.
     */
    private void changed(OperationId id) {
        snapshots.changed(id);
        waiters.changed(id);
        for (EngineListener l : config.listeners()) {
            call(l::changed, id);
        }
    }

    private void wakeDispatcher() {
        if (dispatcher != null) {
            dispatcher.wake();
        }
    }

    private static <T> void call(Consumer<T> callback, T value) {
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("an engine listener failed", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What runs tell the engine. */
    private final class RunEvents implements Runner.Events {
        @Override
        public void started(Operation operation) {
            config.listeners().forEach(l -> call(l::started, operation));
        }

        @Override
        public void takenOver(Operation operation, String previousNode) {
            for (EngineListener l : config.listeners()) {
                call(op -> l.takenOver(op, previousNode), operation);
            }
        }

        @Override
        public void changed(OperationId id) {
            DefaultEngine.this.changed(id);
        }

        @Override
        public void ended(Operation operation) {
            // the terminal snapshot takes the entry's place, as a change's marker would (it is newer than any read
            // that missed), so the snapshots need no marker on top: the waiters and the listeners are told
            snapshots.ended(operation);
            waiters.changed(operation.id());
            for (EngineListener l : config.listeners()) {
                call(l::changed, operation.id());
            }
            config.listeners().forEach(l -> call(l::ended, operation));
        }

        @Override
        public void dueAt(Instant at) {
            Duration wait = Duration.between(config.clock().instant(), at);
            if (wait.isNegative() || wait.isZero()) {
                wakeDispatcher();
            } else {
                Thread.startVirtualThread(() -> {
                    try {
                        Thread.sleep(wait);
                        wakeDispatcher();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
    }
}
