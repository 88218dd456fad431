package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Flat at a million: a real server on PostgreSQL stores 10,000 operations, then 1,000,000 (bulk-loaded with
 * {@code COPY}), spread over 1,000 subscriptions (a few busy ones, a long tail) and over statuses as a live
 * service has them; at each size, status GETs of random operations and first pages of {@code operationStatuses}
 * (all, and {@code InProgress} only, of the subscriptions whose first page is full at both sizes, so that both sizes
 * answer the same number of items) are timed over kept-alive connections. Then the 990,000 older ones expire and
 * are pruned while the same polls run. Options: {@code -c} connections (4), {@code -d} seconds per measure (10),
 * {@code -n} the large size (1000000), {@code --explain} (print the first-page query's plan at each size),
 * {@code --no-prune} (stop after the comparison).
 */
public final class MillionBench {
    private static final int SUBSCRIPTIONS = 1_000;
    /** The token grants the busiest subscriptions; polls go to their operations. */
    private static final int POLLED_SUBSCRIPTIONS = 20;
    private static final int SMALL = 10_000;
    private static final String API = "?api-version=2021-11-01";
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private MillionBench() {
    }

    public static void main(String[] args) throws Exception {
        int connections = 4;
        int seconds = 10;
        int large = 1_000_000;
        boolean explain = false;
        boolean prune = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-c" -> connections = Integer.parseInt(args[++i]);
                case "-d" -> seconds = Integer.parseInt(args[++i]);
                case "-n" -> large = Integer.parseInt(args[++i]);
                case "--explain" -> explain = true;
                case "--no-prune" -> prune = false;
                default -> {
                    System.err.println("usage: bin/bench million [-c connections] [-d seconds] [-n operations]"
                            + " [--explain] [--no-prune]");
                    System.exit(2);
                }
            }
        }
        System.out.printf("million benchmark: %d then %d operations on PostgreSQL, %d connections, %d s per measure,"
                + " %d CPUs, load average %.1f%n", SMALL, large, connections, seconds,
                Runtime.getRuntime().availableProcessors(), Load.average());
        Instant now = Instant.now();
        try (BenchPostgres pg = BenchPostgres.start();
             BenchServer server = new BenchServer(pg, 100, b -> b.engine(e -> e.pruneInterval(Duration.ofDays(1))))) {
            DataSource ds = server.server().dataSource();
            String token = server.server().tokens().mint("bench",
                    subscriptions(POLLED_SUBSCRIPTIONS), Duration.ofHours(3));
            Generator gen = new Generator(now);
            Map<String, List<LatencyRun.Result>> bySize = new LinkedHashMap<>();

            long t0 = System.nanoTime();
            gen.load(ds, SMALL, false);
            System.out.printf("stored %,d recent operations in %.1f s%n", SMALL, (System.nanoTime() - t0) / 1e9);
            // lists are timed on the subscriptions whose first page is full at both sizes: one that holds fewer
            // than 100 recent operations answers a smaller page at 10k than at 1M, which is not the store's doing
            List<String> listed = firstPages(ds, explain);
            bySize.put("10k", measure(server, token, connections, seconds, gen, listed));

            t0 = System.nanoTime();
            gen.load(ds, large - SMALL, true);
            System.out.printf("stored %,d older (expired) operations in %.1f s (%,.0f rows/s)%n", large - SMALL,
                    (System.nanoTime() - t0) / 1e9, (large - SMALL) / ((System.nanoTime() - t0) / 1e9));
            firstPages(ds, explain);
            bySize.put(large / 1000 + "k", measure(server, token, connections, seconds, gen, listed));

            List<LatencyRun.Result> small = bySize.get("10k");
            List<LatencyRun.Result> big = bySize.get(large / 1000 + "k");
            System.out.println();
            System.out.println("at " + large + " against 10,000 (goal: p99 within 1.2x):");
            for (int i = 0; i < small.size(); i++) {
                double ratio = big.get(i).p99() / small.get(i).p99();
                System.out.printf("  %-34s p99 %6.2f ms vs %6.2f ms: %5.2fx (%s)   p50 %6.2f vs %6.2f ms%n",
                        small.get(i).name(), big.get(i).p99(), small.get(i).p99(), ratio,
                        ratio <= 1.2 ? "met" : "NOT met", big.get(i).p50(), small.get(i).p50());
            }

            if (!prune) {
                return;
            }
            System.out.println();
            System.out.println("pruning the " + (large - SMALL) + " expired operations while the recent ones are polled:");
            List<LatencyRun.Result> before = measure(server, token, connections, seconds, gen, null);
            AtomicBoolean pruning = new AtomicBoolean(true);
            AtomicInteger pruned = new AtomicInteger();
            long p0 = System.nanoTime();
            Thread pruner = Thread.ofPlatform().start(() -> {
                try {
                    pruned.set(server.server().engine().prune());
                } finally {
                    pruning.set(false);
                }
            });
            LatencyRun.Result during = LatencyRun.run("status GET while pruning", server.server().httpPort(),
                    token, connections, pruning::get, r -> statusPath(gen.recent(r)));
            pruner.join();
            double pruneSeconds = (System.nanoTime() - p0) / 1e9;
            System.out.printf("  pruned %,d operations in %.1f s (%,.0f/s)%n", pruned.get(), pruneSeconds,
                    pruned.get() / pruneSeconds);
            System.out.println("  " + during.line());
            double ratio = during.p99() / before.get(0).p99();
            System.out.printf("  status GET p99 while pruning %6.2f ms against %6.2f ms before: %5.2fx%n",
                    during.p99(), before.get(0).p99(), ratio);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("select count(*) from asyncops_operation")) {
                rs.next();
                System.out.printf("  %,d operations left%n", rs.getLong(1));
            }
        }
    }

    /**
     * The polled subscriptions whose first page is full (100 items); prints how full they are on average (a page of
     * fewer rows is a smaller answer), and with {@code explain} the plan of the listing's first-page query (as the
     * engine's listing builds it) for the busiest and the quietest polled subscription.
     */
    private static List<String> firstPages(DataSource ds, boolean explain) throws SQLException {
        String page = "select * from asyncops_operation where 1 = 1 and subscription = ?"
                + " order by created_at desc, id desc fetch first 101 rows only";
        int rows = 0;
        List<String> full = new ArrayList<>();
        try (Connection c = ds.getConnection();
             java.sql.PreparedStatement count = c.prepareStatement("select count(*) from (" + page + ") p")) {
            for (int i = 0; i < POLLED_SUBSCRIPTIONS; i++) {
                count.setString(1, subscription(i));
                try (java.sql.ResultSet rs = count.executeQuery()) {
                    rs.next();
                    int n = Math.min(100, rs.getInt(1));
                    rows += n;
                    if (n == 100) {
                        full.add(subscription(i));
                    }
                }
            }
            System.out.printf("  first pages of the %d polled subscriptions: %.1f items on average, %d full%n",
                    POLLED_SUBSCRIPTIONS, rows / (double) POLLED_SUBSCRIPTIONS, full.size());
            if (!explain) {
                return full;
            }
            // the server's statements are prepared: after five runs PostgreSQL may keep one generic plan for any
            // subscription and page size, so that is the plan to look at too
            try (Statement s = c.createStatement()) {
                s.execute("set plan_cache_mode = force_generic_plan");
                s.execute("prepare first_page(text, int) as " + page.replace("subscription = ?", "subscription = $1")
                        .replace("fetch first 101 rows", "fetch first $2 rows"));
                try (java.sql.ResultSet rs = s.executeQuery("explain (analyze, buffers) execute first_page('"
                        + subscription(0) + "', 101)")) {
                    System.out.println("  generic plan, subscription 0:");
                    while (rs.next()) {
                        System.out.println("    " + rs.getString(1));
                    }
                }
                s.execute("deallocate first_page");
                s.execute("reset plan_cache_mode");
            }
            for (int i : new int[] {0, POLLED_SUBSCRIPTIONS - 1}) {
                try (java.sql.PreparedStatement plan = c.prepareStatement("explain (analyze, buffers) " + page)) {
                    plan.setString(1, subscription(i));
                    try (java.sql.ResultSet rs = plan.executeQuery()) {
                        System.out.println("  plan, subscription " + i + ":");
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
            }
        }
        return full;
    }

    /**
     * Status GETs of random operations, and (unless {@code listed} is null: then recent operations only) the first
     * page of all and of running operations of the {@code listed} subscriptions, each for a while.
     */
    private static List<LatencyRun.Result> measure(BenchServer server, String token, int connections, int seconds,
                                                   Generator gen, List<String> listed) throws Exception {
        boolean recentOnly = listed == null;
        int port = server.server().httpPort();
        String label = recentOnly ? "recent " : "";
        LatencyRun.run("warm-up", port, token, connections, Duration.ofSeconds(2),
                r -> statusPath(recentOnly ? gen.recent(r) : gen.any(r)));
        List<LatencyRun.Result> results = new ArrayList<>();
        results.add(LatencyRun.run("status GET, random " + label + "operation", port, token, connections,
                Duration.ofSeconds(seconds), r -> statusPath(recentOnly ? gen.recent(r) : gen.any(r))));
        if (!recentOnly) {
            DataSource ds = server.server().dataSource();
            statements(ds, null);
            results.add(LatencyRun.run("list, first page ($top=100)", port, token, connections,
                    Duration.ofSeconds(seconds), r -> listPath(r, listed, "")));
            statements(ds, "list, first page ($top=100)");
            results.add(LatencyRun.run("list, first page of InProgress", port, token, connections,
                    Duration.ofSeconds(seconds), r -> listPath(r, listed,
                    "&$filter=status%20eq%20'InProgress'")));
        }
        for (LatencyRun.Result r : results) {
            System.out.println("  " + r.line());
            if (r.non2xx() > 0) {
                throw new IllegalStateException(r.name() + ": answers that were not 2xx");
            }
        }
        return results;
    }

    /**
     * With {@code -Dasyncops.bench.statements=true} (pg_stat_statements loaded): the database's own time for the
     * listing query during the last measure ({@code name}); a null {@code name} starts a new count.
     */
    private static void statements(DataSource ds, String name) throws SQLException {
        if (!BenchPostgres.STATEMENTS) {
            return;
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if (name == null) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("select pg_stat_statements_reset()");
                return;
            }
            try (java.sql.ResultSet rs = s.executeQuery("select sum(calls), sum(total_exec_time) / sum(calls),"
                    + " max(max_exec_time), sum(shared_blks_read) from pg_stat_statements"
                    + " where query like '%order by created_at desc, id desc%'")) {
                rs.next();
                System.out.printf("  %-34s in the database: %,d calls, mean %.3f ms, max %.2f ms, %,d blocks read%n",
                        name, rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4));
            }
        }
    }

    private static String statusPath(Generator.Op op) {
        return "/subscriptions/" + op.subscription() + "/providers/Microsoft.Sql/locations/westus/operationStatuses/"
                + op.id() + API;
    }

    private static String listPath(ThreadLocalRandom r, List<String> subscriptions, String filter) {
        return "/subscriptions/" + subscriptions.get(r.nextInt(subscriptions.size())) + "/operationStatuses" + API
                + "&$top=100" + filter;
    }

    static String subscription(int i) {
        return String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", i);
    }

    private static List<String> subscriptions(int n) {
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            subs.add(subscription(i));
        }
        return subs;
    }

    /**
     * Rows as a live service has them: subscription i of 1,000 drawn with a skew (the first 20 hold about a fifth of
     * the operations), 95% of recent operations ended (mostly Succeeded), the running ones leased by another node;
     * older ones all ended, more than a day ago.
     */
    static final class Generator {
        record Op(String subscription, UUID id) {
        }

        private final Instant now;
        private final Random random = new Random(13);
        private final List<Op> recent = new ArrayList<>();
        private final List<Op> all = new ArrayList<>();

        Generator(Instant now) {
            this.now = now;
        }

        Op recent(ThreadLocalRandom r) {
            return recent.get(r.nextInt(recent.size()));
        }

        Op any(ThreadLocalRandom r) {
            return all.get(r.nextInt(all.size()));
        }

        void load(DataSource ds, int n, boolean expired) throws SQLException, IOException {
            try (Connection c = ds.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                pg.getCopyAPI().copyIn("copy asyncops_operation (id, request_id, kind, subscription, resource_id,"
                        + " status, percent_complete, created_at, started_at, ended_at, input, result, error, attempt,"
                        + " owner_principal, cancel_requested, version, lease_owner, due_at) from stdin",
                        new RowReader(n, expired));
                try (Statement s = c.createStatement()) {
                    // vacuumed as well: a live table has been, and autovacuum woken by the load would otherwise
                    // scan it during the measures that follow
                    s.execute("vacuum (analyze) asyncops_operation");
                }
            }
        }

        /** The COPY text of {@code n} generated rows, made as the server reads it. */
        private final class RowReader extends Reader {
            private final int n;
            private final boolean expired;
            private int made;
            private String pending = "";
            private int at;

            RowReader(int n, boolean expired) {
                this.n = n;
                this.expired = expired;
            }

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == pending.length()) {
                    if (made == n) {
                        return -1;
                    }
                    StringBuilder sb = new StringBuilder(64 * 1024);
                    while (made < n && sb.length() < 60 * 1024) {
                        row(sb, expired);
                        made++;
                    }
                    pending = sb.toString();
                    at = 0;
                }
                int k = Math.min(len, pending.length() - at);
                pending.getChars(at, at + k, buf, off);
                at += k;
                return k;
            }

            @Override
            public void close() {
            }
        }

        private void row(StringBuilder sb, boolean expired) {
            int sub = (int) (SUBSCRIPTIONS * Math.pow(random.nextDouble(), 2.5));
            String subscription = subscription(sub);
            UUID id = new UUID(random.nextLong(), random.nextLong());
            double u = random.nextDouble();
            String status = expired ? (u < 0.94 ? "Succeeded" : u < 0.99 ? "Failed" : "Canceled")
                    : (u < 0.90 ? "Succeeded" : u < 0.94 ? "Failed" : u < 0.95 ? "Canceled"
                    : u < 0.99 ? "InProgress" : "Accepted");
            boolean terminal = !status.equals("InProgress") && !status.equals("Accepted");
            Instant created = expired ? now.minus(Duration.ofMinutes(25 * 60 + random.nextInt(47 * 60)))
                    : now.minus(Duration.ofSeconds(60 + random.nextInt(23 * 3600)));
            Instant started = status.equals("Accepted") ? null : created.plusMillis(5 + random.nextInt(500));
            Instant ended = terminal ? started.plusSeconds(10 + random.nextInt(300)) : null;
            if (expired && ended.isAfter(now.minus(Duration.ofHours(24)))) {
                ended = now.minus(Duration.ofHours(24)).minusSeconds(1 + random.nextInt(3600));
            }
            String server = "srv" + Long.toHexString(id.getMostSignificantBits() & 0xffffffL);
            String resource = "/subscriptions/" + subscription + "/resourceGroups/rg" + (sub % 7)
                    + "/providers/Microsoft.Sql/servers/" + server;
            String input = "{\"verb\":\"PUT\",\"type\":\"Microsoft.Sql/servers\",\"id\":\"" + resource
                    + "\",\"body\":{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\"}}}";
            String result = status.equals("Succeeded") ? "{\"id\":\"" + resource + "\",\"name\":\"" + server
                    + "\",\"type\":\"Microsoft.Sql/servers\",\"location\":\"westus\",\"properties\":{\"state\":"
                    + "\"Ready\",\"version\":\"12.0\",\"provisioningState\":\"Succeeded\"}}" : null;
            String error = status.equals("Failed") ? "{\"code\":\"ServerQuotaExceeded\",\"message\":\"The server"
                    + " quota of the subscription was exceeded.\",\"target\":null,\"details\":[],\"httpStatus\":409}"
                    : status.equals("Canceled") ? "{\"code\":\"OperationCanceled\",\"message\":\"The operation was"
                    + " canceled.\",\"target\":null,\"details\":[],\"httpStatus\":409}" : null;
            sb.append(id).append('\t')
                    .append(UUID.randomUUID()).append('\t')
                    .append("Microsoft.Sql/servers/write").append('\t')
                    .append(subscription).append('\t')
                    .append(resource).append('\t')
                    .append(status).append('\t')
                    .append(terminal ? (status.equals("Succeeded") ? "100" : "\\N") : "40").append('\t')
                    .append(time(created)).append('\t')
                    .append(time(started)).append('\t')
                    .append(time(ended)).append('\t')
                    .append(input).append('\t')
                    .append(result == null ? "\\N" : result).append('\t')
                    .append(error == null ? "\\N" : error).append('\t')
                    .append(status.equals("Accepted") ? 0 : 1).append('\t')
                    .append("bench").append('\t')
                    .append("f").append('\t')
                    .append(terminal ? 3 : 2).append('\t')
                    .append(terminal ? "\\N" : "bench-elsewhere").append('\t')
                    // running ones are held by another node's lease for the whole run: no worker here takes them
                    .append(terminal ? "\\N" : time(now.plus(Duration.ofDays(1)))).append('\n');
            if (sub < POLLED_SUBSCRIPTIONS) {
                Op op = new Op(subscription, id);
                all.add(op);
                if (!expired) {
                    recent.add(op);
                }
            }
        }

        private static String time(Instant t) {
            return t == null ? "\\N" : PG_TIME.format(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }
}
