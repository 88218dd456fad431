package io.asyncops.cli.follow;

import static io.asyncops.cli.follow.ServedPlanes.OTHER_SUB;
import static io.asyncops.cli.follow.ServedPlanes.SUB;
import static io.asyncops.cli.follow.ServedPlanes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.client.AsyncPoller;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.LroResult;
import io.asyncops.client.OperationFailedException;
import io.asyncops.client.PollSnapshot;
import io.asyncops.client.SyncPoller;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client library against asyncops' own server running the real ARM plane (the Microsoft.Sql emulator, PROTOCOL
 * §2), over real HTTP with real JWTs, at time scale 0.02 (a server create takes about 0.9 s): resource groups,
 * servers, databases, the export action, the fault tag, a realistic asynchronous failure, deletes, resume tokens,
 * long polls, other subscriptions.
 */
class ArmPlaneEndToEndTest {
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";
    static final String SERVER_BODY = "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
            + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\",\"version\":\"12.0\"}}";
    static final String EXPORT_BODY = "{\"storageKeyType\":\"StorageAccessKey\",\"storageKey\":\"k3y\","
            + "\"storageUri\":\"https://acct.blob.core.windows.net/backups/%s.bacpac\",\"administratorLogin\":\"sqladmin\","
            + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}";

    @TempDir
    static Path dataDir;
    static ServedPlanes planes;
    static LroClient client;

    @BeforeAll
    static void start() {
        planes = ServedPlanes.start(dataDir, 0.02);
        client = planes.client();
    }

    @AfterAll
    static void stop() {
        if (planes != null) {
            planes.close();
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String groupPath(String sub, String rg) {
        return "/subscriptions/" + sub + "/resourcegroups/" + rg;
    }

    static String serverPath(String rg, String server) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + rg + "/providers/Microsoft.Sql/servers/" + server;
    }

    static URI group(String rg) {
        return planes.http(groupPath(SUB, rg) + GROUPS);
    }

    static URI server(String rg, String server) {
        return planes.http(serverPath(rg, server) + SQL);
    }

    static URI database(String rg, String server, String db) {
        return planes.http(serverPath(rg, server) + "/databases/" + db + SQL);
    }

    /** A new resource group (synchronous, as in Azure). */
    static String newGroup() {
        String rg = unique("rg");
        client.begin(LroRequest.put(group(rg), "{\"location\":\"westus\"}")).waitForCompletion();
        return rg;
    }

    /** A new, provisioned server in a new group; returns {rg, server}. */
    static String[] newServer() {
        String rg = newGroup();
        String name = unique("srv");
        client.begin(LroRequest.put(server(rg, name), SERVER_BODY)).waitForCompletion();
        return new String[] {rg, name};
    }

    static String withFault(String body, String code) {
        return body.replaceFirst("\\{", "{\"tags\":{\"asyncops-fault\":\"" + code + "\"},");
    }

    @Test
    void aResourceGroupPutIsSynchronousAndDoneAtOnce() {
        String rg = unique("rg");
        SyncPoller created = client.begin(LroRequest.put(group(rg), "{\"location\":\"westus\"}"));

        assertThat(created.isDone()).isTrue();
        LroResult result = created.waitForCompletion();
        assertThat(result.httpStatus()).isEqualTo(201);
        assertThat(result.polls()).isZero();
        assertThat(result.json().path("name").asText()).isEqualTo(rg);
        assertThat(result.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(client.begin(LroRequest.put(group(rg), "{\"location\":\"westus\"}")).waitForCompletion()
                .httpStatus()).isEqualTo(200);
    }

    @Test
    void aServerCreateIsFollowedFromTheStatusMonitorToTheResource() {
        String rg = newGroup();
        String name = unique("srv");
        List<PollSnapshot> seen = new CopyOnWriteArrayList<>();

        SyncPoller poller = client.begin(LroRequest.put(server(rg, name), SERVER_BODY));
        assertThat(poller.latest().httpStatus()).isEqualTo(202);
        assertThat(poller.latest().pollingUrl().getPath()).matches("/subscriptions/" + SUB
                + "/providers/Microsoft.Sql/locations/westus/operationStatuses/[0-9a-f-]{36}");
        LroResult result = poller.waitForCompletion(seen::add);

        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.url()).as("the final GET reads the original URL").isEqualTo(server(rg, name));
        assertThat(result.polls()).isPositive();
        JsonNode srv = result.json();
        assertThat(srv.path("id").asText()).isEqualTo(serverPath(rg, name));
        assertThat(srv.path("name").asText()).isEqualTo(name);
        assertThat(srv.path("type").asText()).isEqualTo("Microsoft.Sql/servers");
        assertThat(srv.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(srv.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(srv.at("/properties/administratorLogin").asText()).isEqualTo("sqladmin");
        assertThat(srv.at("/properties/fullyQualifiedDomainName").asText()).isEqualTo(name + ".database.windows.net");
        assertThat(result.body()).doesNotContain("Str0ng!Passw0rd");
        assertThat(seen).isNotEmpty().last().satisfies(last -> {
            assertThat(last.done()).isTrue();
            assertThat(last.status()).isEqualTo("Succeeded");
        });
        assertThat(seen).filteredOn(s -> !s.done()).allSatisfy(s -> assertThat(s.status()).isEqualTo("InProgress"));
    }

    @Test
    void aPatchUpdatesTheServerAndEndsWithTheUpdatedResource() {
        String[] s = newServer();

        LroResult patched = client.begin(LroRequest.patch(server(s[0], s[1]), "{\"tags\":{\"env\":\"prod\"}}"))
                .waitForCompletion();

        assertThat(patched.json().at("/tags/env").asText()).isEqualTo("prod");
        assertThat(patched.json().at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(patched.json().at("/properties/administratorLogin").asText()).isEqualTo("sqladmin");
    }

    @Test
    void aDatabaseIsCreatedByTheAsyncPollerAndExportedWithAResultBody() throws Exception {
        String[] s = newServer();

        AsyncPoller create = client.beginAsync(LroRequest.put(database(s[0], s[1], "appdb"),
                "{\"location\":\"westus\",\"sku\":{\"name\":\"S0\",\"tier\":\"Standard\"}}")).get(60, TimeUnit.SECONDS);
        JsonNode db = create.untilDone().get(60, TimeUnit.SECONDS).json();
        assertThat(db.path("name").asText()).isEqualTo("appdb");
        assertThat(db.path("type").asText()).isEqualTo("Microsoft.Sql/servers/databases");
        assertThat(db.at("/sku/name").asText()).isEqualTo("S0");
        assertThat(db.at("/properties/status").asText()).isEqualTo("Online");
        assertThat(db.at("/properties/status").asText()).isEqualTo("Online");

        URI export = planes.http(serverPath(s[0], s[1]) + "/databases/appdb/export" + SQL);
        LroResult exported = client.begin(LroRequest.post(export, EXPORT_BODY.formatted("appdb"))).waitForCompletion();

        assertThat(exported.httpStatus()).isEqualTo(200);
        assertThat(exported.url().getPath()).as("a POST's result is read at its Location").contains("/operationResults/");
        assertThat(exported.json().path("type").asText())
                .isEqualTo("Microsoft.Sql/servers/databases/importExportOperationResults");
        assertThat(exported.json().at("/properties/requestType").asText()).isEqualTo("Export");
        assertThat(exported.json().at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(exported.json().at("/properties/databaseName").asText()).isEqualTo("appdb");
        assertThat(exported.json().at("/properties/blobUri").asText())
                .isEqualTo("https://acct.blob.core.windows.net/backups/appdb.bacpac");
    }

    @Test
    void theFaultTagEndsTheOperationFailedWithItsArmErrorCode() {
        String rg = newGroup();
        String name = unique("fault");
        SyncPoller poller = client.begin(LroRequest.put(server(rg, name),
                withFault(SERVER_BODY, "RegionDoesNotAllowProvisioning")));
        assertThat(poller.latest().httpStatus()).as("accepted first, failed later").isEqualTo(202);

        assertThatThrownBy(poller::waitForCompletion).isInstanceOfSatisfying(OperationFailedException.class, e -> {
            assertThat(e.status()).isEqualTo("Failed");
            assertThat(e.error()).hasValueSatisfying(err -> {
                assertThat(err.code()).isEqualTo("RegionDoesNotAllowProvisioning");
                assertThat(err.message()).contains("asyncops-fault");
            });
            assertThat(e.url().getPath()).contains("/operationStatuses/");
        });
        assertThatThrownBy(() -> client.begin(LroRequest.of("GET", server(rg, name))))
                .as("a failed create leaves no server").isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("ResourceNotFound"));
                });
    }

    @Test
    void aDatabaseTooLargeForItsTierIsAcceptedThenFails() {
        String[] s = newServer();
        SyncPoller poller = client.begin(LroRequest.put(database(s[0], s[1], "big"),
                "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"},\"properties\":{\"maxSizeBytes\":536870912000}}"));
        assertThat(poller.latest().httpStatus()).isEqualTo(202);

        assertThatThrownBy(poller::waitForCompletion).isInstanceOfSatisfying(OperationFailedException.class, e ->
                assertThat(e.error()).hasValueSatisfying(err -> {
                    assertThat(err.code()).isEqualTo("InvalidMaxSizeTierCombination");
                    assertThat(err.message()).contains("536870912000");
                }));
        assertThat(planes.send("GET", database(s[0], s[1], "big"), null, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void deletesEndWithoutAFinalGetAndTheResourcesAreGone() {
        String[] s = newServer();
        client.begin(LroRequest.put(database(s[0], s[1], "gone"), "{\"location\":\"westus\"}")).waitForCompletion();

        // a final GET of a deleted resource would answer 404 and fail the poller: Succeeded proves there was none
        LroResult dropped = client.begin(LroRequest.delete(database(s[0], s[1], "gone"))).waitForCompletion();
        assertThat(dropped.hasBody()).isFalse();
        assertThat(dropped.url().getPath()).contains("/operationStatuses/");
        assertThat(planes.send("GET", database(s[0], s[1], "gone"), null, Map.of()).statusCode())
                .isEqualTo(404);

        SyncPoller again = client.begin(LroRequest.delete(database(s[0], s[1], "gone")));
        assertThat(again.isDone()).as("deleting what is not there: 204 at once").isTrue();
        assertThat(again.waitForCompletion().httpStatus()).isEqualTo(204);

        LroResult serverDropped = client.begin(LroRequest.delete(server(s[0], s[1]))).waitForCompletion();
        assertThat(serverDropped.hasBody()).isFalse();
        assertThatThrownBy(() -> client.begin(LroRequest.of("GET", server(s[0], s[1]))))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> assertThat(e.error())
                        .hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("ResourceNotFound")));
    }

    @Test
    void aResourceGroupDeleteIsLongRunningAndRemovesTheServersInside() {
        String[] s = newServer();

        LroResult deleted = client.begin(LroRequest.delete(group(s[0]))).waitForCompletion();

        assertThat(deleted.url().getPath()).contains("/providers/Microsoft.Resources/locations/westus/operationStatuses/");
        assertThat(planes.send("HEAD", group(s[0]), null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(planes.send("GET", server(s[0], s[1]), null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aWriteThatContradictsTheResourceIsRefusedWith409() {
        String rg = newGroup();

        assertThatThrownBy(() -> client.begin(LroRequest.put(group(rg), "{\"location\":\"eastus\"}")))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.error()).hasValueSatisfying(err ->
                            assertThat(err.code()).isEqualTo("InvalidResourceGroupLocation"));
                });
    }

    @Test
    void aResumeTokenFinishesAServerCreateInAnotherClient() {
        String rg = newGroup();
        String name = unique("srv");
        String token = client.begin(LroRequest.put(server(rg, name), SERVER_BODY)).resumeToken();

        LroResult result = planes.client().resume(token).waitForCompletion();

        assertThat(result.json().path("name").asText()).isEqualTo(name);
        assertThat(result.json().at("/properties/state").asText()).isEqualTo("Ready");
    }

    @Test
    void aLongPollSeesTheEndOfADatabaseCreateInOneOrTwoPolls() {
        String[] s = newServer();
        LroClient longPolling = LroClient.create(client.options().toBuilder().longPoll(Duration.ofSeconds(30)).build());

        LroResult db = longPolling.begin(LroRequest.put(database(s[0], s[1], "held"), "{\"location\":\"westus\"}"))
                .waitForCompletion();

        assertThat(db.json().at("/properties/status").asText()).isEqualTo("Online");
        assertThat(db.polls()).isBetween(1, 2);
    }

    @Test
    void anotherSubscriptionIsNotFoundWhetherStartedOrFollowed() {
        String rg = newGroup();
        LroClient stranger = planes.client(planes.strangerToken());

        assertThatThrownBy(() -> stranger.begin(LroRequest.put(server(rg, unique("srv")), SERVER_BODY)))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("SubscriptionNotFound"));
                });
        assertThatThrownBy(() -> stranger.begin(LroRequest.put(planes.http(groupPath(OTHER_SUB, rg) + "/providers"
                + "/Microsoft.Sql/servers/" + unique("srv") + SQL), SERVER_BODY)))
                .as("their own subscription has no such group")
                .isInstanceOfSatisfying(HttpErrorException.class, e -> assertThat(e.error())
                        .hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("ResourceGroupNotFound")));

        SyncPoller mine = client.begin(LroRequest.put(server(rg, unique("srv")), SERVER_BODY));
        URI status = mine.latest().pollingUrl();
        assertThatThrownBy(() -> stranger.follow(status).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("OperationNotFound"));
                });
        URI theirs = URI.create(status.toString().replace(SUB, OTHER_SUB));
        assertThatThrownBy(() -> stranger.follow(theirs).waitForCompletion())
                .as("the same id under their own subscription").isInstanceOf(HttpErrorException.class);
        assertThat(mine.waitForCompletion().json().at("/properties/state").asText()).isEqualTo("Ready");
    }
}
