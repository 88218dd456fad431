package io.asyncops.bench.specs;

import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Spec-loaded providers against the hand-written one, in one run on one server:
 * <ol>
 *   <li><b>Start-up.</b> A server without specs and one with every spec of the folder, started alternately
 *       ({@code rounds} each, fresh data dirs); the medians and the difference.</li>
 *   <li><b>PUT to 202.</b> {@code n} creates of storage accounts (a type loaded from {@code storage.json}) and
 *       {@code n} creates of SQL servers (the built-in type), {@code c} at a time over HTTP, alternating which goes
 *       first in each round; requests per second that answered {@code 202}, and the ratio spec / built-in.</li>
 * </ol>
 * Usage: {@code bin/bench specs [specification-folder] [n] [c] [rounds]}; the folder defaults to
 * {@code $ASYNCOPS_SPECS/specification} or {@code ../shared/specs/specification}.
 */
public final class SpecsBench {
    private static final String SUB = "00000000-0000-0000-0000-0000000000b1";

    private SpecsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path specs = args.length > 0 ? Path.of(args[0]) : defaultSpecs();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int c = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        if (!Files.isDirectory(specs)) {
            System.err.println("bench specs: no specs at " + specs + " (set ASYNCOPS_SPECS or pass the folder)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "specs: %s; %d creates per contestant per round, %d at a time, %d rounds%n",
                specs, n, c, rounds);
        startup(specs, rounds);
        throughput(specs, n, c, rounds);
    }

    private static Path defaultSpecs() {
        String env = System.getenv("ASYNCOPS_SPECS");
        return (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "specs"))
                .resolve("specification");
    }

    private static ServerConfig.Builder config(Path dataDir) {
        return ServerConfig.builder().httpPort(0).dataDir(dataDir).shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane());
    }

    private static void startup(Path specs, int rounds) throws IOException {
        long[] plain = new long[rounds];
        long[] loaded = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            plain[r] = timeStart(config(Files.createTempDirectory("bench-plain")));
            loaded[r] = timeStart(config(Files.createTempDirectory("bench-specs")).addSpec(specs));
        }
        long p = median(plain);
        long s = median(loaded);
        System.out.printf(Locale.ROOT, "start-up: without specs %d ms, with every spec %d ms (median of %d):"
                + " +%d ms for the specs%n", p, s, rounds, s - p);
    }

    private static long timeStart(ServerConfig.Builder config) {
        long t0 = System.nanoTime();
        try (AsyncOpsServer ignored = AsyncOpsServer.start(config.build())) {
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    private static void throughput(Path specs, int n, int c, int rounds) throws Exception {
        Path data = Files.createTempDirectory("bench-throughput");
        try (AsyncOpsServer server = AsyncOpsServer.start(config(data).timeScale(1).addSpec(specs).build());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            String token = server.tokens().mint("bench", List.of(SUB), Duration.ofHours(2));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(pool).build();
            String base = server.httpUri() + "/subscriptions/" + SUB + "/resourceGroups/bench-rg/providers/";
            send(client, token, "PUT", server.httpUri() + "/subscriptions/" + SUB
                    + "/resourcegroups/bench-rg?api-version=2022-09-01", "{\"location\":\"westus\"}");
            IntFunction<HttpRequest.Builder> storage = i -> put(token, base + "Microsoft.Storage/storageAccounts/"
                    + "acct" + Integer.toString(i, 36) + "x?api-version=2022-09-01",
                    "{\"location\":\"westus\",\"kind\":\"StorageV2\",\"sku\":{\"name\":\"Standard_LRS\"}}");
            IntFunction<HttpRequest.Builder> sql = i -> put(token, base + "Microsoft.Sql/servers/"
                    + "bench-sql-" + Integer.toString(i, 36) + "?api-version=2021-11-01",
                    "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladministrator\","
                            + "\"administratorLoginPassword\":\"Seed!Passw0rd42\",\"version\":\"12.0\"}}");
            // warm-up: both paths compiled before anything is timed
            long w0 = System.nanoTime();
            run(client, pool, storage, 1_000_000, Math.min(n, 500), c);
            run(client, pool, sql, 1_000_000, Math.min(n, 500), c);
            System.out.printf(Locale.ROOT, "warm-up: %d ms%n", (System.nanoTime() - w0) / 1_000_000);
            double[] spec = new double[rounds];
            double[] hand = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int offset = (r + 2) * 1_000_000;
                if (r % 2 == 0) {
                    spec[r] = run(client, pool, storage, offset, n, c);
                    hand[r] = run(client, pool, sql, offset, n, c);
                } else {
                    hand[r] = run(client, pool, sql, offset, n, c);
                    spec[r] = run(client, pool, storage, offset, n, c);
                }
                System.out.printf(Locale.ROOT, "round %d: storage accounts (from the spec) %.0f PUT/s, SQL servers"
                        + " (built in) %.0f PUT/s, ratio %.2fx%n", r + 1, spec[r], hand[r], spec[r] / hand[r]);
            }
            double s = median(spec);
            double h = median(hand);
            System.out.printf(Locale.ROOT, "PUT to 202, median of %d rounds: spec-loaded %.0f/s, built-in %.0f/s:"
                    + " %.2fx (goal >= 0.8x: %s)%n", rounds, s, h, s / h, s / h >= 0.8 ? "met" : "NOT met");
        }
    }

    /** {@code n} creates, {@code c} at a time; creates per second that answered 202. */
    private static double run(HttpClient client, ExecutorService pool, IntFunction<HttpRequest.Builder> request,
                              int offset, int n, int c) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < c; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    HttpResponse<String> r = client.send(request.apply(offset + i).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        accepted.incrementAndGet();
                    } else if (failures.size() < 3) {
                        synchronized (failures) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (accepted.get() != n) {
            throw new IllegalStateException((n - accepted.get()) + " of " + n + " creates were not accepted: "
                    + failures);
        }
        return n / seconds;
    }

    private static HttpRequest.Builder put(String token, String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private static void send(HttpClient client, String token, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
