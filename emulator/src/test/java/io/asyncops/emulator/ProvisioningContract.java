package io.asyncops.emulator;

import static io.asyncops.emulator.CoreFixture.group;
import static io.asyncops.emulator.CoreFixture.refused;
import static io.asyncops.emulator.CoreFixture.uuid8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in types on the provider core with a real engine on a real database: resource state and operation state
 * move together, faults and realistic failures end operations Failed, and refusals that need existing resources
 * answer Azure's codes.
 */
abstract class ProvisioningContract {
    static final String SERVER_BODY = "{'location':'westus','properties':{'administratorLogin':'dbowner',"
            + "'administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}";

    CoreFixture f;
    DataSource dataSource;
    String sub;
    Caller caller;

    abstract DataSource dataSource();

    /** Fast enough for tests, slow enough that an operation is still running when the next request comes. */
    double timeScale() {
        return 0.02;
    }

    @BeforeEach
    void start() {
        dataSource = dataSource();
        f = CoreFixture.start(dataSource, timeScale());
        sub = UUID.randomUUID().toString();
        caller = Caller.of(sub);
        f.putNow(f.groups, group(sub, "rg"), "{'location':'westus'}", caller);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    String server() {
        return "srv-" + uuid8();
    }

    Map<String, String> srv(String name) {
        return CoreFixture.server(sub, "rg", name);
    }

    Map<String, String> db(String server, String name) {
        return CoreFixture.database(sub, "rg", server, name);
    }

    String id(String server) {
        return "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Sql/servers/" + server;
    }

    Resource createServer(String name) {
        Operation op = f.finish(f.put(f.servers, srv(name), SERVER_BODY, caller));
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        return f.core.get(f.servers, srv(name));
    }

    @Test
    void serverCreateShowsCreatingThenSucceedsWithItsResult() throws Exception {
        String name = server();
        Answer.Started started = f.start(f.servers, srv(name),
                SERVER_BODY.replace("'location'", "'tags':{'team':'data'},'location'"), caller);
        assertThat(started.namespace()).isEqualTo("Microsoft.Sql");
        assertThat(started.location()).isEqualTo("westus");
        assertThat(started.operation().kind()).isEqualTo("Microsoft.Sql/servers/write");
        assertThat(started.operation().resourceId()).endsWith("/providers/Microsoft.Sql/servers/" + name);
        assertThat(started.operation().input()).doesNotContain("Str0ng!Passw0rd");
        assertThat(f.core.get(f.servers, srv(name)).provisioningState()).isEqualTo("Creating");
        assertThat(f.get(f.servers, srv(name)).at("/properties").has("state")).as("no state while created").isFalse();

        Operation done = f.finish(started);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode result = Json.mapper().readTree(done.result());
        assertThat(result.path("name").asText()).isEqualTo(name);
        assertThat(result.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(result.at("/properties/fullyQualifiedDomainName").asText()).isEqualTo(name + ".database.windows.net");
        assertThat(result.at("/properties").has("provisioningState")).as("not in the 2021-11-01 schema").isFalse();
        assertThat(result.toString()).doesNotContain("Str0ng!Passw0rd");

        Resource read = f.core.get(f.servers, srv(name));
        assertThat(read.provisioningState()).isEqualTo("Succeeded");
        assertThat(f.get(f.servers, srv(name)).at("/tags/team").asText()).isEqualTo("data");
        assertThat(f.names(f.servers, 0, group(sub, "RG"))).containsExactly(name);
        assertThat(f.names(f.servers, 1, Map.of("subscriptionId", sub))).hasSize(1);
    }

    @Test
    void aSecondWriteWhileOneRunsIsRefused() {
        String name = server();
        Answer first = f.put(f.servers, srv(name), SERVER_BODY, caller);
        refused(() -> f.put(f.servers, srv(name), SERVER_BODY, caller), 409, "ConflictingServerOperation");
        refused(() -> f.put(f.databases, db(name, "db"), "{'location':'westus'}", caller), 404,
                "ParentResourceNotFound");
        f.finish(first);
    }

    @Test
    void serverNamesAreGlobalAndLocationsFixed() {
        String name = server();
        createServer(name);
        Caller other = Caller.of(UUID.randomUUID().toString());
        f.putNow(f.groups, group(other.subscription(), "rg"), "{'location':'westus'}", other);
        refused(() -> f.put(f.servers, CoreFixture.server(other.subscription(), "rg", name), SERVER_BODY, other), 400,
                "NameAlreadyExists").hasMessageContaining(name + ".database.windows.net");
        f.putNow(f.groups, group(sub, "rg2"), "{'location':'westus'}", caller);
        refused(() -> f.put(f.servers, CoreFixture.server(sub, "rg2", name), SERVER_BODY, caller), 409,
                "ServerAlreadyExists");
        refused(() -> f.put(f.servers, srv(name), SERVER_BODY.replace("westus", "eastus"), caller),
                409, "InvalidResourceLocation");
        refused(() -> f.patch(f.servers, srv(name), "{'properties':{'administratorLogin':'someoneelse'}}", caller),
                400, "InvalidParameterValue");
        refused(() -> f.core.get(f.servers, CoreFixture.server(other.subscription(), "rg", name)), 404,
                "ResourceNotFound");
    }

    @Test
    void aFaultTagFailsTheCreateAndLeavesNoServer() {
        String name = server();
        Operation op = f.finish(f.put(f.servers, srv(name),
                SERVER_BODY.replace("'location'", "'tags':{'asyncops-fault':'RegionDoesNotAllowProvisioning'},'location'"),
                caller));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().code()).isEqualTo("RegionDoesNotAllowProvisioning");
        assertThat(op.error().message()).contains("asyncops-fault");
        assertThat(op.error().httpStatus()).isEqualTo(400);
        refused(() -> f.core.get(f.servers, srv(name)), 404, "ResourceNotFound");
    }

    @Test
    void aFaultedUpdateKeepsTheServerAsItWasButFailed() {
        String name = server();
        createServer(name);
        Operation op = f.finish(f.patch(f.servers, srv(name),
                "{'tags':{'asyncops-fault':'InternalServerError','team':'new'}}", caller));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().httpStatus()).isEqualTo(500);
        Resource read = f.core.get(f.servers, srv(name));
        assertThat(read.provisioningState()).isEqualTo("Failed");
        assertThat(read.body().path("tags").has("team")).isFalse();
        assertThat(read.body().path("tags").has("asyncops-fault")).isFalse();

        Operation patched = f.finish(f.patch(f.servers, srv(name),
                "{'tags':{'team':'new'},'properties':{'minimalTlsVersion':'1.2'}}", caller));
        assertThat(patched.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode after = f.get(f.servers, srv(name));
        assertThat(after.at("/tags/team").asText()).isEqualTo("new");
        assertThat(after.at("/properties/minimalTlsVersion").asText()).isEqualTo("1.2");
        assertThat(f.core.get(f.servers, srv(name)).provisioningState()).isEqualTo("Succeeded");
    }

    @Test
    void databaseLifecycleWithExportPatchAndFirewallRules() throws Exception {
        String name = server();
        createServer(name);
        Map<String, String> rule = CoreFixture.rule(sub, "rg", name, "AllowAllWindowsAzureIps");
        Answer.Done created = f.putNow(f.firewallRules, rule,
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}", caller);
        assertThat(created.status()).isEqualTo(201);
        assertThat(f.putNow(f.firewallRules, CoreFixture.rule(sub, "rg", name, "allowallwindowsazureips"),
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.1'}}", caller).status()).isEqualTo(200);
        assertThat(f.get(f.firewallRules, rule).at("/properties/endIpAddress").asText()).isEqualTo("0.0.0.1");
        assertThat(f.names(f.firewallRules, 0, srv(name))).containsExactly("AllowAllWindowsAzureIps");

        refused(() -> f.put(f.databases, db(name, "db"), "{'location':'eastus'}", caller), 400, "InvalidLocation");
        Answer create = f.put(f.databases, db(name, "db"), "{'location':'westus','sku':{'name':'S0','tier':'Standard'}}",
                caller);
        assertThat(f.get(f.databases, db(name, "db")).at("/properties/status").asText()).isEqualTo("Creating");
        refused(() -> f.put(f.databases, db(name, "db"), "{'location':'westus'}", caller), 409,
                "ConflictingDatabaseOperation");
        assertThat(f.finish(create).status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode read = f.get(f.databases, db(name, "DB"));
        assertThat(read.at("/properties/status").asText()).isEqualTo("Online");
        assertThat(read.at("/sku/name").asText()).isEqualTo("S0");
        assertThat(read.at("/properties/maxSizeBytes").asLong()).isEqualTo(250L * 1024 * 1024 * 1024);
        assertThat(read.at("/properties/creationDate").asText()).endsWith("Z");

        Operation export = f.finish(f.core.action(f.databases, "export", db(name, "db"), CoreFixture.json(
                "{'storageKeyType':'StorageAccessKey','storageKey':'secret-key','storageUri':"
                        + "'https://acct.blob.core.windows.net/bak/db.bacpac','administratorLogin':'dbowner',"
                        + "'administratorLoginPassword':'Str0ng!Passw0rd'}"), caller));
        assertThat(export.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode result = Json.mapper().readTree(export.result());
        assertThat(result.at("/properties/requestType").asText()).isEqualTo("Export");
        assertThat(result.at("/properties/blobUri").asText()).isEqualTo("https://acct.blob.core.windows.net/bak/db.bacpac");
        assertThat(result.at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(result.at("/properties/serverName").asText()).isEqualTo(name);
        assertThat(export.input()).doesNotContain("secret-key").doesNotContain("Str0ng!Passw0rd");

        Answer.Started scale = f.put(f.databases, db(name, "db"), "{'location':'westus','sku':{'name':'GP_Gen5',"
                + "'capacity':4}}", caller) instanceof Answer.Started s ? s : null;
        assertThat(f.get(f.databases, db(name, "db")).at("/properties/status").asText()).isEqualTo("Scaling");
        assertThat(f.finish(scale).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(f.get(f.databases, db(name, "db")).at("/sku/name").asText()).isEqualTo("GP_Gen5_4");

        Operation patch = f.finish(f.patch(f.databases, db(name, "db"),
                "{'sku':{'name':'S1'},'properties':{'maxSizeBytes':1073741824},'tags':{'tier':'cheap'}}", caller));
        assertThat(patch.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode patched = f.get(f.databases, db(name, "db"));
        assertThat(patched.at("/sku/name").asText()).isEqualTo("S1");
        assertThat(patched.at("/properties/maxSizeBytes").asLong()).isEqualTo(1073741824L);
        assertThat(patched.at("/properties/databaseId").asText()).isEqualTo(read.at("/properties/databaseId").asText());
        assertThat(patched.at("/tags/tier").asText()).isEqualTo("cheap");

        Operation deleted = f.finish(f.delete(f.servers, srv(name), caller));
        assertThat(deleted.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(deleted.result()).isNull();
        refused(() -> f.core.get(f.servers, srv(name)), 404, "ResourceNotFound");
        refused(() -> f.core.get(f.databases, db(name, "db")), 404, "ParentResourceNotFound");
        assertThat(f.core.lookup().find(id(name) + "/firewallRules/AllowAllWindowsAzureIps")).as("children go too")
                .isEmpty();
        assertThat(f.delete(f.servers, srv(name), caller)).isEqualTo(new Answer.Done(204, null, null));
    }

    @Test
    void aDatabaseTooLargeForItsTierIsAcceptedThenFails() {
        String name = server();
        createServer(name);
        Operation op = f.finish(f.put(f.databases, db(name, "toolarge"),
                "{'location':'westus','sku':{'name':'Basic'},'properties':{'maxSizeBytes':10737418240}}", caller));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().code()).isEqualTo("InvalidMaxSizeTierCombination");
        assertThat(op.error().message()).contains("Basic").contains("10737418240");
        assertThat(op.percentComplete()).isLessThan(40.0);
        refused(() -> f.core.get(f.databases, db(name, "toolarge")), 404, "ResourceNotFound");
        assertThat(f.delete(f.databases, db(name, "toolarge"), caller)).isEqualTo(new Answer.Done(204, null, null));
    }

    @Test
    void aCanceledCreateLeavesNothing() {
        String name = server();
        Answer started = f.put(f.servers, srv(name), SERVER_BODY, caller);
        f.engine.cancel(((Answer.Started) started).operation().id());
        Operation op = f.finish(started);
        assertThat(op.status()).isEqualTo(OperationStatus.CANCELED);
        refused(() -> f.core.get(f.servers, srv(name)), 404, "ResourceNotFound");
    }

    @Test
    void aCreateCanceledBeforeAnyWorkerRanItLeavesNothingAndAnUpdateLeavesItsResourceCanceled() {
        String kept = server();
        createServer(kept);
        f.close();
        f = CoreFixture.start(dataSource, timeScale(), b -> b.runWorkers(false));

        String name = server();
        Answer.Started create = f.start(f.servers, srv(name), SERVER_BODY, caller);
        assertThat(f.core.get(f.servers, srv(name)).provisioningState()).isEqualTo("Creating");
        assertThat(f.engine.cancel(create.operation().id()).status()).isEqualTo(OperationStatus.CANCELED);
        refused(() -> f.core.get(f.servers, srv(name)), 404, "ResourceNotFound");

        Answer.Started update = f.start(f.servers, srv(kept), SERVER_BODY, caller);
        assertThat(f.engine.cancel(update.operation().id()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(f.core.get(f.servers, srv(kept)).provisioningState()).isEqualTo("Canceled");
        assertThat(f.start(f.servers, srv(kept), SERVER_BODY, caller).operation().status())
                .as("the resource is free for the next write").isEqualTo(OperationStatus.ACCEPTED);
    }

    @Test
    void aHandlerResumedOnAnotherEngineContinuesFromItsCheckpoint() {
        f.close();
        CoreFixture slow = CoreFixture.start(dataSource, 0.2, b -> b.workers(4).leaseDuration(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofMillis(250)));
        String name = server();
        Answer.Started started = slow.start(slow.servers, srv(name), SERVER_BODY, caller);
        Engine first = slow.engine;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                first.get(started.operation().id()).map(Operation::percentComplete).orElse(0.0) >= 40.0);
        double before = first.get(started.operation().id()).orElseThrow().percentComplete();
        first.close();

        f = CoreFixture.start(dataSource, 0.2, b -> b.workers(4).leaseDuration(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofMillis(250)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Operation op = f.engine.get(started.operation().id()).orElseThrow();
            if (op.attempt() >= 2 && op.percentComplete() != null) {
                assertThat(op.percentComplete()).as("progress after the resume never restarts from zero")
                        .isGreaterThanOrEqualTo(before);
            }
            return op.isTerminal();
        });
        Operation done = f.engine.get(started.operation().id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(f.get(f.servers, srv(name)).at("/properties/state").asText()).isEqualTo("Ready");
    }

    @Test
    void resourceGroupDeleteRemovesEverythingInside() {
        String name = server();
        createServer(name);
        f.finish(f.put(f.databases, db(name, "db"), "{'location':'westus'}", caller));
        Answer.Started delete = (Answer.Started) f.delete(f.groups, group(sub, "rg"), caller);
        assertThat(delete.namespace()).isEqualTo("Microsoft.Resources");
        assertThat(delete.operation().kind()).isEqualTo("Microsoft.Resources/resourceGroups/delete");
        assertThat(f.core.get(f.groups, group(sub, "rg")).provisioningState()).isEqualTo("Deleting");
        refused(() -> f.put(f.servers, srv(server()), SERVER_BODY, caller), 409, "ResourceGroupBeingDeleted");
        refused(() -> f.put(f.groups, group(sub, "rg"), "{'location':'westus'}", caller), 409,
                "ResourceGroupBeingDeleted");
        assertThat(((Answer.Started) f.delete(f.groups, group(sub, "rg"), caller)).operation().id())
                .isEqualTo(delete.operation().id());

        assertThat(f.finish(delete).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(f.core.find(f.groups, group(sub, "rg"))).isEmpty();
        assertThat(f.names(f.servers, 1, Map.of("subscriptionId", sub))).isEmpty();
        assertThat(f.core.lookup().find(id(name) + "/databases/db")).as("the group's databases are gone too").isEmpty();
        // the global name is free again
        f.putNow(f.groups, group(sub, "rg"), "{'location':'westus'}", caller);
        createServer(name);
    }
}
