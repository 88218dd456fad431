package io.asyncops.bench.poller;

import io.asyncops.engine.Operation;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real asyncops server in this process (HTTP, the engine on H2 in a temp dir, real JWTs) with {@link BenchPlane}.
 * Requests are counted by the server's own request timer; an operation's end is the engine's {@code endedAt}.
 */
final class AsyncOpsTarget implements Target {
    private static final String SUB = "00000000-0000-0000-0000-0000000b0e0c";
    private final Path dataDir;
    private final BenchPlane plane = new BenchPlane();
    private final AsyncOpsServer server;
    private final String token;
    private final long[] durations;

    AsyncOpsTarget(long[] durations) {
        this.durations = durations;
        try {
            dataDir = Files.createTempDirectory("asyncops-poller-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(dataDir).addPlane(plane).build());
        token = server.tokens().mint("bench", List.of(SUB), Duration.ofHours(1));
    }

    private static String path(int i) {
        return "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Bench.Ops/things/op" + i;
    }

    @Override
    public URI operationUrl(int i) {
        return URI.create(server.httpUri() + path(i) + "?api-version=" + BenchPlane.API_VERSION);
    }

    @Override
    public String body(int i) {
        return "{\"millis\":" + durations[i] + "}";
    }

    @Override
    public Optional<String> token() {
        return Optional.of(token);
    }

    @Override
    public long requests() {
        return plane.context().meterRegistry().find("asyncops.http.server.requests").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    @Override
    public double noticeDelayMillis(int i, Instant clientSawEnd) {
        Optional<Instant> ended = plane.operation(path(i)).map(Operation::endedAt);
        return ended.isEmpty() || ended.get() == null ? Double.NaN
                : Duration.between(ended.get(), clientSawEnd).toNanos() / 1e6;
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
