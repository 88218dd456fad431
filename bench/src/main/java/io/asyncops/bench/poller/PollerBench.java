package io.asyncops.bench.poller;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.http.rest.Response;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.PollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.serializer.SerializerAdapter;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import com.azure.core.util.polling.SyncPoller;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.PollerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import reactor.core.publisher.Mono;

/**
 * Follows the same set of operations with three pollers and prints, per poller, the requests per operation and the
 * delay between each operation's end and the first request that saw it.
 *
 * <pre>{@code java -cp bench/target/... io.asyncops.bench.poller.PollerBench [operations] [minMillis] [maxMillis]}</pre>
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

    /** Follows one operation (sends its PUT and waits for its end). */
    @FunctionalInterface
    interface Follow {
        void follow(String url) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long min = args.length > 1 ? Long.parseLong(args[1]) : 500;
        long max = args.length > 2 ? Long.parseLong(args[2]) : 6_000;
        System.out.printf(Locale.ROOT, "%d operations per poller, each running %d-%d ms; Retry-After 1 s growing to 5 s%n",
                operations, min, max);
        System.out.println(header());
        for (Result r : run(operations, min, max)) {
            System.out.println(r.row());
        }
    }

    /** Logback logs DEBUG without a configuration; the table is what matters here. */
    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            logs.getLogger("com.azure").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    static String header() {
        return String.format(Locale.ROOT, "%-32s %5s %10s %10s %10s %10s %6s", "poller", "ops", "req/op",
                "notice p50", "p95 (ms)", "max (ms)", "fail");
    }

    /** Runs the three pollers over operations of the same planned durations. */
    static List<Result> run(int operations, long minMillis, long maxMillis) throws Exception {
        long[] durations = new SplittableRandom(42).longs(operations, minMillis, maxMillis + 1).toArray();
        List<Result> results = new ArrayList<>();

        LroClient plain = LroClient.create(PollerOptions.defaults());
        results.add(measure("asyncops client", durations, url ->
                plain.begin(LroRequest.put(java.net.URI.create(url), "{}")).waitForCompletion()));

        LroClient longPolls = LroClient.create(PollerOptions.custom().longPoll(Duration.ofSeconds(30)).build());
        results.add(measure("asyncops client (long poll)", durations, url ->
                longPolls.begin(LroRequest.put(java.net.URI.create(url), "{}")).waitForCompletion()));

        HttpPipeline pipeline = new HttpPipelineBuilder()
                // HTTP/1.1 like the asyncops client (the JDK client's default h2c upgrade is not what is measured)
                .httpClient(new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)).build())
                .policies(new RetryPolicy())
                .build();
        SerializerAdapter serializer = SerializerFactory.createDefaultManagementSerializerAdapter();
        results.add(measure("azure-core SyncPoller (ARM)", durations, url -> {
            // What the ARM SDKs (azure-resourcemanager-*) do: azure-core-management's PollerFactory, its SyncPoller.
            HttpRequest put = new HttpRequest(HttpMethod.PUT, url)
                    .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody("{}");
            Mono<Response<Flux<ByteBuffer>>> start = pipeline.send(put)
                    .map(r -> new SimpleResponse<>(put, r.getStatusCode(), r.getHeaders(), r.getBody()));
            SyncPoller<PollResult<Object>, Object> poller = PollerFactory.<Object, Object>create(serializer, pipeline,
                    Object.class, Object.class, Duration.ofSeconds(1), start).getSyncPoller();
            if (poller.waitForCompletion().getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
                throw new IllegalStateException("not completed");
            }
            poller.getFinalResult();
        }));
        return results;
    }

    private static Result measure(String name, long[] durations, Follow follow) throws Exception {
        int n = durations.length;
        try (EmulatedArmServer server = new EmulatedArmServer(i -> durations[(int) i]);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String url = server.url("/ops/" + i).toString();
                running.add(pool.submit(() -> {
                    follow.follow(url);
                    return null;
                }));
            }
            int failures = 0;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures++;
                    System.err.println(name + ": " + e.getCause());
                }
            }
            double requests = 0;
            double[] delays = new double[n];
            for (int i = 0; i < n; i++) {
                EmulatedArmServer.Op op = server.op(Integer.toString(i));
                requests += op == null ? 0 : op.requests.get();
                delays[i] = op == null ? Double.NaN : op.noticeDelayMillis();
            }
            Arrays.sort(delays);
            return new Result(name, n, requests / n, percentile(delays, 0.5), percentile(delays, 0.95),
                    delays[n - 1], failures);
        }
    }

    private static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
