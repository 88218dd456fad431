package io.asyncops.bench.engine;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.asyncops.bench.http.Load;
import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The front door of the engine: how fast 32 concurrent callers store operations durably, against db-scheduler
 * storing the same number of one-time tasks one {@code schedule()} call each from 32 threads, and in batches of
 * 1,000 ({@code scheduleBatch}); on PostgreSQL (durable commits) and on an H2 file. Every contestant gets a fresh
 * database and a pool of {@link Database#DEFAULT_POOL_SIZE} connections; rounds take turns. Then a lone submit's
 * latency, which group commit must not raise (no timer). Options: {@code -n N} operations per contestant (20000),
 * {@code --rounds K} (3), {@code --warmup W} rounds run first and not counted (1), {@code -r R} lone submits timed
 * (500). The warm-up round is there for every contestant alike: without it the first round measured mostly the JIT
 * compiling the JDBC driver and the database (on 2 CPUs its threads took more CPU than the submits did), and the
 * contestant that ran first paid it for the others.
 *
 * <p>{@code --h2-write-delay ms} opens asyncops' H2 databases (not the peers') with {@code WRITE_DELAY=ms}: commits
 * then stay in memory until H2's background writer stores them, so nothing is durable when it returns. It is not a
 * mode to run in but a ceiling: what H2 submits would reach if no group paid for a chunk of its own, the most any
 * journal in front of H2 could give.
 */
public final class SubmitBench {
    private static final int CALLERS = 32;
    private static final String KIND = "bench/noop";
    /** {@code --committers k}: the engine's submit committers; 0 for its default. */
    private static int committers;
    /** {@code --h2-write-delay ms}: asyncops' H2 URL with this {@code WRITE_DELAY} (not durable); 0 for the default. */
    private static int h2WriteDelay;

    private SubmitBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 20_000;
        int rounds = 3;
        int warmup = 1;
        int lone = 500;
        boolean peers = true;
        List<String> databases = List.of("PostgreSQL", "H2");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "-r" -> lone = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--committers" -> committers = Integer.parseInt(args[++i]);
                case "--h2-write-delay" -> h2WriteDelay = Integer.parseInt(args[++i]);
                case "--only" -> databases = List.of(args[++i].equalsIgnoreCase("h2") ? "H2" : "PostgreSQL");
                default -> {
                    System.err.println("usage: bin/bench submit [-n operations] [--rounds k] [--warmup w] [-r lone-submits]"
                            + " [--no-peers] [--only h2|postgresql] [--committers k] [--h2-write-delay ms]");
                    System.exit(2);
                }
            }
        }
        System.out.printf("submit benchmark: %d operations per contestant, %d concurrent callers, %d rounds after %d"
                + " warm-up, %d CPUs, load average %.1f; PostgreSQL with durable commits, H2 file%n", n, CALLERS, rounds,
                warmup, Runtime.getRuntime().availableProcessors(), Load.average());
        if (h2WriteDelay > 0) {
            System.out.printf("asyncops on H2 with WRITE_DELAY=%d: its commits are NOT durable when they return (a"
                    + " ceiling, not a result); the peers' H2 as always%n", h2WriteDelay);
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpus = new LinkedHashMap<>();
        Path h2Dir = Files.createTempDirectory("asyncops-bench-submit");
        AtomicInteger dbs = new AtomicInteger();
        try (BenchPostgres pg = BenchPostgres.start()) {
            long postmaster = pg.postmasterPid();
            for (int round = 1 - warmup; round <= rounds; round++) {
                System.out.println(round < 1 ? "warm-up round (not counted):" : "round " + round + ":");
                boolean counted = round >= 1;
                for (String where : databases) {
                    String[] url = new String[1];
                    java.util.function.Supplier<Database> fresh = () -> where.equals("H2")
                            ? Database.h2(h2Dir.resolve("db-" + dbs.incrementAndGet()))
                            : Database.open(url[0] = pg.newDatabase("submit"), BenchPostgres.USER,
                                    BenchPostgres.PASSWORD);
                    try (Database db = where.equals("H2") && h2WriteDelay > 0
                            ? delayedH2(h2Dir.resolve("db-" + dbs.incrementAndGet()))
                            : fresh.get()) {
                        if (url[0] != null) {
                            BenchPostgres.resetStatements(url[0]);
                        }
                        CpuMeter.Sample cpu0 = CpuMeter.sample(postmaster);
                        double rate = asyncops(db, n);
                        record(counted, rates, cpus, "asyncops " + where, rate, CpuMeter.sample(postmaster).minus(cpu0),
                                n);
                        if (url[0] != null) {
                            BenchPostgres.printStatements(url[0], 12);
                        }
                    }
                    if (!peers) {
                        continue;
                    }
                    for (boolean batch : new boolean[] {false, true}) {
                        try (Database db = fresh.get()) {
                            CpuMeter.Sample cpu0 = CpuMeter.sample(postmaster);
                            double rate = dbScheduler(db, n, batch);
                            record(counted, rates, cpus, "db-scheduler " + (batch ? "scheduleBatch " : "schedule() ")
                                    + where, rate, CpuMeter.sample(postmaster).minus(cpu0), n);
                        }
                    }
                }
            }
            List<Latency> latencies = new ArrayList<>();
            try (Database db = Database.open(pg.newDatabase("lone"), BenchPostgres.USER, BenchPostgres.PASSWORD)) {
                latencies.add(lone("PostgreSQL", db, lone));
            }
            try (Database db = Database.h2(h2Dir.resolve("lone"))) {
                latencies.add(lone("H2", db, lone));
            }
            summary(rates, cpus, latencies);
        } finally {
            EngineBench.deleteTree(h2Dir);
        }
    }

    /** 32 callers submit {@code n} operations between them; operations per second. */
    private static double asyncops(Database db, int n) throws Exception {
        try (Engine engine = Engine.start(config(db))) {
            engine.submit(Submission.of(KIND, null)); // migrations and first connections out of the timing
            double rate = concurrently(n, i -> engine.submit(Submission.of(KIND, null)));
            check(db, "select count(*) from asyncops_operation", n + 1);
            return rate;
        }
    }

    /** An H2 database in {@code dir} with {@code WRITE_DELAY} set to {@link #h2WriteDelay}: not durable, a ceiling. */
    private static Database delayedH2(Path dir) {
        String url = Database.h2Url(dir);
        if (!url.contains("WRITE_DELAY=0")) {
            throw new IllegalStateException("the H2 URL no longer says WRITE_DELAY=0: " + url);
        }
        return Database.open(url.replace("WRITE_DELAY=0", "WRITE_DELAY=" + h2WriteDelay), "sa", "",
                Database.DEFAULT_POOL_SIZE);
    }

    /** db-scheduler stores {@code n} one-time tasks: 32 callers one {@code schedule()} each, or batches of 1,000. */
    private static double dbScheduler(Database db, int n, boolean batch) throws Exception {
        createTable(db);
        OneTimeTask<Void> task = Tasks.oneTime("noop", Void.class).execute((instance, context) -> { });
        SchedulerClient client = SchedulerClient.Builder.create(db.dataSource(), task).build();
        Instant now = Instant.now();
        client.schedule(task.instance("warm-up"), now);
        double rate;
        if (batch) {
            long t0 = System.nanoTime();
            List<TaskInstance<?>> instances = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                instances.add(task.instance("job-" + i));
                if (instances.size() == 1000 || i == n - 1) {
                    client.scheduleBatch(instances, now);
                    instances.clear();
                }
            }
            rate = n / ((System.nanoTime() - t0) / 1e9);
        } else {
            rate = concurrently(n, i -> client.schedule(task.instance("job-" + i), now));
        }
        check(db, "select count(*) from scheduled_tasks", n + 1);
        return rate;
    }

    /** The lone submit's latency: one caller, one operation at a time, after a warm-up. */
    private static Latency lone(String where, Database db, int runs) {
        try (Engine engine = Engine.start(config(db))) {
            long[] nanos = new long[runs];
            for (int i = -Math.min(100, runs); i < runs; i++) {
                long t0 = System.nanoTime();
                engine.submit(Submission.of(KIND, null));
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            return new Latency("asyncops lone submit " + where, nanos);
        }
    }

    private static EngineConfig config(Database db) {
        EngineConfig.Builder b = EngineConfig.builder(db.dataSource()).runWorkers(false);
        if (committers > 0) {
            b.submitCommitters(committers);
        }
        return b.build();
    }

    @FunctionalInterface
    private interface Call {
        void run(int i) throws Exception;
    }

    /** Runs {@code call} for 0..n-1 on 32 platform threads; calls per second. */
    private static double concurrently(int n, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CALLERS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        call.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static void record(boolean counted, Map<String, List<Double>> rates, Map<String, List<Double>> cpus,
                               String name, double rate, CpuMeter.Sample cpu, int n) {
        // the contestant's setup (table, engine start) is in the CPU figure too: small against n operations
        double perThousand = (cpu.jvm() + cpu.postgres()) * 1e6 / n;
        System.out.printf("  %-36s %8.0f ops/s   CPU %6.1f ms/1k ops (JVM %5.2f s, PostgreSQL %5.2f s)%n", name, rate,
                perThousand, cpu.jvm(), cpu.postgres());
        if (!counted) {
            return;
        }
        rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate);
        cpus.computeIfAbsent(name, k -> new ArrayList<>()).add(perThousand);
    }

    private static void summary(Map<String, List<Double>> rates, Map<String, List<Double>> cpus,
                                List<Latency> latencies) {
        System.out.println();
        System.out.println("summary (median over the rounds):");
        rates.forEach((name, r) -> System.out.printf("  %-36s %8.0f ops/s   CPU %6.1f ms/1k ops%n", name,
                Load.median(r), Load.median(cpus.get(name))));
        for (String where : List.of("PostgreSQL", "H2")) {
            if (!rates.containsKey("db-scheduler schedule() " + where)) {
                continue;
            }
            List<Double> ours = rates.get("asyncops " + where);
            List<Double> single = rates.get("db-scheduler schedule() " + where);
            List<Double> batch = rates.get("db-scheduler scheduleBatch " + where);
            double vsSingle = Load.medianRatio(ours, single);
            double vsBatch = Load.medianRatio(ours, batch);
            System.out.printf("  %-10s asyncops / db-scheduler schedule() %5.2fx (goal >= 4x: %s);"
                            + " / scheduleBatch %5.2fx (goal >= 0.3x: %s)%n", where, vsSingle,
                    vsSingle >= 4 ? "met" : "NOT met", vsBatch, vsBatch >= 0.3 ? "met" : "NOT met");
        }
        for (Latency l : latencies) {
            System.out.printf("  %-36s p50 %6.3f ms  p99 %6.3f ms%n", l.name(), l.percentileMillis(50),
                    l.percentileMillis(99));
        }
    }

    private static void check(Database db, String sql, long expected) throws SQLException {
        long found = AsyncopsRun.count(db, sql);
        if (found != expected) {
            throw new IllegalStateException(sql + ": " + found + ", expected " + expected);
        }
    }

    /** db-scheduler's table, as its documentation gives it for PostgreSQL; on H2 the same with H2's types. */
    private static void createTable(Database db) throws SQLException {
        String text = db.isPostgres() ? "text" : "varchar";
        String bytes = db.isPostgres() ? "bytea" : "varbinary";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table scheduled_tasks (task_name " + text + " not null, task_instance " + text
                    + " not null, task_data " + bytes + ", execution_time timestamp with time zone not null,"
                    + " picked boolean not null, picked_by " + text + ", last_success timestamp with time zone,"
                    + " last_failure timestamp with time zone, consecutive_failures int,"
                    + " last_heartbeat timestamp with time zone, version bigint not null, priority smallint,"
                    + " primary key (task_name, task_instance))");
            s.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
            s.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            s.execute("create index priority_execution_time_idx on scheduled_tasks"
                    + " (priority desc, execution_time asc)");
        }
    }
}
