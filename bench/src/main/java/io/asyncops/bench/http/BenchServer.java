package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.classic.ClassicPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real asyncops server for the HTTP benchmarks: both planes, as {@code serve} runs them, on H2 in a temporary
 * data dir or on a fresh database of the benchmark's PostgreSQL; a dev token for {@link #SUB}, and a client for
 * the setup requests.
 */
final class BenchServer implements AutoCloseable {
    static final String SUB = "00000000-0000-0000-0000-0000000be7c4";
    static final String RG = "/subscriptions/" + SUB + "/resourcegroups/bench";
    static final String SQL = "?api-version=2021-11-01";

    private final Path dataDir;
    private final AsyncOpsServer server;
    /** The PostgreSQL database's URL; null on H2. */
    private final String jdbcUrl;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Starts a server on a new database of {@code pg}; {@code pg} null for H2. */
    BenchServer(BenchPostgres pg, double timeScale, Consumer<ServerConfig.Builder> custom) {
        this(pg == null ? null : pg.newDatabase("http"), timeScale, custom);
    }

    /** Starts a server on the PostgreSQL database at {@code jdbcUrl} (a second node of it, if one runs); null for H2. */
    BenchServer(String jdbcUrl, double timeScale, Consumer<ServerConfig.Builder> custom) {
        try {
            dataDir = Files.createTempDirectory("asyncops-bench-http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerConfig.Builder b = ServerConfig.builder().httpPort(0).host("127.0.0.1").dataDir(dataDir)
                .timeScale(timeScale).addPlane(new ArmPlane()).addPlane(new ClassicPlane());
        this.jdbcUrl = jdbcUrl;
        if (jdbcUrl != null) {
            b.database(jdbcUrl, BenchPostgres.USER, BenchPostgres.PASSWORD);
        }
        custom.accept(b);
        server = AsyncOpsServer.start(b.build());
        // minted with the key of the server's own database (H2 or PostgreSQL), as every node of it would
        token = server.tokens().mint("bench", List.of(SUB), Duration.ofHours(2));
        HttpResponse<String> rg = send("PUT", RG + "?api-version=2025-04-01", "{\"location\":\"westus\"}");
        if (rg.statusCode() / 100 != 2) {
            server.close(); // not left running behind the caller's failure
            throw new IllegalStateException("cannot create the resource group: " + rg.statusCode() + " " + rg.body());
        }
    }

    AsyncOpsServer server() {
        return server;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String token() {
        return token;
    }

    String url(String pathAndQuery) {
        return server.httpUri() + pathAndQuery;
    }

    /** Starts a SQL server create; its status monitor URL. */
    String createSqlServer(String name) {
        HttpResponse<String> r = send("PUT", RG + "/providers/Microsoft.Sql/servers/" + name + SQL,
                "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                        + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}");
        if (r.statusCode() != 202) {
            throw new IllegalStateException("create " + name + ": " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    }

    /** The status monitor's {@code status} now. */
    String status(String monitorUrl) {
        HttpResponse<String> r = send("GET", URI.create(monitorUrl), null);
        try {
            return Json.mapper().readTree(r.body()).path("status").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body) {
        return send(method, URI.create(url(pathAndQuery)), body);
    }

    HttpResponse<String> send(String method, URI uri, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
