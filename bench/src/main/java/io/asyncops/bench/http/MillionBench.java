package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import io.asyncops.server.ServerConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Flat at a million, measured side by side: one PostgreSQL holds two databases at once, one with 10,000 recent
 * operations and one with the same 10,000 plus 1,000,000 older (expired) ones (bulk-loaded with {@code COPY}),
 * spread over 1,000 subscriptions (a few busy ones, a long tail) and over statuses as a live service has them; each
 * is served by a server node of its own, in one JVM. After both are vacuumed, analyzed and checkpointed, the same
 * client times status GETs (of recent operations, and of random stored ones) and first pages of
 * {@code operationStatuses} (all, and {@code InProgress} only, of the subscriptions whose first page is full at both
 * sizes) in rounds; in each, every connection alternates between the two nodes request by request, so that
 * whatever else the machine does falls on both sizes alike. Then the expired operations are pruned while recent ones
 * are polled on both nodes the same way. Options: {@code -c} connections (4), {@code -d} seconds per measure and
 * round (4), {@code --rounds} (8), {@code -n} expired operations (1000000), {@code --explain} (the first page's
 * plans at each size), {@code --no-prune} (stop after the comparison), {@code --only} (measures by short name:
 * recent, random, uncached, list, InProgress), {@code --generic-plans} (PostgreSQL's {@code plan_cache_mode} set to
 * {@code force_generic_plan} for the whole cluster), {@code --prewarm} (both tables and their indexes read into
 * shared buffers after the load: with {@code -Dasyncops.bench.sharedBuffers} large enough to hold them, the reads by
 * id of old operations find their blocks in memory, as in a database that fits its memory and has run a while),
 * {@code --ids n} (random GETs draw from a fixed sample of n operations at each size: the same number of distinct
 * rows read at both).
 */
public final class MillionBench {
    private static final int RECENT = 10_000;
    private static final String API = "?api-version=2021-11-01";
    /** Rounds' worth of time per printed line of the prune. */
    private static final int PRUNE_LINE = 4;

    /** One data set and the node that serves it. */
    private record Side(String label, BenchServer server, String token, MillionRows rows, MillionDb db) {
        int port() {
            return server.server().httpPort();
        }
    }

    /**
     * A measure taken at both sizes in every round; {@code shortName} names it in the per-round lines and in
     * {@code --only}, {@code cachesOff} sends it to the nodes that keep nothing in memory, {@code path} picks a
     * request's path on a side.
     */
    private record Kind(String shortName, String name, boolean cachesOff,
                        BiFunction<Side, ThreadLocalRandom, String> path) {
        /** The side this measure is sent to: {@code off} (the same database, caches off) or {@code cached}. */
        Side node(Side cached, Side off) {
            return cachesOff ? off : cached;
        }
    }

    private MillionBench() {
    }

    public static void main(String[] args) throws Exception {
        int connections = 4;
        int seconds = 4;
        int rounds = 8;
        int expired = 1_000_000;
        boolean explain = false;
        boolean prune = true;
        boolean genericPlans = false;
        boolean prewarm = false;
        int ids = 0;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c" -> connections = Integer.parseInt(args[++i]);
                case "-d" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "-n" -> expired = Integer.parseInt(args[++i]);
                case "--explain" -> explain = true;
                case "--no-prune" -> prune = false;
                case "--generic-plans" -> genericPlans = true;
                case "--prewarm" -> prewarm = true;
                case "--ids" -> ids = Integer.parseInt(args[++i]);
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                default -> {
                    System.err.println("usage: bin/bench million [-c connections] [-d seconds-per-measure]"
                            + " [--rounds k] [-n expired-operations] [--explain] [--no-prune] [--only measure,...] [--generic-plans] [--prewarm] [--ids n]");
                    System.exit(2);
                }
            }
        }
        String large = String.format(Locale.ROOT, "%,dk", (RECENT + expired) / 1000);
        System.out.printf("million benchmark: %,d against %,d stored operations on PostgreSQL (shared_buffers %s), side by side;"
                + " %d connections, %d rounds of %d s per measure, %d CPUs, load average %.1f%n",
                RECENT, RECENT + expired, BenchPostgres.SHARED_BUFFERS, connections, rounds, seconds,
                Runtime.getRuntime().availableProcessors(),
                Load.average());
        Instant now = Instant.now();
        try (BenchPostgres pg = BenchPostgres.start();
             BenchServer smallServer = new BenchServer(pg, 100, b -> b.engine(e -> e.pruneInterval(Duration.ofDays(1))));
             BenchServer largeServer = new BenchServer(pg, 100, b -> b.engine(e -> e.pruneInterval(Duration.ofDays(1))));
             // a second node of each database with both caches off (engine snapshots, rendered monitors): every
             // status GET it answers reads the database and renders, at both sizes alike
             BenchServer smallOffServer = new BenchServer(smallServer.jdbcUrl(), 100, MillionBench::cachesOff);
             BenchServer largeOffServer = new BenchServer(largeServer.jdbcUrl(), 100, MillionBench::cachesOff)) {
            Side small = side("10k", smallServer, now);
            Side big = side(large, largeServer, now);
            Side smallOff = new Side(small.label(), smallOffServer, token(smallOffServer), small.rows(), small.db());
            Side bigOff = new Side(big.label(), largeOffServer, token(largeOffServer), big.rows(), big.db());
            try (Connection c = small.server().server().dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select current_setting('huge_pages'),"
                         + " current_setting('huge_pages_status')")) {
                rs.next();
                System.out.printf("PostgreSQL's shared memory: huge_pages %s, in huge pages: %s%n", rs.getString(1),
                        rs.getString(2));
            }
            long t0 = System.nanoTime();
            small.rows().load(small.server().server().dataSource(), RECENT, false);
            big.rows().load(big.server().server().dataSource(), RECENT, false); // the same rows: one seed
            System.out.printf("stored the same %,d recent operations in both databases in %.1f s%n", RECENT,
                    (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            big.rows().load(big.server().server().dataSource(), expired, true);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("stored %,d older (expired) operations beside them in %.1f s (%,.0f rows/s)%n",
                    expired, loadSeconds, expired / loadSeconds);
            t0 = System.nanoTime();
            small.db().settle();
            big.db().settle();
            System.out.printf("vacuumed, analyzed and checkpointed both in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            small.db().printSizes();
            big.db().printSizes();
            // the same recent rows in both: a first page full at 10k is the same full page at 1M
            List<String> listed = small.db().fullFirstPages();
            big.db().fullFirstPages();
            if (ids > 0) {
                small.rows().limit(ids);
                big.rows().limit(ids);
                System.out.printf("  random GETs draw from %,d operations at each size%n", ids);
            }
            if (prewarm) {
                small.db().prewarm();
                big.db().prewarm();
            }
            if (genericPlans) {
                small.db().forceGenericPlans(); // the whole cluster: both databases alike
            }
            if (explain) {
                small.db().explain();
                big.db().explain();
            }
            // recent: what clients poll (the operations they started), the same 2,000 at both sizes; random: any
            // stored one, at 1M nearly all of them old, more than the engine's snapshot cache holds
            List<Kind> kinds = List.of(
                    new Kind("recent", "status GET, recent operation", false, (s, r) -> statusPath(s.rows().recent(r))),
                    new Kind("random", "status GET, random operation", false,
                            (s, r) -> statusPath(s.rows().asked(r))),
                    new Kind("uncached", "status GET, random, caches off", true,
                            (s, r) -> statusPath(s.rows().any(r))),
                    new Kind("list", "list, first page ($top=100)", false, (s, r) -> listPath(r, listed, "")),
                    new Kind("InProgress", "list, first page of InProgress", false, (s, r) -> listPath(r, listed,
                            "&$filter=status%20eq%20'InProgress'")));
            if (!only.isEmpty()) {
                kinds = kinds.stream().filter(k -> only.contains(k.shortName())).toList();
            }
            compare(small, big, smallOff, bigOff, kinds, rounds, Duration.ofSeconds(seconds), connections);
            if (prune) {
                prune(small, big, expired, Duration.ofSeconds(seconds), connections);
            }
        }
    }

    private static Side side(String label, BenchServer server, Instant now) {
        return new Side(label, server, token(server), new MillionRows(now),
                new MillionDb(label, server.server().dataSource()));
    }

    private static String token(BenchServer server) {
        return server.server().tokens().mint("bench", MillionRows.polledSubscriptions(), Duration.ofHours(3));
    }

    private static void cachesOff(ServerConfig.Builder b) {
        b.monitorCacheBytes(0).engine(e -> e.pruneInterval(Duration.ofDays(1)).snapshotCacheBytes(0));
    }

    /**
     * Every kind at both sizes in each round, each connection alternating between the two nodes request by request;
     * prints each round's p99s and, per kind, the p50/p99 of all rounds' requests together and the spread of the
     * per-round p99 ratios.
     */
    private static void compare(Side small, Side big, Side smallOff, Side bigOff, List<Kind> kinds, int rounds,
                                Duration round, int connections) throws Exception {
        System.out.println();
        System.out.println("warm-up (not counted): every measure on both nodes, 1 s each");
        for (Kind k : kinds) {
            long end = System.nanoTime() + 1_000_000_000L;
            LatencyRun.paired(k.name(), target(k.node(small, smallOff), k.path()),
                    target(k.node(big, bigOff), k.path()), connections,
                    () -> System.nanoTime() < end).forEach(MillionBench::check);
        }
        MillionDb.Activity smallBefore = small.db().activity();
        MillionDb.Activity bigBefore = big.db().activity();
        small.db().resetStatements();
        big.db().resetStatements(); // the view is per database; the reset, for all
        long[] smallAskedBefore = small.rows().askedOfAll();
        long[] bigAskedBefore = big.rows().askedOfAll();
        MillionDb.Blocks smallBlocks = small.db().blocks();
        MillionDb.Blocks bigBlocks = big.db().blocks();
        MillionBackends.Sample smallBackends = MillionBackends.sample(small.server().server().dataSource());
        MillionBackends.Sample bigBackends = MillionBackends.sample(big.server().server().dataSource());
        System.err.println("million: backend pids " + small.label() + " " + smallBackends.pids() + " " + big.label()
                + " " + bigBackends.pids()); // for perf -p, on stderr
        List<List<LatencyRun.Result>> smalls = new ArrayList<>();
        List<List<LatencyRun.Result>> bigs = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            smalls.add(new ArrayList<>());
            bigs.add(new ArrayList<>());
        }
        System.out.printf("%d rounds of %d s per measure, each connection alternating between the two nodes request"
                + " by request; p99 in ms at %s|at %s, and their ratio:%n", rounds, round.toSeconds(), small.label(),
                big.label());
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  round %d [load %.1f]", r + 1,
                    Load.average()));
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get(k);
                long end = System.nanoTime() + round.toNanos();
                List<LatencyRun.Result> both = LatencyRun.paired(kind.name(),
                        target(kind.node(small, smallOff), kind.path()),
                        target(kind.node(big, bigOff), kind.path()), connections,
                        () -> System.nanoTime() < end);
                LatencyRun.Result a = check(both.get(0));
                LatencyRun.Result b = check(both.get(1));
                smalls.get(k).add(a);
                bigs.get(k).add(b);
                line.append(String.format(Locale.ROOT, "   %s %.2f|%.2f %.2fx", kind.shortName(), a.p99(), b.p99(),
                        b.p99() / a.p99()));
            }
            System.out.println(line);
        }
        System.out.println("  behind the rounds: " + small.label() + " database " + small.db().activity().since(smallBefore)
                + "; " + big.label() + " database " + big.db().activity().since(bigBefore) + " (checkpoints: cluster)");
        MillionBackends.Sample smallBackendsAfter = MillionBackends.sample(small.server().server().dataSource());
        MillionBackends.Sample bigBackendsAfter = MillionBackends.sample(big.server().server().dataSource());
        long smallReads = small.db().printStatements();
        long bigReads = big.db().printStatements();
        System.out.println("  the databases' backends behind the rounds (from /proc): " + small.label() + " "
                + smallBackendsAfter.since(smallBackends, smallReads));
        System.out.println("    " + big.label() + " " + bigBackendsAfter.since(bigBackends, bigReads));
        System.out.println("  blocks of the table behind the rounds, read from outside shared buffers / found in them: "
                + small.label() + " " + small.db().blocks().since(smallBlocks) + "; " + big.label() + " "
                + big.db().blocks().since(bigBlocks));
        long[] smallAsked = small.rows().askedOfAll();
        long[] bigAsked = big.rows().askedOfAll();
        if (smallAsked[0] + bigAsked[0] > 0) {
            System.out.printf("  random GETs (cached node) asked %,d of %,d operations at %s, %,d of %,d at %s (warm-up"
                    + " included); first asks in the rounds: %,d at %s, %,d at %s (a first ask reaches the database"
                    + " whatever the cache's size)%n", smallAsked[0], smallAsked[1], small.label(), bigAsked[0],
                    bigAsked[1], big.label(), smallAsked[0] - smallAskedBefore[0], small.label(),
                    bigAsked[0] - bigAskedBefore[0], big.label());
        }

        System.out.println();
        System.out.printf("at %s against %s, all rounds' requests together (goal: p99 within 1.2x):%n", big.label(),
                small.label());
        for (int k = 0; k < kinds.size(); k++) {
            long[] a = pooled(smalls.get(k));
            long[] b = pooled(bigs.get(k));
            double ratio = Load.percentileMillis(b, 99) / Load.percentileMillis(a, 99);
            List<Double> perRound = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                perRound.add(bigs.get(k).get(r).p99() / smalls.get(k).get(r).p99());
            }
            System.out.printf("  %-32s p99 %6.2f vs %6.2f ms: %5.2fx (%s)   p50 %5.2f vs %5.2f ms   %,d vs %,d requests;"
                    + " per-round p99 ratios: median %.2fx, %.2fx to %.2fx%n",
                    kinds.get(k).name(), Load.percentileMillis(b, 99), Load.percentileMillis(a, 99), ratio,
                    ratio <= 1.2 ? "met" : "NOT met", Load.percentileMillis(b, 50), Load.percentileMillis(a, 50),
                    b.length, a.length, Load.median(perRound), perRound.stream().mapToDouble(d -> d).min().orElse(0),
                    perRound.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    /**
     * Prunes the expired operations of the large node while the recent ones are polled: rounds of status GETs on
     * both nodes before, then rounds alternating between the pruning node and the other one until the prune ends.
     */
    private static void prune(Side small, Side big, int expired, Duration round, int connections) throws Exception {
        System.out.println();
        System.out.printf("pruning the %,d expired operations of the %s node while recent operations are polled%n",
                expired, big.label());
        BiFunction<Side, ThreadLocalRandom, String> recent = (s, r) -> statusPath(s.rows().recent(r));
        long beforeEnd = System.nanoTime() + 2 * round.toNanos();
        List<LatencyRun.Result> before = LatencyRun.paired("before", target(big, recent), target(small, recent),
                connections, () -> System.nanoTime() < beforeEnd);
        AtomicBoolean pruning = new AtomicBoolean(true);
        AtomicInteger pruned = new AtomicInteger();
        long p0 = System.nanoTime();
        Thread pruner = Thread.ofPlatform().start(() -> {
            try {
                pruned.set(big.server().server().engine().prune());
            } finally {
                pruning.set(false);
            }
        });
        List<LatencyRun.Result> bigDuring = new ArrayList<>();
        List<LatencyRun.Result> smallDuring = new ArrayList<>();
        System.out.printf("  while pruning, status GET p99 / max in ms (requests), each connection alternating between"
                + " the nodes: %s node (pruning) | %s node%n", big.label(), small.label());
        while (pruning.get()) {
            long end = System.nanoTime() + round.toNanos() * PRUNE_LINE;
            List<LatencyRun.Result> both = LatencyRun.paired("during", target(big, recent), target(small, recent),
                    connections, () -> pruning.get() && System.nanoTime() < end);
            LatencyRun.Result b = check(both.get(0));
            LatencyRun.Result a = check(both.get(1));
            bigDuring.add(b);
            smallDuring.add(a);
            System.out.printf(Locale.ROOT, "  %5.1f s [load %.1f]  %6.2f / %7.2f (%,d) | %6.2f / %7.2f (%,d)%n",
                    (System.nanoTime() - p0) / 1e9, Load.average(), b.p99(), maxMillis(b.nanos()),
                    b.nanos().length, a.p99(), maxMillis(a.nanos()), a.nanos().length);
        }
        pruner.join();
        double pruneSeconds = (System.nanoTime() - p0) / 1e9;
        System.out.printf("  pruned %,d operations in %.1f s (%,.0f/s)%n", pruned.get(), pruneSeconds,
                pruned.get() / pruneSeconds);
        long[] during = pooled(bigDuring);
        long[] other = pooled(smallDuring);
        double duringP99 = Load.percentileMillis(during, 99);
        double otherP99 = Load.percentileMillis(other, 99);
        LatencyRun.Result bigBefore = check(before.get(0));
        LatencyRun.Result smallBefore = check(before.get(1));
        System.out.printf("  status GET of a recent operation, p99: pruning node %.2f ms while pruning (max %.2f ms, %,d"
                        + " requests), %.2f ms before it (%,d): %.2fx; the %s node at the same time %.2f ms (max %.2f ms,"
                        + " %,d requests), %.2f ms before: the pruning node %.2fx the other%n",
                duringP99, maxMillis(during), during.length, bigBefore.p99(), bigBefore.nanos().length,
                duringP99 / bigBefore.p99(), small.label(), otherP99, maxMillis(other), other.length,
                smallBefore.p99(), duringP99 / otherP99);
        try (Connection c = big.server().server().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from asyncops_operation")) {
            rs.next();
            System.out.printf("  %,d operations left%n", rs.getLong(1));
        }
    }

    private static LatencyRun.Target target(Side side, BiFunction<Side, ThreadLocalRandom, String> path) {
        return new LatencyRun.Target(side.port(), side.token(), r -> path.apply(side, r));
    }

    private static LatencyRun.Result check(LatencyRun.Result r) {
        if (r.non2xx() > 0) {
            throw new IllegalStateException(r.name() + ": " + r.non2xx() + " answers that were not 2xx");
        }
        return r;
    }

    private static long[] pooled(List<LatencyRun.Result> results) {
        return results.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).toArray();
    }

    private static double maxMillis(long[] nanos) {
        return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }

    private static String statusPath(MillionRows.Op op) {
        return "/subscriptions/" + op.subscription() + "/providers/Microsoft.Sql/locations/westus/operationStatuses/"
                + op.id() + API;
    }

    private static String listPath(ThreadLocalRandom r, List<String> subscriptions, String filter) {
        return "/subscriptions/" + subscriptions.get(r.nextInt(subscriptions.size())) + "/operationStatuses" + API
                + "&$top=100" + filter;
    }
}
