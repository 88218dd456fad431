package io.asyncops.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.testing.TestOpsPlane;
import io.asyncops.engine.testing.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncops serve} as separate JVM processes (the test class path, so the test plane is served): SIGKILL
 * mid-operation and restart on the same data dir; two nodes on one PostgreSQL, one killed.
 */
class ServeProcessTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledServerLosesNoAcceptedOperation(@TempDir Path data) throws Exception {
        Node first = serve(data);
        String token = TokenMinter.forDataDir(data).mint("it", List.of(SUB), Duration.ofHours(1));
        List<String> statusUrls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statusUrls.add(start(first.base(), token, "k" + i, "{\"steps\":10,\"stepMillis\":400}"));
        }
        awaitSomeProgress(statusUrls.get(0), token);
        first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Node second = serve(data);
        for (String url : statusUrls) {
            String onSecond = second.base() + URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
            assertThat(awaitTerminal(onSecond, token).path("status").asText()).isEqualTo("Succeeded");
        }
        second.process().destroy();
        assertThat(second.process().waitFor(30, TimeUnit.SECONDS)).as("SIGTERM stops the server").isTrue();
    }

    @Test
    void twoNodesOnOnePostgresFinishEachOperationExactlyOnce(@TempDir Path data) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String jdbc = pg.jdbcUrl(pg.createDatabase());
        {
            Node a = serve(data, "--db", jdbc, "--db-user", EmbeddedPostgres.USER, "--db-password",
                    EmbeddedPostgres.PASSWORD, "--node-id", "node-a");
            Node b = serve(data, "--db", jdbc, "--db-user", EmbeddedPostgres.USER, "--db-password",
                    EmbeddedPostgres.PASSWORD, "--node-id", "node-b");
            String token = TokenMinter.forDataDir(data).mint("it", List.of(SUB), Duration.ofHours(1));
            List<String> statusUrls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Node target = i % 2 == 0 ? a : b;
                statusUrls.add(start(target.base(), token, "pg" + i, "{\"steps\":10,\"stepMillis\":400}"));
            }
            awaitSomeProgress(statusUrls.get(0), token);
            a.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            List<String> ids = new ArrayList<>();
            for (String url : statusUrls) {
                URI u = URI.create(url);
                String onB = b.base() + u.getRawPath() + "?" + u.getRawQuery();
                assertThat(awaitTerminal(onB, token).path("status").asText()).isEqualTo("Succeeded");
                ids.add(u.getPath().substring(u.getPath().lastIndexOf('/') + 1));
            }
            Map<String, Integer> ends = new HashMap<>();
            try (Connection c = java.sql.DriverManager.getConnection(jdbc, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT operation_id, COUNT(*) FROM test_ops_effects GROUP BY operation_id")) {
                while (rs.next()) {
                    ends.put(rs.getString(1), rs.getInt(2));
                }
            }
            for (String id : ids) {
                assertThat(ends.get(id)).as("operation %s ended exactly once", id).isEqualTo(1);
            }
        }
    }

    record Node(Process process, String base) {
    }

    Node serve(Path data, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.asyncops.cli.AsyncOpsCli", "serve", "--port", "0",
                "--data-dir", data.toString(), "--time-scale", "1", "--lease", "2s"));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> base = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("  http:  ")) {
                        return line.substring(9).trim();
                    }
                }
                throw new IllegalStateException("serve exited before printing its URL");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String url = base.orTimeout(120, TimeUnit.SECONDS).join();
        Thread.ofVirtual().start(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(URI.create(url
                + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return new Node(p, url);
    }

    String start(String base, String token, String name, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/subscriptions/" + SUB
                        + "/resourceGroups/rg/providers/Test.Ops/things/" + name + "-" + UUID.randomUUID()
                        + "?api-version=" + TestOpsPlane.API_VERSION))
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    }

    void awaitSomeProgress(String status, String token) {
        await().atMost(Duration.ofSeconds(60)).until(() -> monitor(status, token).path("percentComplete").asDouble() > 0);
    }

    JsonNode awaitTerminal(String status, String token) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = monitor(status, token);
            return !last[0].path("status").asText().equals("InProgress");
        });
        return last[0];
    }

    JsonNode monitor(String status, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(status))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        return Json.mapper().readTree(r.body());
    }
}
