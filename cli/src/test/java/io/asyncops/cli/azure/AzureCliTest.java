package io.asyncops.cli.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.cli.Planes;
import io.asyncops.server.TestServer;
import io.asyncops.server.identity.NewServicePrincipal;
import java.net.http.HttpRequest;
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
 * databases through their long-running operations, generic reads, deletes, waits and a raw token.
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
        // time scale 0.1: a SQL server takes a few seconds, longer than az needs to start
        server = TestServer.start(work.resolve("data"), b -> b.timeScale(0.1).planes(Planes.all()));
        sp = server.server().servicePrincipals().create("az-cli-test", List.of(SUB, SUB2));
        az = new Az(work, server.server().selfSignedCertificate().orElseThrow());
        arm = server.server().httpsUri().orElseThrow() + "/";
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
        JsonNode cloud = az.ok("cloud", "show", "-n", "asyncops").json();
        assertThat(cloud.path("endpoints").path("activeDirectory").asText()).isEqualTo(arm + "adfs");

        Az.Result wrong = az.fails("login", "--service-principal", "-u", sp.appId(), "-p", sp.password() + "x",
                "--tenant", sp.tenant());
        assertThat(wrong.stderr()).contains("The client credentials are invalid");

        JsonNode accounts = az.ok("login", "--service-principal", "-u", sp.appId(), "-p", sp.password(),
                "--tenant", sp.tenant()).json();
        assertThat(accounts.findValuesAsText("id")).containsExactlyInAnyOrder(SUB, SUB2);
        assertThat(accounts.findValuesAsText("state")).containsOnly("Enabled");
        assertThat(accounts.findValuesAsText("tenantId")).containsOnly(sp.tenant());
        az.ok("account", "set", "--subscription", SUB);

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

        // --no-wait answers at the 202; the wait command polls the resource until it is ready
        az.ok("sql", "server", "create", "-g", RG, "-n", "azsql-b", "-l", "westus", "-u", "sqladmin", "-p", PASSWORD,
                "--no-wait");
        az.ok("sql", "server", "wait", "-g", RG, "-n", "azsql-b", "--custom", "state=='Ready'", "--interval", "1",
                "--timeout", "120");
        assertThat(az.ok("sql", "server", "show", "-g", RG, "-n", "azsql-b").json().path("state").asText())
                .isEqualTo("Ready");

        JsonNode raw = az.ok("rest", "--method", "get", "--url", arm + "subscriptions/" + SUB + "/resourceGroups/" + RG
                + "/providers/Microsoft.Sql/servers/azsql-a?api-version=2021-11-01").json();
        assertThat(raw.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");

        // another subscription: az itself knows only the granted ones, and the server answers 404 for the others
        String otherGroups = arm + "subscriptions/" + TestServer.OTHER_SUB + "/resourcegroups?api-version=2021-04-01";
        assertThat(az.fails("rest", "--method", "get", "--url", otherGroups).stderr()).contains("not found");
        String bearer = az.ok("account", "get-access-token", "--query", "accessToken", "-o", "tsv").stdout().trim();
        Az.Result refused = az.fails("rest", "--method", "get", "--url", otherGroups, "--skip-authorization-header",
                "--headers", "Authorization=Bearer " + bearer);
        assertThat(refused.stderr()).contains("SubscriptionNotFound");

        az.ok("sql", "db", "delete", "-g", RG, "-s", "azsql-a", "-n", "db1", "--yes");
        assertThat(az.ok("sql", "db", "list", "-g", RG, "-s", "azsql-a").json().findValuesAsText("name"))
                .doesNotContain("db1");

        az.ok("group", "delete", "-n", RG, "--yes", "--no-wait");
        az.ok("group", "wait", "-n", RG, "--deleted", "--interval", "1", "--timeout", "120");
        assertThat(az.fails("group", "show", "-n", RG).stderr()).contains("ResourceGroupNotFound");

        JsonNode token = az.ok("account", "get-access-token").json();
        assertThat(token.path("tenant").asText()).isEqualTo(sp.tenant());
        assertThat(server.send(HttpRequest.newBuilder(server.https("/subscriptions/" + SUB + "?api-version=2022-12-01"))
                .header("Authorization", "Bearer " + token.path("accessToken").asText())).statusCode()).isEqualTo(200);
    }
}
