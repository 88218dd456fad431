package io.asyncops.bench.poller;

import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.PollerOptions;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationQuery;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real asyncops server in this process with the real ARM plane (the Microsoft.Sql emulator, engine on H2, JWTs,
 * the adaptive {@code Retry-After}): every operation is the creation of a SQL database on one server made beforehand.
 * The emulator gives every database create the same duration (40 s at time scale 1); the time scale is chosen so that
 * it lasts the mean of the planned durations. Requests are counted by the server's request timer from after the
 * setup; an operation's end is the engine's {@code endedAt}.
 */
final class ArmTarget implements Target {
    static final String SQL = "?api-version=2021-11-01";
    private static final String SUB = "00000000-0000-0000-0000-0000000a0b0c";
    private static final String SERVER = "/subscriptions/" + SUB + "/resourceGroups/bench/providers/Microsoft.Sql"
            + "/servers/benchsrv";
    private static final Duration DATABASE_CREATE = Duration.ofSeconds(40);

    private final Path dataDir;
    private final AsyncOpsServer server;
    private final String token;
    private final long baseline;

    ArmTarget(long[] durations) {
        double timeScale = Arrays.stream(durations).average().orElse(2_500) / DATABASE_CREATE.toMillis();
        try {
            dataDir = Files.createTempDirectory("asyncops-poller-bench-arm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(dataDir).timeScale(timeScale)
                .addPlane(new ArmPlane()).build());
        token = server.tokens().mint("bench", List.of(SUB), Duration.ofHours(1));
        LroClient setup = LroClient.create(PollerOptions.custom().bearerToken(() -> token).build());
        setup.begin(LroRequest.put(url("/subscriptions/" + SUB + "/resourcegroups/bench?api-version=2025-04-01"),
                "{\"location\":\"westus\"}")).waitForCompletion();
        setup.begin(LroRequest.put(url(SERVER + SQL), "{\"location\":\"westus\",\"properties\":{"
                + "\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}"))
                .waitForCompletion();
        baseline = settled();
    }

    private URI url(String pathAndQuery) {
        return URI.create(server.httpUri() + pathAndQuery);
    }

    private static String database(int i) {
        return SERVER + "/databases/db" + i;
    }

    @Override
    public URI operationUrl(int i) {
        return url(database(i) + SQL);
    }

    @Override
    public String body(int i) {
        return "{\"location\":\"westus\",\"sku\":{\"name\":\"S0\",\"tier\":\"Standard\"}}";
    }

    @Override
    public Optional<String> token() {
        return Optional.of(token);
    }

    private long total() {
        return server.meterRegistry().find("asyncops.http.server.requests").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    /** The total once the setup's last request is recorded (it is recorded just after its answer). */
    private long settled() {
        long before = -1;
        long now = total();
        for (int i = 0; i < 20 && now != before; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            before = now;
            now = total();
        }
        return now;
    }

    @Override
    public long requests() {
        return total() - baseline;
    }

    @Override
    public double noticeDelayMillis(int i, Instant clientSawEnd) {
        String resource = database(i).toLowerCase(Locale.ROOT);
        Optional<Instant> ended = server.engine().list(OperationQuery.bySubscription(SUB, 1000)).items().stream()
                .filter(op -> op.resourceId() != null && op.resourceId().toLowerCase(Locale.ROOT).equals(resource))
                .map(Operation::endedAt)
                .filter(Objects::nonNull)
                .findFirst();
        return ended.isEmpty() ? Double.NaN : Duration.between(ended.get(), clientSawEnd).toNanos() / 1e6;
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
