package io.asyncops.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Rows as a live service has them: subscription i of 1,000 drawn with a skew (the first 20 hold about a fifth of
 * the operations), 95% of recent operations ended (mostly Succeeded), the running ones leased by another node;
 * older ones all ended, more than a day ago. The sequence is fixed (one seed): two generators made with the same
 * {@code now} load the same rows in the same order, so two databases can hold the same recent operations.
 */
final class MillionRows {
    static final int SUBSCRIPTIONS = 1_000;
    /** The bench's tokens grant the busiest subscriptions; polls go to their operations. */
    static final int POLLED_SUBSCRIPTIONS = 20;
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    /** An operation of a polled subscription. */
    record Op(String subscription, UUID id) {
    }

    private final Instant now;
    private final Random random = new Random(13);
    private final List<Op> recent = new ArrayList<>();
    private final List<Op> all = new ArrayList<>();

    MillionRows(Instant now) {
        this.now = now;
    }

    Op recent(ThreadLocalRandom r) {
        return recent.get(r.nextInt(recent.size()));
    }

    /** The operations {@link #any} draws from: all of them, or a fixed sample ({@link #limit}). */
    private List<Op> drawn = all;

    Op any(ThreadLocalRandom r) {
        return drawn.get(r.nextInt(drawn.size()));
    }

    /**
     * Makes {@link #any} draw from {@code n} of the stored operations only (a seeded sample, the same at every call):
     * two sizes then read the same number of distinct rows.
     */
    void limit(int n) {
        List<Op> sample = new ArrayList<>(all);
        Collections.shuffle(sample, new Random(31));
        drawn = List.copyOf(sample.subList(0, Math.min(n, sample.size())));
    }

    /** The operations {@link #asked} has handed out, each once: a cache can answer only a second ask. */
    private final java.util.Set<UUID> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** {@link #any}, remembered. */
    Op asked(ThreadLocalRandom r) {
        Op op = any(r);
        asked.add(op.id());
        return op;
    }

    /** How many distinct operations {@link #asked} handed out; how many it can hand out. */
    long[] askedOfAll() {
        return new long[] {asked.size(), drawn.size()};
    }

    /** Stores {@code n} more rows ({@code COPY}): recent ones, or ended more than a day ago ({@code expired}). */
    void load(DataSource ds, int n, boolean expired) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("copy asyncops_operation (id, request_id, kind, subscription, resource_id,"
                    + " status, percent_complete, created_at, started_at, ended_at, input, result, error, attempt,"
                    + " owner_principal, cancel_requested, version, lease_owner, due_at) from stdin",
                    new RowReader(n, expired));
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
                .append(new UUID(random.nextLong(), random.nextLong())).append('\t')
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

    static String subscription(int i) {
        return String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", i);
    }

    static List<String> polledSubscriptions() {
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < POLLED_SUBSCRIPTIONS; i++) {
            subs.add(subscription(i));
        }
        return subs;
    }
}
