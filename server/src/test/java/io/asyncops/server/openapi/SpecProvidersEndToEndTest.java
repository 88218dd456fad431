package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.openapi.internal.SpecCatalog;
import io.asyncops.emulator.openapi.internal.SpecOperation;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.TestServer;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.TokenMinter;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure's published specs served by a live server ({@code serve --spec} on the whole shared {@code specification}
 * folder, next to the built-in providers), driven by real clients: Microsoft's Python management SDKs for storage,
 * key vault and app configuration (over HTTPS, with azure-core's own ARM poller), and raw HTTP over the built-in SQL
 * provider and resource groups. Every exchange of both is then checked by Microsoft's live-traffic validator (oav
 * 4.0.3, installed by {@code npm ci} in the build): no error on any exchange that targets a spec path.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecProvidersEndToEndTest {
    static final String SUB = "00000000-0000-0000-0000-0000000000a1";
    static final Path PYTHON_FLOWS = Path.of("src", "test", "python", "spec_sdk_flows.py");
    static final Path OAV = Path.of("target", "oav");

    @TempDir
    static Path data;
    @TempDir
    static Path work;
    static Path specification;
    static AsyncOpsServer server;
    static String token;
    static HttpClient client;

    @BeforeAll
    static void start() {
        specification = SharedSpecs.specification();
        long t0 = System.nanoTime();
        server = AsyncOpsServer.start(ServerConfig.builder()
                .httpPort(0)
                .httpsPort(0)
                .dataDir(data)
                .timeScale(0.02)
                .retryAfterFloor(Duration.ofSeconds(1))
                .shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane())
                .addSpec(specification)
                .build());
        System.out.printf("server with every shared spec started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        token = TokenMinter.forDataDir(data).mint("spec-tests", List.of(SUB), Duration.ofHours(1));
        client = HttpClient.newBuilder().sslContext(TestServer.trusting(server.selfSignedCertificate().orElseThrow()))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String base() {
        return server.httpsUri().orElseThrow().toString();
    }

    @Test
    @Order(1)
    void microsoftsPythonSdksCreateReadListUpdateAndDeleteOverHttps() throws Exception {
        assertThat(Path.of("/usr/bin/python3")).as("/usr/bin/python3 with Debian's python3-azure"
                + " (bin/test installs it: apt-get install -y python3-azure)").exists();
        Path cert = server.selfSignedCertificate().orElseThrow();
        Path record = work.resolve("sdk-exchanges.json");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", PYTHON_FLOWS.toString(), base(), token, SUB,
                cert.toString(), record.toString()).redirectErrorStream(true);
        pb.environment().put("REQUESTS_CA_BUNDLE", cert.toString());
        Path log = work.resolve("python.log");
        Process python = pb.redirectOutput(log.toFile()).start();
        boolean ended = python.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            python.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as("the SDK flows ended in time:%n%s", output).isTrue();
        assertThat(python.exitValue()).as("the SDK flows' exit code; their output:%n%s", output).isZero();
        assertThat(output).contains("begin_create().result() ends Succeeded",
                "begin_create_or_update().result() ends Succeeded", "begin_update().result() (a long-running PATCH)",
                "the validation error names properties.accessTier", "an injected failure: error code"
                        + " StorageAccountQuotaExceeded", "all flows passed");
    }

    @Test
    @Order(2)
    void rawHttpOverTheBuiltInSqlProviderAndResourceGroups() {
        Recorder r = new Recorder(client, base(), token);
        String sub = "/subscriptions/" + SUB;
        String rg = sub + "/resourcegroups/oav-rg";
        String sql = "?api-version=2021-11-01";
        String server = sub + "/resourceGroups/oav-rg/providers/Microsoft.Sql/servers/oav-sql-" + Long.toHexString(
                System.nanoTime());
        assertThat(r.call("PUT", rg + "?api-version=2022-09-01", "{'location':'westus'}").statusCode()).isEqualTo(201);
        assertThat(r.call("GET", rg + "?api-version=2022-09-01", null).statusCode()).isEqualTo(200);
        assertThat(r.call("GET", sub + "/providers/Microsoft.Sql?api-version=2022-09-01", null).statusCode())
                .isEqualTo(200);
        assertThat(r.call("POST", sub + "/providers/Microsoft.Sql/checkNameAvailability" + sql,
                "{'name':'" + server.substring(server.lastIndexOf('/') + 1) + "','type':'Microsoft.Sql/servers'}")
                .statusCode()).isEqualTo(200);
        run(r, "PUT", server + sql, "{'location':'westus','properties':{'administratorLogin':'sqladministrator',"
                + "'administratorLoginPassword':'Seed!Passw0rd42','version':'12.0'}}");
        assertThat(r.call("GET", server + sql, null).statusCode()).isEqualTo(200);
        assertThat(r.call("GET", sub + "/resourceGroups/oav-rg/providers/Microsoft.Sql/servers" + sql, null)
                .statusCode()).isEqualTo(200);
        assertThat(r.call("GET", sub + "/providers/Microsoft.Sql/servers" + sql, null).statusCode()).isEqualTo(200);
        run(r, "PATCH", server + sql, "{'tags':{'env':'oav'}}");
        String rule = server + "/firewallRules/office";
        assertThat(r.call("PUT", rule + sql, "{'properties':{'startIpAddress':'10.0.0.1','endIpAddress':'10.0.0.9'}}")
                .statusCode()).isIn(200, 201);
        assertThat(r.call("GET", rule + sql, null).statusCode()).isEqualTo(200);
        assertThat(r.call("GET", server + "/firewallRules" + sql, null).statusCode()).isEqualTo(200);
        assertThat(r.call("DELETE", rule + sql, null).statusCode()).isIn(200, 204);
        String db = server + "/databases/db1";
        run(r, "PUT", db + sql, "{'location':'westus','sku':{'name':'S0'}}");
        assertThat(r.call("GET", db + sql, null).statusCode()).isEqualTo(200);
        run(r, "PATCH", db + sql, "{'tags':{'env':'oav'}}");
        assertThat(r.call("GET", server + "/databases" + sql, null).statusCode()).isEqualTo(200);
        run(r, "POST", db + "/export" + sql, "{'storageKeyType':'StorageAccessKey','storageKey':'key',"
                + "'storageUri':'https://oav.blob.core.windows.net/bacpacs/db1.bacpac',"
                + "'administratorLogin':'sqladministrator','administratorLoginPassword':'Seed!Passw0rd42'}");
        assertThat(r.call("PUT", db + sql, "{'location':'westus','sku':{'name':'NoSuchSku'}}").statusCode())
                .isBetween(400, 499);
        run(r, "DELETE", db + sql, null);
        run(r, "DELETE", server + sql, null);
        run(r, "DELETE", rg + "?api-version=2022-09-01", null);
        r.write(work.resolve("sql-exchanges.json"));
        assertThat(r.size()).isGreaterThan(25);
    }

    /** Starts an operation (202) and polls its status monitor to the end, recording everything. */
    private static void run(Recorder r, String method, String path, String body) {
        HttpResponse<String> accepted = r.call(method, path, body);
        assertThat(accepted.statusCode()).as("%s %s: %s", method, path, accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                !"InProgress".equals(Recorder.parse(r.call("GET", status, null).body()).path("status").asText()));
        String location = accepted.headers().firstValue("Location").orElse(null);
        if (location != null) {
            r.call("GET", location, null);
        }
    }

    @Test
    @Order(3)
    void microsoftsLiveValidatorFindsNoErrorOnAnyExchange() throws Exception {
        assumeTrue(onPath("node"), "node is not installed: oav cannot run here");
        Path validate = OAV.resolve("validate.js");
        assertThat(OAV.resolve("node_modules/oav")).as("oav, installed by npm ci in the build (server/pom.xml)")
                .exists();
        // operations whose spec declares no error answer at all (Storage's): oav calls any 4xx of them an
        // undeclared code, as it would Azure's own; their bodies have no schema to break
        Set<String> noErrorSchema = new HashSet<>();
        SpecCatalog catalog = SpecCatalog.load(List.of(specification));
        catalog.types().values().forEach(t -> t.versions().values().forEach(v -> {
            v.verbs().values().forEach(op -> undeclared(op, noErrorSchema));
            v.collections().forEach(op -> undeclared(op, noErrorSchema));
            v.actions().values().forEach(op -> undeclared(op, noErrorSchema));
        }));
        catalog.providerOperations().values().forEach(ops -> ops.forEach(op -> undeclared(op, noErrorSchema)));
        int matched = 0;
        List<String> failures = new ArrayList<>();
        for (String recording : List.of("sdk-exchanges.json", "sql-exchanges.json")) {
            Path exchanges = work.resolve(recording);
            assertThat(exchanges).as("the recording of an earlier test").exists();
            Path results = work.resolve(recording.replace(".json", "-oav.json"));
            Path log = work.resolve(recording.replace(".json", "-oav.log"));
            Process node = new ProcessBuilder("node", validate.toString(), specification.toString(),
                    exchanges.toString(), results.toString(),
                    "{storage,keyvault,appconfiguration,sql,resources}/resource-manager/**/*.json")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean ended = node.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                node.destroyForcibly();
            }
            assertThat(ended && node.exitValue() == 0).as("oav ran on %s:%n%s", recording, tail(log)).isTrue();
            for (JsonNode result : Json.mapper().readTree(results.toFile()).path("results")) {
                if (result.path("operationId").asText().equals("unknownOperationId")) {
                    continue; // our own status monitors and result URLs: no spec describes them
                }
                matched++;
                int status = result.path("status").asInt();
                boolean refused = status >= 400 && status < 500;
                List<JsonNode> responseErrors = new ArrayList<>();
                for (JsonNode e : result.path("responseErrors")) {
                    boolean undeclaredError = refused && e.path("code").asText().equals("INVALID_RESPONSE_CODE")
                            && noErrorSchema.contains(result.path("operationId").asText());
                    if (!undeclaredError) {
                        responseErrors.add(e);
                    }
                }
                if (!responseErrors.isEmpty() || (!refused && !result.path("requestErrors").isEmpty())) {
                    failures.add(result.path("method").asText() + " " + result.path("url").asText() + " -> " + status
                            + " (" + result.path("operationId").asText() + "): request " + result.path("requestErrors")
                            + ", response " + result.path("responseErrors"));
                }
            }
        }
        System.out.printf("oav: %d exchanges on spec paths, %d with errors%n", matched, failures.size());
        assertThat(failures).as("exchanges oav finds errors in").isEmpty();
        assertThat(matched).isGreaterThan(60);
    }

    private static void undeclared(SpecOperation op, Set<String> into) {
        if (op.errorSchema() == null && op.operationId() != null) {
            into.add(op.operationId());
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
