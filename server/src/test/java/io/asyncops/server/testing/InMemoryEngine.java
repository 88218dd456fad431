package io.asyncops.server.testing;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationNotFoundException;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Page;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the engine while its implementation is being written: operations in memory, handlers on virtual
 * threads, effects on the real database. Not durable; used only by the HTTP tests until the engine lands.
 */
public final class InMemoryEngine implements Engine {
    private final EngineConfig config;
    private final Clock clock;
    private final Map<OperationId, Operation> ops = new LinkedHashMap<>();
    private final Map<OperationId, Thread> runners = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    private InMemoryEngine(EngineConfig config) {
        this.config = config;
        this.clock = config.clock();
    }

    public static Engine start(EngineConfig config) {
        return new InMemoryEngine(config);
    }

    @Override
    public Operation submit(Submission s, TransactionalWork work) {
        OperationHandler handler = config.handlers().get(s.kind());
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + s.kind());
        }
        Operation op;
        synchronized (lock) {
            if (s.idempotencyKey() != null) {
                for (Operation o : ops.values()) {
                    if (s.idempotencyKey().equals(o.idempotencyKey())) {
                        if (!java.util.Objects.equals(o.input(), s.input())) {
                            throw new IdempotencyConflictException(s.idempotencyKey(), o.id());
                        }
                        return o;
                    }
                }
            }
            if (s.exclusive()) {
                for (Operation o : ops.values()) {
                    if (!o.isTerminal() && s.resourceId().equals(o.resourceId())) {
                        throw new ResourceBusyException(s.resourceId(), o.id());
                    }
                }
            }
            op = new Operation(OperationId.random(), s.requestId(), s.kind(), s.subscription(), s.resourceId(),
                    OperationStatus.ACCEPTED, null, clock.instant(), null, null, null, s.input(), null, null, 0, null,
                    s.idempotencyKey(), s.owner(), false, 1);
            runWork(work);
            ops.put(op.id(), op);
        }
        config.listeners().forEach(l -> l.submitted(op));
        Thread t = Thread.ofVirtual().start(() -> run(op.id(), handler));
        runners.put(op.id(), t);
        return op;
    }

    private void runWork(TransactionalWork work) {
        try (Connection c = config.dataSource().getConnection()) {
            c.setAutoCommit(false);
            work.execute(c);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("work failed", e);
        }
    }

    private void run(OperationId id, OperationHandler handler) {
        Operation started = update(id, o -> with(o, OperationStatus.IN_PROGRESS, o.percentComplete(), null, null,
                o.checkpoint(), o.attempt() + 1, clock.instant()));
        if (started.isTerminal()) {
            return;
        }
        config.listeners().forEach(l -> l.started(started));
        Outcome outcome;
        try {
            outcome = handler.run(new Context(id));
        } catch (OperationCanceledException e) {
            outcome = Outcome.canceled(TransactionalWork.none());
        } catch (InterruptedException e) {
            return;
        } catch (Exception e) {
            outcome = Outcome.failed(OperationError.internal("InternalServerError", "handler failed"));
        }
        runWork(outcome.effect());
        Outcome end = outcome;
        Operation ended = update(id, o -> switch (end) {
            case Outcome.Succeeded s -> with(o, OperationStatus.SUCCEEDED, 100.0, s.result(), null, o.checkpoint(),
                    o.attempt(), o.startedAt());
            case Outcome.Failed f -> with(o, OperationStatus.FAILED, o.percentComplete(), null, f.error(),
                    o.checkpoint(), o.attempt(), o.startedAt());
            case Outcome.Canceled c -> with(o, OperationStatus.CANCELED, o.percentComplete(), null,
                    OperationError.canceled(), o.checkpoint(), o.attempt(), o.startedAt());
        });
        config.listeners().forEach(l -> l.ended(ended));
    }

    private Operation with(Operation o, OperationStatus status, Double pct, String result, OperationError error,
                           String checkpoint, int attempt, Instant startedAt) {
        return new Operation(o.id(), o.requestId(), o.kind(), o.subscription(), o.resourceId(), status, pct,
                o.createdAt(), startedAt, status.isTerminal() ? clock.instant() : null, o.expectedEndAt(), o.input(),
                result, error, attempt, checkpoint, o.idempotencyKey(), o.owner(), o.cancelRequested(),
                o.version() + 1);
    }

    private Operation update(OperationId id, java.util.function.UnaryOperator<Operation> change) {
        synchronized (lock) {
            Operation o = ops.get(id);
            if (o.isTerminal()) {
                return o;
            }
            Operation n = change.apply(o);
            ops.put(id, n);
            lock.notifyAll();
            return n;
        }
    }

    @Override
    public Optional<Operation> get(OperationId id) {
        synchronized (lock) {
            return Optional.ofNullable(ops.get(id));
        }
    }

    @Override
    public Page<Operation> list(OperationQuery q) {
        synchronized (lock) {
            List<Operation> all = new ArrayList<>(ops.values().stream()
                    .filter(o -> q.subscription() == null || q.subscription().equalsIgnoreCase(o.subscription()))
                    .filter(o -> q.statuses().isEmpty() || q.statuses().contains(o.status()))
                    .sorted(Comparator.comparing(Operation::createdAt).reversed())
                    .toList());
            int from = q.pageToken() == null ? 0 : Integer.parseInt(q.pageToken());
            int to = Math.min(all.size(), from + q.limit());
            return new Page<>(all.subList(Math.min(from, all.size()), to), to < all.size() ? Integer.toString(to) : null);
        }
    }

    @Override
    public Operation cancel(OperationId id) {
        synchronized (lock) {
            Operation o = ops.get(id);
            if (o == null) {
                throw new OperationNotFoundException(id);
            }
            if (o.isTerminal() || o.cancelRequested()) {
                return o;
            }
            Operation n = new Operation(o.id(), o.requestId(), o.kind(), o.subscription(), o.resourceId(), o.status(),
                    o.percentComplete(), o.createdAt(), o.startedAt(), null, o.expectedEndAt(), o.input(), null, null,
                    o.attempt(), o.checkpoint(), o.idempotencyKey(), o.owner(), true, o.version() + 1);
            ops.put(id, n);
            lock.notifyAll();
            return n;
        }
    }

    @Override
    public Optional<Operation> await(OperationId id, long afterVersion, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Operation o = ops.get(id);
                if (o == null || o.version() > afterVersion) {
                    return Optional.ofNullable(o);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.of(o);
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public Duration retryAfter(Operation operation) {
        Duration age = operation.age(clock.instant());
        Duration advice = age.dividedBy(10);
        if (advice.compareTo(config.retryAfterFloor()) < 0) {
            advice = config.retryAfterFloor();
        }
        return advice.compareTo(config.retryAfterCeiling()) > 0 ? config.retryAfterCeiling() : advice;
    }

    @Override
    public int prune() {
        return 0;
    }

    @Override
    public void close() {
        runners.values().forEach(Thread::interrupt);
    }

    private final class Context implements OperationContext {
        private final OperationId id;

        Context(OperationId id) {
            this.id = id;
        }

        @Override
        public Operation operation() {
            return get(id).orElseThrow();
        }

        @Override
        public int attempt() {
            return operation().attempt();
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(operation().checkpoint());
        }

        @Override
        public void checkpoint(String state) {
            update(id, o -> with(o, o.status(), o.percentComplete(), null, null, state, o.attempt(), o.startedAt()));
        }

        @Override
        public void progress(double percentComplete) {
            update(id, o -> with(o, o.status(), percentComplete, null, null, o.checkpoint(), o.attempt(),
                    o.startedAt()));
        }

        @Override
        public void estimateRemaining(Duration remaining) {
        }

        @Override
        public boolean cancelRequested() {
            return operation().cancelRequested();
        }

        @Override
        public void throwIfCanceled() {
            if (cancelRequested()) {
                throw new OperationCanceledException(id);
            }
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            long deadline = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < deadline) {
                throwIfCanceled();
                Thread.sleep(Math.max(1, Math.min(20, (deadline - System.nanoTime()) / 1_000_000)));
            }
            throwIfCanceled();
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }

}
