package io.asyncops.emulator;

import static io.asyncops.emulator.ValidationContract.json;
import static io.asyncops.emulator.ValidationContract.refused;
import static io.asyncops.emulator.ValidationContract.uuid8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulated providers with a real engine on a real database: resource state and operation state move together,
 * faults and realistic failures end operations Failed, and refusals that need existing resources answer Azure's codes.
 */
abstract class ProvisioningContract {
    static final String SERVER_BODY = "{'location':'westus','properties':{'administratorLogin':'dbowner',"
            + "'administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}";

    ArmEmulator arm;
    Engine engine;
    String sub;
    Caller caller;

    abstract DataSource dataSource();

    /** Fast enough for tests, slow enough that an operation is still running when the next request comes. */
    double timeScale() {
        return 0.02;
    }

    @BeforeEach
    void start() {
        arm = ArmEmulator.create(dataSource(), EmulatorSettings.builder().timeScale(timeScale()).build());
        arm.migrate();
        EngineConfig.Builder config = EngineConfig.builder(dataSource()).workers(8);
        arm.handlers().forEach(config::handler);
        engine = Engine.start(config.build());
        arm.attach(engine);
        sub = UUID.randomUUID().toString();
        caller = Caller.of(sub);
        arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'westus'}"));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    Operation finish(StartedOperation started) {
        return finish(started.operation());
    }

    Operation finish(Operation op) {
        await().atMost(Duration.ofSeconds(60)).until(() -> engine.get(op.id()).orElseThrow().isTerminal());
        return engine.get(op.id()).orElseThrow();
    }

    String server() {
        return "srv-" + uuid8();
    }

    SqlServer createServer(String name) {
        Operation op = finish(arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY)));
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        return arm.sqlServers().get(sub, "rg", name);
    }

    @Test
    void serverCreateShowsCreatingThenSucceedsWithItsResult() throws Exception {
        String name = server();
        StartedOperation started = arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(SERVER_BODY.replace("'location'", "'tags':{'team':'data'},'location'")));
        assertThat(started.providerNamespace()).isEqualTo("Microsoft.Sql");
        assertThat(started.location()).isEqualTo("westus");
        assertThat(started.operation().kind()).isEqualTo(OperationKinds.SERVER_WRITE);
        assertThat(started.operation().resourceId()).endsWith("/providers/Microsoft.Sql/servers/" + name);
        assertThat(started.operation().input()).doesNotContain("Str0ng!Passw0rd");
        assertThat(arm.sqlServers().get(sub, "rg", name).provisioningState()).isEqualTo("Creating");

        Operation done = finish(started);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode result = Json.mapper().readTree(done.result());
        assertThat(result.path("name").asText()).isEqualTo(name);
        assertThat(result.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(result.at("/properties/fullyQualifiedDomainName").asText()).isEqualTo(name + ".database.windows.net");
        assertThat(result.toString()).doesNotContain("Str0ng!Passw0rd");

        SqlServer read = arm.sqlServers().get(sub, "rg", name);
        assertThat(read.provisioningState()).isEqualTo("Succeeded");
        assertThat(read.tags()).containsEntry("team", "data");
        assertThat(arm.sqlServers().listByResourceGroup(sub, "RG")).extracting(SqlServer::name).containsExactly(name);
        assertThat(arm.sqlServers().listBySubscription(sub)).hasSize(1);
    }

    @Test
    void aSecondWriteWhileOneRunsIsRefused() {
        String name = server();
        StartedOperation first = arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY));
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY)), 409,
                "ConflictingServerOperation");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db", json("{'location':'westus'}")),
                404, "ParentResourceNotFound");
        finish(first);
    }

    @Test
    void serverNamesAreGlobalAndLocationsFixed() {
        String name = server();
        createServer(name);
        Caller other = Caller.of(UUID.randomUUID().toString());
        arm.resourceGroups().createOrUpdate(other, "rg", json("{'location':'westus'}"));
        refused(() -> arm.sqlServers().createOrUpdate(other, "rg", name, json(SERVER_BODY)), 400, "NameAlreadyExists")
                .hasMessageContaining(name + ".database.windows.net");
        arm.resourceGroups().createOrUpdate(caller, "rg2", json("{'location':'westus'}"));
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg2", name, json(SERVER_BODY)), 409,
                "ServerAlreadyExists");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY.replace("westus", "eastus"))),
                409, "InvalidResourceLocation");
        refused(() -> arm.sqlServers().update(caller, "rg", name, json("{'properties':{'administratorLogin':'someoneelse'}}")),
                400, "InvalidParameterValue");
        refused(() -> arm.sqlServers().get(other.subscription(), "rg", name), 404, "ResourceNotFound");
    }

    @Test
    void aFaultTagFailsTheCreateAndLeavesNoServer() {
        String name = server();
        Operation op = finish(arm.sqlServers().createOrUpdate(caller, "rg", name,
                json(SERVER_BODY.replace("'location'", "'tags':{'asyncops-fault':'RegionDoesNotAllowProvisioning'},'location'"))));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().code()).isEqualTo("RegionDoesNotAllowProvisioning");
        assertThat(op.error().message()).contains("asyncops-fault");
        assertThat(op.error().httpStatus()).isEqualTo(400);
        refused(() -> arm.sqlServers().get(sub, "rg", name), 404, "ResourceNotFound");
    }

    @Test
    void aFaultedUpdateKeepsTheServerAsItWasButFailed() {
        String name = server();
        createServer(name);
        Operation op = finish(arm.sqlServers().update(caller, "rg", name,
                json("{'tags':{'asyncops-fault':'InternalServerError','team':'new'}}")));
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().httpStatus()).isEqualTo(500);
        SqlServer read = arm.sqlServers().get(sub, "rg", name);
        assertThat(read.provisioningState()).isEqualTo("Failed");
        assertThat(read.tags()).doesNotContainKey("team").doesNotContainKey("asyncops-fault");

        Operation patched = finish(arm.sqlServers().update(caller, "rg", name,
                json("{'tags':{'team':'new'},'properties':{'minimalTlsVersion':'1.2'}}")));
        assertThat(patched.status()).isEqualTo(OperationStatus.SUCCEEDED);
        SqlServer after = arm.sqlServers().get(sub, "rg", name);
        assertThat(after.tags()).containsEntry("team", "new");
        assertThat(after.minimalTlsVersion()).isEqualTo("1.2");
        assertThat(after.provisioningState()).isEqualTo("Succeeded");
    }

    @Test
    void databaseLifecycleWithExportAndFirewallRules() throws Exception {
        String name = server();
        createServer(name);
        PutResult<FirewallRule> rule = arm.firewallRules().createOrUpdate(caller, "rg", name, "AllowAllWindowsAzureIps",
                json("{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}"));
        assertThat(rule.httpStatus()).isEqualTo(201);
        assertThat(arm.firewallRules().createOrUpdate(caller, "rg", name, "allowallwindowsazureips",
                json("{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.1'}}")).httpStatus()).isEqualTo(200);
        assertThat(arm.firewallRules().list(sub, "rg", name)).extracting(FirewallRule::name, FirewallRule::endIpAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AllowAllWindowsAzureIps", "0.0.0.1"));

        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db", json("{'location':'eastus'}")),
                400, "InvalidLocation");
        StartedOperation create = arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db",
                json("{'location':'westus','sku':{'name':'S0','tier':'Standard'}}"));
        assertThat(arm.sqlDatabases().get(sub, "rg", name, "db").status()).isEqualTo("Creating");
        refused(() -> arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db", json("{'location':'westus'}")),
                409, "ConflictingDatabaseOperation");
        assertThat(finish(create).status()).isEqualTo(OperationStatus.SUCCEEDED);
        SqlDatabase db = arm.sqlDatabases().get(sub, "rg", name, "DB");
        assertThat(db.status()).isEqualTo("Online");
        assertThat(db.sku().name()).isEqualTo("S0");
        assertThat(db.maxSizeBytes()).isEqualTo(250L * 1024 * 1024 * 1024);
        assertThat(db.toJson().at("/properties/creationDate").asText()).endsWith("Z");

        Operation export = finish(arm.sqlDatabases().export(caller, "rg", name, "db", json("{'storageKeyType':'StorageAccessKey',"
                + "'storageKey':'secret-key','storageUri':'https://acct.blob.core.windows.net/bak/db.bacpac',"
                + "'administratorLogin':'dbowner','administratorLoginPassword':'Str0ng!Passw0rd'}")));
        assertThat(export.status()).isEqualTo(OperationStatus.SUCCEEDED);
        JsonNode result = Json.mapper().readTree(export.result());
        assertThat(result.at("/properties/requestType").asText()).isEqualTo("Export");
        assertThat(result.at("/properties/blobUri").asText()).isEqualTo("https://acct.blob.core.windows.net/bak/db.bacpac");
        assertThat(result.at("/properties/status").asText()).isEqualTo("Completed");
        assertThat(export.input()).doesNotContain("secret-key").doesNotContain("Str0ng!Passw0rd");

        Operation scale = finish(arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db",
                json("{'location':'westus','sku':{'name':'GP_Gen5','capacity':4}}")));
        assertThat(scale.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(arm.sqlDatabases().get(sub, "rg", name, "db").sku().name()).isEqualTo("GP_Gen5_4");

        Operation deleted = finish(arm.sqlServers().delete(caller, "rg", name).orElseThrow());
        assertThat(deleted.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(deleted.result()).isNull();
        refused(() -> arm.sqlServers().get(sub, "rg", name), 404, "ResourceNotFound");
        refused(() -> arm.sqlDatabases().get(sub, "rg", name, "db"), 404, "ParentResourceNotFound");
        assertThat(arm.sqlServers().delete(caller, "rg", name)).isEmpty();
    }

    @Test
    void aDatabaseTooLargeForItsTierIsAcceptedThenFails() {
        String name = server();
        createServer(name);
        StartedOperation started = arm.sqlDatabases().createOrUpdate(caller, "rg", name, "toolarge",
                json("{'location':'westus','sku':{'name':'Basic'},'properties':{'maxSizeBytes':10737418240}}"));
        Operation op = finish(started);
        assertThat(op.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(op.error().code()).isEqualTo("InvalidMaxSizeTierCombination");
        assertThat(op.error().message()).contains("Basic").contains("10737418240");
        refused(() -> arm.sqlDatabases().get(sub, "rg", name, "toolarge"), 404, "ResourceNotFound");
        assertThat(arm.sqlDatabases().delete(caller, "rg", name, "toolarge")).isEmpty();
    }

    @Test
    void aCanceledCreateLeavesNothing() {
        String name = server();
        StartedOperation started = arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY));
        engine.cancel(started.operation().id());
        Operation op = finish(started);
        assertThat(op.status()).isEqualTo(OperationStatus.CANCELED);
        refused(() -> arm.sqlServers().get(sub, "rg", name), 404, "ResourceNotFound");
    }

    @Test
    void aCreateCanceledBeforeAnyWorkerRanItLeavesNothingAndAnUpdateLeavesItsResourceCanceled() {
        String kept = server();
        createServer(kept);
        engine.close();
        arm = ArmEmulator.create(dataSource(), EmulatorSettings.builder().timeScale(timeScale()).build());
        EngineConfig.Builder noWorkers = EngineConfig.builder(dataSource()).runWorkers(false);
        arm.handlers().forEach(noWorkers::handler);
        engine = Engine.start(noWorkers.build());
        arm.attach(engine);

        String name = server();
        StartedOperation create = arm.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY));
        assertThat(arm.sqlServers().get(sub, "rg", name).provisioningState()).isEqualTo("Creating");
        assertThat(engine.cancel(create.operation().id()).status()).isEqualTo(OperationStatus.CANCELED);
        refused(() -> arm.sqlServers().get(sub, "rg", name), 404, "ResourceNotFound");

        StartedOperation update = arm.sqlServers().createOrUpdate(caller, "rg", kept, json(SERVER_BODY));
        assertThat(engine.cancel(update.operation().id()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(arm.sqlServers().get(sub, "rg", kept).provisioningState()).isEqualTo("Canceled");
        assertThat(arm.sqlServers().createOrUpdate(caller, "rg", kept, json(SERVER_BODY)).operation().status())
                .as("the resource is free for the next write").isEqualTo(OperationStatus.ACCEPTED);
    }

    @Test
    void aHandlerResumedOnAnotherEngineContinuesFromItsCheckpoint() {
        engine.close();
        ArmEmulator slow = ArmEmulator.create(dataSource(), EmulatorSettings.builder().timeScale(0.2).build());
        Engine first = slowEngine(slow);
        slow.attach(first);
        String name = server();
        StartedOperation started = slow.sqlServers().createOrUpdate(caller, "rg", name, json(SERVER_BODY));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                first.get(started.operation().id()).map(Operation::percentComplete).orElse(0.0) >= 40.0);
        double before = first.get(started.operation().id()).orElseThrow().percentComplete();
        first.close();

        ArmEmulator resumed = ArmEmulator.create(dataSource(), EmulatorSettings.builder().timeScale(0.2).build());
        engine = slowEngine(resumed);
        resumed.attach(engine);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Operation op = engine.get(started.operation().id()).orElseThrow();
            if (op.attempt() >= 2 && op.percentComplete() != null) {
                assertThat(op.percentComplete()).as("progress after the resume never restarts from zero")
                        .isGreaterThanOrEqualTo(before);
            }
            return op.isTerminal();
        });
        Operation done = engine.get(started.operation().id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(arm.sqlServers().get(sub, "rg", name).state()).isEqualTo("Ready");
    }

    private Engine slowEngine(ArmEmulator emulator) {
        EngineConfig.Builder config = EngineConfig.builder(dataSource()).workers(4)
                .leaseDuration(Duration.ofSeconds(1)).heartbeatInterval(Duration.ofMillis(250));
        emulator.handlers().forEach(config::handler);
        return Engine.start(config.build());
    }

    @Test
    void resourceGroupDeleteRemovesEverythingInside() {
        String name = server();
        createServer(name);
        finish(arm.sqlDatabases().createOrUpdate(caller, "rg", name, "db", json("{'location':'westus'}")));
        StartedOperation delete = arm.resourceGroups().delete(caller, "rg");
        assertThat(delete.providerNamespace()).isEqualTo("Microsoft.Resources");
        assertThat(delete.operation().kind()).isEqualTo(OperationKinds.RESOURCE_GROUP_DELETE);
        assertThat(arm.resourceGroups().get(sub, "rg").provisioningState()).isEqualTo("Deleting");
        refused(() -> arm.sqlServers().createOrUpdate(caller, "rg", server(), json(SERVER_BODY)), 409,
                "ResourceGroupBeingDeleted");
        refused(() -> arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'westus'}")), 409,
                "ResourceGroupBeingDeleted");
        assertThat(arm.resourceGroups().delete(caller, "rg").operation().id()).isEqualTo(delete.operation().id());

        assertThat(finish(delete).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(arm.resourceGroups().find(sub, "rg")).isEmpty();
        assertThat(arm.sqlServers().listBySubscription(sub)).isEmpty();
        // the global name is free again
        arm.resourceGroups().createOrUpdate(caller, "rg", json("{'location':'westus'}"));
        createServer(name);
    }
}
