package io.asyncops.bench.poller;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.SerializerAdapter;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.PollerOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows the same set of operations with three pollers (the asyncops client, the same with long polls, azure-core's
 * ARM {@code SyncPoller}) and prints, per poller, the requests per operation and the delay between each operation's
 * end and the client seeing it. On a real asyncops server with a bench plane ({@link AsyncOpsTarget}), on an emulated
 * ARM server ({@link EmulatedTarget}) and on a real asyncops server with the real ARM plane ({@link ArmTarget}: SQL
 * database creates lasting the mean of the planned durations).
 *
 * <pre>{@code java -cp ... io.asyncops.bench.poller.PollerBench [all|both|asyncops|emulated|arm] [operations] [minMs] [maxMs]}</pre>
 */
public final class PollerBench {
    private PollerBench() {
    }

    /** The measured outcome of one poller. */
    record Result(String poller, int operations, double requestsPerOperation, double noticeP50Millis,
                  double noticeP95Millis, double noticeMaxMillis, int failures) {
        String row() {
            return String.format(Locale.ROOT, "%-32s %5d %10.2f %10.0f %10.0f %10.0f %6d", poller, operations,
                    requestsPerOperation, noticeP50Millis, noticeP95Millis, noticeMaxMillis, failures);
        }
    }

    /** Follows one operation (sends its PUT and waits for its end); returns when the client saw the end. */
    @FunctionalInterface
    interface Follow {
        Instant follow(URI url, String body, Optional<String> token) throws Exception;
    }

    /** Where the operations run. */
    enum Where {
        emulated, asyncops, arm;

        Target open(long[] durations) {
            return switch (this) {
                case emulated -> new EmulatedTarget(durations);
                case asyncops -> new AsyncOpsTarget(durations);
                case arm -> new ArmTarget(durations);
            };
        }
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        String which = args.length > 0 ? args[0] : "all";
        List<Where> where = switch (which) {
            case "all" -> List.of(Where.asyncops, Where.emulated, Where.arm);
            case "both" -> List.of(Where.asyncops, Where.emulated);
            default -> List.of(Where.valueOf(which));
        };
        int operations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long min = args.length > 2 ? Long.parseLong(args[2]) : 500;
        long max = args.length > 3 ? Long.parseLong(args[3]) : 6_000;
        for (Where w : where) {
            if (w == Where.arm) {
                double mean = Arrays.stream(durations(operations, min, max)).average().orElseThrow();
                System.out.printf(Locale.ROOT, "%narm server (Microsoft.Sql emulator): %d SQL database creates per"
                        + " poller, all at once, each lasting %.0f ms (time scale %.4f)%n", operations, mean,
                        mean / 40_000);
            } else {
                System.out.printf(Locale.ROOT, "%n%s server: %d operations per poller, each running %d-%d ms%n", w,
                        operations, min, max);
            }
            System.out.println(header());
            for (Result r : run(w, operations, min, max)) {
                System.out.println(r.row());
            }
        }
    }

    /** Logback logs DEBUG without a configuration; the table is what matters here. */
    private static void quietLogs() {
        java.util.logging.Logger.getLogger("io.helidon").setLevel(java.util.logging.Level.WARNING);
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            logs.getLogger("com.azure").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    static String header() {
        return String.format(Locale.ROOT, "%-32s %5s %10s %10s %10s %10s %6s", "poller", "ops", "req/op",
                "notice p50", "p95 (ms)", "max (ms)", "fail");
    }

    /** Runs the three pollers, each on a fresh server, over operations of the same planned durations. */
    static List<Result> run(Where where, int operations, long minMillis, long maxMillis) throws Exception {
        long[] durations = durations(operations, minMillis, maxMillis);
        List<Result> results = new ArrayList<>();

        results.add(measure("asyncops client", where, durations, (url, body, token) -> {
            LroClient client = client(token, PollerOptions.custom());
            client.begin(LroRequest.put(url, body)).waitForCompletion();
            return Instant.now();
        }));
        results.add(measure("asyncops client (long poll)", where, durations, (url, body, token) -> {
            LroClient client = client(token, PollerOptions.custom().longPoll(Duration.ofSeconds(30)));
            client.begin(LroRequest.put(url, body)).waitForCompletion();
            return Instant.now();
        }));
        SerializerAdapter serializer = SerializerFactory.createDefaultManagementSerializerAdapter();
        results.add(measure("azure-core SyncPoller (ARM)", where, durations, (url, body, token) -> {
            // What the ARM SDKs (azure-resourcemanager-*) do: azure-core-management's PollerFactory, its SyncPoller,
            // on the JDK transport over HTTP/1.1 like the asyncops client.
            HttpPipelineBuilder builder = new HttpPipelineBuilder()
                    .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1)).build());
            List<HttpPipelinePolicy> policies = new ArrayList<>();
            token.ifPresent(t -> policies.add(new AddHeadersPolicy(new HttpHeaders()
                    .set(HttpHeaderName.AUTHORIZATION, "Bearer " + t))));
            policies.add(new RetryPolicy());
            HttpPipeline pipeline = builder.policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
            HttpRequest put = new HttpRequest(HttpMethod.PUT, url.toString())
                    .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(body);
            Mono<Response<Flux<ByteBuffer>>> start = pipeline.send(put)
                    .map(r -> new SimpleResponse<>(put, r.getStatusCode(), r.getHeaders(), r.getBody()));
            SyncPoller<PollResult<Object>, Object> poller = PollerFactory.<Object, Object>create(serializer, pipeline,
                    Object.class, Object.class, Duration.ofSeconds(1), start).getSyncPoller();
            if (poller.waitForCompletion().getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                throw new IllegalStateException("not completed");
            }
            Instant saw = Instant.now();
            poller.getFinalResult();
            return saw;
        }));
        return results;
    }

    /** The planned durations: the same for every poller and every run. */
    static long[] durations(int operations, long minMillis, long maxMillis) {
        return new SplittableRandom(42).longs(operations, minMillis, maxMillis + 1).toArray();
    }

    private static LroClient client(Optional<String> token, PollerOptions.Builder options) {
        token.ifPresent(t -> options.bearerToken(() -> t));
        return LroClient.create(options.build());
    }

    private static Result measure(String name, Where where, long[] durations, Follow follow) throws Exception {
        int n = durations.length;
        try (Target target = where.open(durations);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Instant>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                URI url = target.operationUrl(i);
                String body = target.body(i);
                running.add(pool.submit(() -> follow.follow(url, body, target.token())));
            }
            int failures = 0;
            double[] delays = new double[n];
            for (int i = 0; i < n; i++) {
                try {
                    delays[i] = target.noticeDelayMillis(i, running.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    failures++;
                    delays[i] = Double.NaN;
                    System.err.println(name + ": " + e.getCause());
                }
            }
            long requests = settledRequests(target);
            Arrays.sort(delays);
            return new Result(name, n, (double) requests / n, percentile(delays, 0.5), percentile(delays, 0.95),
                    delays[n - 1], failures);
        }
    }

    /** The server records a request just after answering it: wait until the count stops moving. */
    private static long settledRequests(Target target) throws InterruptedException {
        long before = -1;
        long now = target.requests();
        for (int i = 0; i < 20 && now != before; i++) {
            Thread.sleep(50);
            before = now;
            now = target.requests();
        }
        return now;
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
