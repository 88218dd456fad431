package io.asyncops.bench.engine;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** asyncops as a contestant: no-op operations through the engine, every operation's row kept. */
final class AsyncopsRun {
    static final String KIND = "bench/noop";
    /** Threads that submit during the load phase. */
    private static final int SUBMITTERS = 32;

    private AsyncopsRun() {
    }

    /**
     * Submits {@code n} operations with no worker running, then starts {@code workers} and waits for all ends;
     * {@code beforeDrain} runs between the two.
     */
    static Drain drain(String name, Database db, int n, int workers, Supplier<CpuMeter.Sample> meter,
            Runnable beforeDrain) throws Exception {
        long t0 = System.nanoTime();
        try (Engine front = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false).build())) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < SUBMITTERS; t++) {
                    int first = t;
                    done.add(pool.submit(() -> {
                        for (int i = first; i < n; i += SUBMITTERS) {
                            front.submit(Submission.of(KIND, null));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
        }
        Duration load = Duration.ofNanos(System.nanoTime() - t0);
        beforeDrain.run();

        CountDownLatch ended = new CountDownLatch(n);
        CpuMeter.Sample cpu0 = meter.get();
        long t1 = System.nanoTime();
        Engine engine = Engine.start(config(db, workers).listener(new EngineListener() {
            @Override
            public void ended(Operation operation) {
                ended.countDown();
            }
        }).build());
        try {
            if (!ended.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + ": " + ended.getCount() + " operations never ended");
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - t1);
            CpuMeter.Sample cpu = meter.get().minus(cpu0);
            long kept = count(db, "select count(*) from asyncops_operation where status = 'Succeeded'");
            if (kept != n) {
                throw new IllegalStateException(name + ": " + kept + " Succeeded rows, expected " + n);
            }
            return new Drain(name, n, load, drain, cpu);
        } finally {
            engine.close();
        }
    }

    /** Submits one operation at a time and waits for its end, {@code runs} times (after a warm-up). */
    static Latency lone(String name, Database db, int runs, int workers) throws Exception {
        try (Engine engine = Engine.start(config(db, workers).build())) {
            long[] nanos = new long[runs];
            for (int i = -Math.min(50, runs); i < runs; i++) {
                long t0 = System.nanoTime();
                Operation op = engine.submit(Submission.of(KIND, null));
                awaitEnd(engine, op.id(), op.version());
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            return new Latency(name, nanos);
        }
    }

    private static EngineConfig.Builder config(Database db, int workers) {
        return EngineConfig.builder(db.dataSource()).workers(workers).handler(KIND, ctx -> Outcome.succeeded());
    }

    private static void awaitEnd(Engine engine, OperationId id, long version) throws InterruptedException {
        long seen = version;
        while (true) {
            Operation op = engine.await(id, seen, Duration.ofSeconds(10)).orElseThrow();
            if (op.isTerminal()) {
                return;
            }
            seen = op.version();
        }
    }

    static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
