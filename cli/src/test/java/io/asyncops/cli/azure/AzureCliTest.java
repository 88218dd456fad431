package io.asyncops.cli.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.server.Planes;
import io.asyncops.server.TestServer;
import io.asyncops.server.identity.NewServicePrincipal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Azure CLI, unmodified, against asyncops over HTTPS: register the cloud from {@code /metadata/endpoints},
 * sign in as a service principal at the identity endpoint, then resource groups and Microsoft.Sql servers and
 * databases through their long-running operations, storage accounts and app configuration stores from their
 * OpenAPI specs, generic reads and writes by id, deletes, waits, a raw token, and another subscription refused.
 * Prints each command's duration ({@code az} starts in 1-2 s when the machine is idle).
 */
class AzureCliTest {
    static final String SUB = TestServer.SUB;
    static final String SUB2 = "aaaaaaaa-bbbb-cccc-dddd-000000000002";
    static final String RG = "az-rg";
    static final String PASSWORD = "Seed!Passw0rd42";

    @TempDir
    static Path work;
    static TestServer server;
    static Az az;
    static NewServicePrincipal sp;
    static String arm;

    @BeforeAll
    static void start() {
        Path specs = specification();
        // time scale 0.1: a SQL server takes a few seconds, longer than az needs to start
        server = TestServer.start(work.resolve("data"), b -> b.timeScale(0.1).planes(Planes.all())
                .addSpec(specs.resolve("storage")).addSpec(specs.resolve("appconfiguration")));
        sp = server.server().servicePrincipals().create("az-cli-test", List.of(SUB, SUB2));
        az = new Az(work, server.server().selfSignedCertificate().orElseThrow());
        arm = server.server().httpsUri().orElseThrow() + "/";
    }

    /** Azure's published specs ({@code ASYNCOPS_SPECS}, else {@code ../shared/specs} beside the repository). */
    static Path specification() {
        String configured = System.getenv("ASYNCOPS_SPECS");
        // tests run in cli/: the repository root is ..
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "..", "shared", "specs");
        Path specification = root.resolve("specification").toAbsolutePath().normalize();
        if (!Files.isDirectory(specification.resolve("storage")) || !Files.isDirectory(specification.resolve("appconfiguration"))) {
            throw new IllegalStateException("no Azure specs (storage, appconfiguration) under " + specification
                    + ": set ASYNCOPS_SPECS to a copy of azure-rest-api-specs");
        }
        return specification;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAzureCliWorksUnmodified() {
        long started = System.nanoTime();
        try {
            steps();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n\n==== every az command so far, with its output:\n"
                    + az.transcript(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("AzureCliTest: %d az commands in %.1f s%n%s%n", az.runs(), took.toMillis() / 1000.0,
                az.timings());
    }

    private void steps() {
        az.ok("cloud", "register", "-n", "asyncops", "--endpoint-resource-manager", arm);
        az.ok("cloud", "set", "-n", "asyncops");

        Az.Result wrong = az.fails("login", "--service-principal", "-u", sp.appId(), "-p", sp.password() + "x",
                "--tenant", sp.tenant());
        assertThat(wrong.stderr()).contains("The client credentials are invalid");

        JsonNode accounts = az.ok("login", "--service-principal", "-u", sp.appId(), "-p", sp.password(),
                "--tenant", sp.tenant()).json();
        assertThat(accounts.findValuesAsText("id")).containsExactlyInAnyOrder(SUB, SUB2);
        assertThat(accounts.findValuesAsText("state")).containsOnly("Enabled");
        assertThat(accounts.findValuesAsText("tenantId")).containsOnly(sp.tenant());
        assertThat(accounts.findValuesAsText("cloudName")).containsOnly("asyncops");
        // the server lists subscriptions in order: SUB is the default
        assertThat(accounts.get(0).path("id").asText()).isEqualTo(SUB);
        assertThat(accounts.get(0).path("isDefault").asBoolean()).isTrue();

        JsonNode group = az.ok("group", "create", "-n", RG, "-l", "westus").json();
        assertThat(group.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");

        // long-running creates: az polls the operation to its end and prints the resource
        JsonNode sql = az.ok("sql", "server", "create", "-g", RG, "-n", "azsql-a", "-l", "westus", "-u", "sqladmin",
                "-p", PASSWORD).json();
        assertThat(sql.path("state").asText()).isEqualTo("Ready");
        assertThat(sql.path("fullyQualifiedDomainName").asText()).isEqualTo("azsql-a.database.windows.net");
        JsonNode db = az.ok("sql", "db", "create", "-g", RG, "-s", "azsql-a", "-n", "db1", "--service-objective", "S0")
                .json();
        assertThat(db.path("status").asText()).isEqualTo("Online");
        assertThat(db.path("currentServiceObjectiveName").asText()).isEqualTo("S0");

        assertThat(az.ok("sql", "db", "list", "-g", RG, "-s", "azsql-a").json().findValuesAsText("name"))
                .contains("db1");
        assertThat(az.ok("sql", "db", "show", "-g", RG, "-s", "azsql-a", "-n", "db1").json().path("id").asText())
                .isEqualTo(db.path("id").asText());
        JsonNode updated = az.ok("sql", "db", "update", "-g", RG, "-s", "azsql-a", "-n", "db1", "--max-size", "10GB")
                .json();
        assertThat(updated.path("maxSizeBytes").asLong()).isEqualTo(10L * 1024 * 1024 * 1024);

        // --no-wait answers at the 202; the wait command polls the resource until it is ready (--created cannot:
        // az 2.45's SQL server model has no provisioningState, against Azure too)
        az.ok("sql", "server", "create", "-g", RG, "-n", "azsql-b", "-l", "westus", "-u", "sqladmin", "-p", PASSWORD,
                "--no-wait");
        az.ok("sql", "server", "wait", "-g", RG, "-n", "azsql-b", "--custom", "state=='Ready'", "--interval", "1",
                "--timeout", "120");

        // providers from their specs: Microsoft.Storage and Microsoft.AppConfiguration
        JsonNode storage = az.ok("storage", "account", "create", "-n", "azstore1", "-g", RG, "-l", "westus",
                "--sku", "Standard_LRS").json();
        assertThat(storage.path("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(storage.path("sku").path("name").asText()).isEqualTo("Standard_LRS");
        JsonNode config = az.ok("appconfig", "create", "-n", "azcfg1", "-g", RG, "-l", "westus").json();
        assertThat(config.path("provisioningState").asText()).isEqualTo("Succeeded");

        // generic reads and writes by id: az finds each type's api-version in its provider's registration
        String ids = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/";
        assertThat(az.ok("resource", "show", "--ids", ids + "Microsoft.Sql/servers/azsql-b").json()
                .path("properties").path("state").asText()).isEqualTo("Ready");
        String rule = ids + "Microsoft.Sql/servers/azsql-a/firewallRules/office";
        assertThat(az.ok("resource", "create", "--id", rule, "--properties",
                "{\"startIpAddress\":\"10.0.0.1\",\"endIpAddress\":\"10.0.0.9\"}").json()
                .path("properties").path("endIpAddress").asText()).isEqualTo("10.0.0.9");
        JsonNode listed = az.ok("resource", "list", "-g", RG).json();
        assertThat(listed.findValuesAsText("type")).contains("Microsoft.Sql/servers", "Microsoft.Sql/servers/databases",
                "Microsoft.Storage/storageAccounts", "Microsoft.AppConfiguration/configurationStores");
        az.ok("resource", "delete", "--ids", rule, ids + "Microsoft.Storage/storageAccounts/azstore1");

        JsonNode raw = az.ok("rest", "--method", "get", "--url", arm + "subscriptions/" + SUB + "/resourceGroups/" + RG
                + "/providers/Microsoft.Sql/servers/azsql-a?api-version=2021-11-01").json();
        assertThat(raw.path("properties").path("state").asText()).isEqualTo("Ready");

        // another subscription: az itself knows only the granted ones, and the server answers 404 for the others
        String otherGroups = arm + "subscriptions/" + TestServer.OTHER_SUB + "/resourcegroups?api-version=2021-04-01";
        assertThat(az.fails("rest", "--method", "get", "--url", otherGroups).stderr()).contains("not found");
        JsonNode token = az.ok("account", "get-access-token").json();
        assertThat(token.path("tenant").asText()).isEqualTo(sp.tenant());
        String bearer = token.path("accessToken").asText();
        assertThat(status("/subscriptions/" + SUB + "?api-version=2022-12-01", bearer)).isEqualTo(200);
        Az.Result refused = az.fails("rest", "--method", "get", "--url", otherGroups, "--skip-authorization-header",
                "--headers", "Authorization=Bearer " + bearer);
        assertThat(refused.stderr()).contains("SubscriptionNotFound");
        assertThat(status(ids + "Microsoft.Storage/storageAccounts/azstore1?api-version=2022-09-01", bearer))
                .as("deleted by id").isEqualTo(404);
        assertThat(status(rule + "?api-version=2021-11-01", bearer)).as("deleted by id").isEqualTo(404);

        az.ok("sql", "db", "delete", "-g", RG, "-s", "azsql-a", "-n", "db1", "--yes");
        assertThat(status(db.path("id").asText() + "?api-version=2021-11-01", bearer)).as("the database is gone")
                .isEqualTo(404);
        az.ok("group", "delete", "-n", RG, "--yes", "--no-wait");
        az.ok("group", "wait", "-n", RG, "--deleted", "--interval", "1", "--timeout", "120");
        assertThat(status("/subscriptions/" + SUB + "/resourcegroups/" + RG + "?api-version=2021-04-01", bearer))
                .isEqualTo(404);
    }

    /** The status of a GET with {@code bearer}, straight to the server (no az). */
    private static int status(String pathAndQuery, String bearer) {
        return server.send(HttpRequest.newBuilder(server.https(pathAndQuery)).header("Authorization", "Bearer " + bearer))
                .statusCode();
    }
}
