package io.asyncops.bench.engine;

import io.asyncops.engine.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the engine benchmark and prints its figures. Options: {@code -n N} operations per drain (50000),
 * {@code -w W} workers for every contestant (32), {@code -r R} lone operations timed (200), {@code --rounds K}
 * rounds of every drain, contestants taking turns (3), {@code --no-peers} to skip db-scheduler and JobRunr,
 * {@code --only h2|postgresql} to drain asyncops on that database alone (no peers, no lone operations). With
 * {@code -Dasyncops.bench.statements=true} it prints the statements asyncops ran on PostgreSQL during each drain.
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 50_000;
        int workers = 32;
        int runs = 200;
        int rounds = 3;
        boolean peers = true;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-n" -> n = Integer.parseInt(args[++i]);
                case "-w" -> workers = Integer.parseInt(args[++i]);
                case "-r" -> runs = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: bin/bench engine [-n operations] [-w workers] [-r lone-runs]"
                            + " [--rounds k] [--no-peers] [--only h2|postgresql]");
                    System.exit(2);
                }
            }
        }
        System.out.printf("engine benchmark: %d no-op operations per drain, %d workers, %d rounds, %d lone"
                + " operations, %d CPUs; PostgreSQL with durable commits%n", n, workers, rounds, runs,
                Runtime.getRuntime().availableProcessors());

        Map<String, List<Drain>> drains = new LinkedHashMap<>();
        List<Latency> latencies = new ArrayList<>();
        Path h2Dir = Files.createTempDirectory("asyncops-bench-h2");
        try (BenchPostgres pg = BenchPostgres.start()) {
            long postmaster = pg.postmasterPid();
            Supplier<CpuMeter.Sample> meter = () -> CpuMeter.sample(postmaster);
            for (int round = 1; round <= rounds; round++) {
                System.out.println("round " + round + ":");
                if (!"postgresql".equals(only)) {
                    try (Database h2 = Database.h2(h2Dir.resolve("drain-" + round))) {
                        add(drains, AsyncopsRun.drain("asyncops H2", h2, n, workers, meter, () -> { }));
                    }
                }
                if ("h2".equals(only)) {
                    continue;
                }
                String url = pg.newDatabase("asyncops");
                try (Database db = Database.open(url, BenchPostgres.USER, BenchPostgres.PASSWORD)) {
                    add(drains, AsyncopsRun.drain("asyncops PostgreSQL", db, n, workers, meter,
                            () -> BenchPostgres.resetStatements(url)));
                }
                BenchPostgres.printStatements(url, 12);
                if (peers && only == null) {
                    try (Database db = open(pg, "dbscheduler")) {
                        add(drains, DbSchedulerRun.drain(db, n, workers, meter));
                    }
                    try (Database db = open(pg, "jobrunr")) {
                        add(drains, JobRunrRun.drain(db, n, workers, meter));
                    }
                }
            }
            if (only == null) {
                try (Database h2 = Database.h2(h2Dir.resolve("lone"))) {
                    latencies.add(report(AsyncopsRun.lone("asyncops H2", h2, runs, workers)));
                }
                try (Database db = open(pg, "lone")) {
                    latencies.add(report(AsyncopsRun.lone("asyncops PostgreSQL", db, runs, workers)));
                }
            }
        } finally {
            deleteTree(h2Dir);
        }
        Summary.print(drains, latencies);
    }

    private static Database open(BenchPostgres pg, String label) {
        return Database.open(pg.newDatabase(label), BenchPostgres.USER, BenchPostgres.PASSWORD);
    }

    private static void add(Map<String, List<Drain>> drains, Drain d) {
        System.out.printf("  %-22s drain %7.0f ops/s (%6.2f s, CPU %5.0f ms/1k ops: JVM %5.1f s, PG %5.1f s)"
                        + "   load %7.0f ops/s%n", d.name(), d.perSecond(), d.drain().toNanos() / 1e9,
                d.cpuMillisPerThousand(), d.cpu().jvm(), d.cpu().postgres(), d.loadPerSecond());
        drains.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    }

    private static Latency report(Latency l) {
        System.out.printf("  %-22s lone operation submit->end  p50 %6.2f ms  p99 %6.2f ms%n", l.name(),
                l.percentileMillis(50), l.percentileMillis(99));
        return l;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
