package io.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncOpsEmulator#close()} leaves nothing behind: no platform thread it started, no listening port, no
 * temporary file, even with an operation running and the SDK HTTP client used.
 *
 * <p>One exception, outside our reach: Helidon 4.5.0's web server starts a daemon {@code java.util.Timer} thread,
 * {@code helidon-idle-connection-timer}, that its {@code stop()} never cancels (helidon-io/helidon#11939, fixed in
 * later Helidon releases, not served here yet). It is counted: exactly one per emulator, nothing else.
 */
class CloseLeavesNothingTest {

    @Test
    void closeLeavesNoThreadPortOrFile() throws Exception {
        // a first emulator in this JVM starts what lives as long as the JVM (class loading, JDK and library pools)
        try (AsyncOpsEmulator warm = AsyncOps.emulator().start()) {
            use(warm);
        }
        Set<String> before = threads();

        AsyncOpsEmulator emu = AsyncOps.emulator().timeScale(1).start();
        int http = emu.baseUrl().getPort();
        int https = emu.tlsBaseUrl().getPort();
        Path data = emu.dataDir();
        use(emu);
        assertThat(Files.list(data)).isNotEmpty();
        assertThat(emu.operations().list()).isNotEmpty().allSatisfy(op -> assertThat(op.isTerminal()).isFalse());

        emu.close();

        assertThat(data).doesNotExist();
        assertThat(free(http)).as("port " + http).isTrue();
        assertThat(free(https)).as("port " + https).isTrue();
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<String> left = threads();
            left.removeAll(before);
            assertThat(left).as("threads left by close").allMatch(t -> t.startsWith(HELIDON_TIMER + "#"))
                    .hasSizeLessThanOrEqualTo(1);
        });
    }

    /** Starts a slow operation (still running at close) and calls the emulator through its SDK HTTP client. */
    static void use(AsyncOpsEmulator emu) throws Exception {
        String arm = emu.tlsBaseUrl() + "/subscriptions/" + emu.subscription();
        try (var http = java.net.http.HttpClient.newBuilder().sslContext(emu.sslContext()).build()) {
            put(http, arm + "/resourcegroups/rg1?api-version=2025-04-01", "{\"location\":\"westus\"}", emu);
            put(http, arm + "/resourceGroups/rg1/providers/Microsoft.Sql/servers/leak-1?api-version=2021-11-01",
                    "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                            + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\",\"version\":\"12.0\"}}", emu);
        }
        var response = emu.httpClient().sendSync(new com.azure.core.http.HttpRequest(
                com.azure.core.http.HttpMethod.GET, arm + "/resourcegroups/rg1?api-version=2025-04-01")
                .setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION, "Bearer " + emu.token()),
                com.azure.core.util.Context.NONE);
        assertThat(response.getStatusCode()).isEqualTo(200);
        response.close();
    }

    static void put(java.net.http.HttpClient http, String url, String json, AsyncOpsEmulator emu)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + emu.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
    }

    /** The thread Helidon 4.5.0 leaves behind per web server (helidon-io/helidon#11939). */
    static final String HELIDON_TIMER = "helidon-idle-connection-timer";

    /**
     * Live platform threads, by name and id, but the JVM's own fork-join pools (the common pool and the carriers of
     * virtual threads), which grow and shrink by themselves.
     */
    static Set<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ForkJoinPool"))
                .map(t -> t.getName() + "#" + t.threadId()).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
