package io.asyncops.server.arm;

import static io.asyncops.server.arm.ArmServer.GROUPS;
import static io.asyncops.server.arm.ArmServer.SQL;
import static io.asyncops.server.arm.ArmServer.SUB;
import static io.asyncops.server.arm.ArmServer.group;
import static io.asyncops.server.arm.ArmServer.json;
import static io.asyncops.server.arm.ArmServer.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §2 for the emulated Microsoft.Sql provider and resource groups, over real HTTPS. */
class ArmPlaneHttpTest {
    static final String SERVER_BODY = "{'location':'westus','properties':{'administratorLogin':'sqladmin',"
            + "'administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}";

    @TempDir
    static Path data;
    static ArmServer arm;

    @BeforeAll
    static void start() {
        arm = ArmServer.start(data);
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new java.util.ArrayList<>();
        list.path("value").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    String newGroup() {
        String rg = unique("rg");
        HttpResponse<String> created = arm.call("PUT", group(rg) + GROUPS, "{'location':'westus'}");
        assertThat(created.statusCode()).isEqualTo(201);
        return rg;
    }

    @Test
    void resourceGroupsAreSynchronousAndCaseInsensitive() {
        String rg = unique("Rg");
        HttpResponse<String> created = arm.call("PUT", group(rg) + GROUPS, "{'location':'West US','tags':{'a':'b'}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(created);
        assertThat(body.path("id").asText()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/" + rg);
        assertThat(body.path("location").asText()).isEqualTo("westus");
        assertThat(body.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        assertThat(arm.call("PUT", group(rg.toLowerCase()) + GROUPS, "{'location':'westus'}").statusCode()).isEqualTo(200);
        assertThat(arm.call("HEAD", "/SUBSCRIPTIONS/" + SUB + "/RESOURCEGROUPS/" + rg + GROUPS, null).statusCode()).isEqualTo(204);
        assertThat(arm.call("HEAD", group(unique("none")) + GROUPS, null).statusCode()).isEqualTo(404);
        assertThat(json(arm.call("GET", group(rg) + GROUPS, null)).path("name").asText()).isEqualTo(rg);
        JsonNode list = json(arm.call("GET", "/subscriptions/" + SUB + "/resourceGroups" + GROUPS, null));
        assertThat(names(list)).contains(rg);

        HttpResponse<String> moved = arm.call("PUT", group(rg) + GROUPS, "{'location':'eastus'}");
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(json(moved).at("/error/code").asText()).isEqualTo("InvalidResourceGroupLocation");
        HttpResponse<String> missing = arm.call("GET", group(unique("none")) + GROUPS, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void theSeedFlowCreateReadTheHeadersPollUntilSucceededThenReadLocation() {
        String rg = newGroup();
        String name = unique("seed");
        HttpResponse<String> accepted = arm.call("PUT", server(rg, name) + SQL, SERVER_BODY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(status).matches(arm.base() + "/subscriptions/" + SUB
                + "/providers/Microsoft.Sql/locations/westus/operationStatuses/[0-9a-f-]{36}\\?api-version=2021-11-01");
        assertThat(location).isEqualTo(status.replace("/operationStatuses/", "/operationResults/"));
        assertThat(Integer.parseInt(accepted.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        HttpResponse<String> creating = arm.call("GET", server(rg, name) + SQL, null);
        // Microsoft.Sql 2021-11-01 bodies have no provisioningState: a server shows state Ready once created
        assertThat(json(creating).at("/properties/state").asText()).isIn("", "Ready");
        assertThat(json(creating).at("/properties").has("provisioningState")).isFalse();

        JsonNode done = arm.awaitTerminal(status);
        assertThat(done.path("status").asText()).isEqualTo("Succeeded");
        HttpResponse<String> result = arm.call("GET", location, null);
        assertThat(result.statusCode()).isEqualTo(200);
        JsonNode srv = json(result);
        assertThat(srv.path("id").asText()).isEqualTo(server(rg, name));
        assertThat(srv.path("type").asText()).isEqualTo("Microsoft.Sql/servers");
        assertThat(srv.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(srv.at("/properties/administratorLogin").asText()).isEqualTo("sqladmin");
        assertThat(srv.at("/properties/fullyQualifiedDomainName").asText()).isEqualTo(name + ".database.windows.net");
        assertThat(result.body()).doesNotContain("Str0ng!Passw0rd");
        JsonNode read = json(arm.call("GET", server(rg, name) + SQL, null));
        assertThat(read.at("/properties/state").asText()).isEqualTo("Ready");
        assertThat(read.at("/properties").has("provisioningState")).isFalse();

        String mixedCase = "/Subscriptions/" + SUB + "/ResourceGroups/" + rg + "/PROVIDERS/microsoft.sql/SERVERS/" + name;
        assertThat(arm.call("GET", mixedCase + SQL, null).statusCode()).isEqualTo(200);
        assertThat(names(json(arm.call("GET", "/subscriptions/" + SUB + "/resourceGroups/" + rg
                + "/providers/Microsoft.Sql/servers" + SQL, null)))).containsExactly(name);
        assertThat(names(json(arm.call("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Sql/servers" + SQL, null))))
                .contains(name);
    }

    @Test
    void apiVersionsAreCheckedAndOtherSubscriptionsAreInvisible() {
        String rg = newGroup();
        HttpResponse<String> missing = arm.call("GET", server(rg, "x"), null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("MissingApiVersionParameter");
        HttpResponse<String> unknown = arm.call("GET", server(rg, "x") + "?api-version=1999-01-01", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("InvalidApiVersionParameter");
        assertThat(arm.call("GET", server(rg, "x") + "?api-version=2015-05-01-preview", null).statusCode()).isEqualTo(404);

        String stranger = arm.token(List.of(ArmServer.class.getSimpleName() + "-other"));
        for (String path : List.of(group(rg) + GROUPS, server(rg, "x") + SQL,
                "/subscriptions/" + SUB + "/providers/Microsoft.Sql/servers" + SQL)) {
            HttpResponse<String> hidden = arm.call("GET", path, null, stranger);
            assertThat(hidden.statusCode()).as(path).isEqualTo(404);
            assertThat(json(hidden).at("/error/code").asText()).isEqualTo("SubscriptionNotFound");
        }
        assertThat(arm.call("PUT", server(rg, unique("s")) + SQL, SERVER_BODY, stranger).statusCode()).isEqualTo(404);
    }

    @Test
    void validationAnswersAzureCodesAndASecondWriteIsAConflict() {
        String rg = newGroup();
        HttpResponse<String> weak = arm.call("PUT", server(rg, unique("weak")) + SQL,
                SERVER_BODY.replace("Str0ng!Passw0rd", "password"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).at("/error/code").asText()).isEqualTo("PasswordNotComplex");
        assertThat(json(weak).at("/error/target").asText()).isEqualTo("properties.administratorLoginPassword");
        HttpResponse<String> bad = arm.call("PUT", server(rg, "Not_Valid") + SQL, SERVER_BODY);
        assertThat(json(bad).at("/error/code").asText()).isEqualTo("InvalidServerName");
        HttpResponse<String> noGroup = arm.call("PUT", server(unique("none"), unique("s")) + SQL, SERVER_BODY);
        assertThat(noGroup.statusCode()).isEqualTo(404);
        assertThat(json(noGroup).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
        HttpResponse<String> notJson = arm.call("PUT", server(rg, unique("s")) + SQL, "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).at("/error/code").asText()).isEqualTo("InvalidRequestContent");

        String name = unique("busy");
        HttpResponse<String> first = arm.call("PUT", server(rg, name) + SQL, SERVER_BODY);
        assertThat(first.statusCode()).isEqualTo(202);
        HttpResponse<String> second = arm.call("PATCH", server(rg, name) + SQL, "{'tags':{'x':'y'}}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).at("/error/code").asText()).isEqualTo("ConflictingServerOperation");
        HttpResponse<String> early = arm.call("PUT", server(rg, name) + "/databases/db" + SQL, "{'location':'westus'}");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).at("/error/code").asText()).isEqualTo("ParentResourceNotFound");
        arm.awaitTerminal(first.headers().firstValue("Azure-AsyncOperation").orElseThrow());
    }

    @Test
    void aRetriedStartWithTheSameClientRequestIdIsTheSameOperation() {
        String rg = newGroup();
        String name = unique("retry");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = arm.call("PUT", server(rg, name) + SQL, SERVER_BODY, arm.token(), key);
        HttpResponse<String> retried = arm.call("PUT", server(rg, name) + SQL, SERVER_BODY, arm.token(), key);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retried.statusCode()).isEqualTo(202);
        String status = first.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        assertThat(retried.headers().firstValue("Azure-AsyncOperation")).contains(status);
        assertThat(arm.awaitTerminal(status).path("status").asText()).isEqualTo("Succeeded");
        HttpResponse<String> afterwards = arm.call("PUT", server(rg, name) + SQL, SERVER_BODY, arm.token(), key);
        assertThat(afterwards.headers().firstValue("Azure-AsyncOperation")).contains(status);

        HttpResponse<String> otherBody = arm.call("PUT", server(rg, name) + SQL,
                SERVER_BODY.replace("'location'", "'tags':{'changed':'yes'},'location'"), arm.token(), key);
        assertThat(otherBody.statusCode()).isEqualTo(409);
    }

    @Test
    void theFaultTagAndATooLargeDatabaseFailAsynchronously() {
        String rg = newGroup();
        HttpResponse<String> faulted = arm.call("PUT", server(rg, unique("fault")) + SQL,
                SERVER_BODY.replace("'location'", "'tags':{'asyncops-fault':'RegionDoesNotAllowProvisioning'},'location'"));
        assertThat(faulted.statusCode()).isEqualTo(202);
        JsonNode failed = arm.awaitTerminal(faulted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        assertThat(failed.path("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("RegionDoesNotAllowProvisioning");
        assertThat(failed.at("/error/message").asText()).contains("asyncops-fault");
        HttpResponse<String> result = arm.call("GET", faulted.headers().firstValue("Location").orElseThrow(), null);
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(json(result).at("/error/code").asText()).isEqualTo("RegionDoesNotAllowProvisioning");

        String name = unique("srv");
        assertThat(arm.run("PUT", server(rg, name) + SQL, SERVER_BODY).path("status").asText()).isEqualTo("Succeeded");
        JsonNode tooLarge = arm.run("PUT", server(rg, name) + "/databases/big" + SQL,
                "{'location':'westus','sku':{'name':'Basic'},'properties':{'maxSizeBytes':536870912000}}");
        assertThat(tooLarge.path("status").asText()).isEqualTo("Failed");
        assertThat(tooLarge.at("/error/code").asText()).isEqualTo("InvalidMaxSizeTierCombination");
        assertThat(arm.call("GET", server(rg, name) + "/databases/big" + SQL, null).statusCode()).isEqualTo(404);
    }

    @Test
    void databasesFirewallRulesExportAndDeletes() {
        String rg = newGroup();
        String name = unique("full");
        String srv = server(rg, name);
        arm.run("PUT", srv + SQL, SERVER_BODY);

        HttpResponse<String> rule = arm.call("PUT", srv + "/firewallRules/AllowAllWindowsAzureIps" + SQL,
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}");
        assertThat(rule.statusCode()).isEqualTo(201);
        assertThat(json(rule).path("type").asText()).isEqualTo("Microsoft.Sql/servers/firewallRules");
        assertThat(arm.call("PUT", srv + "/firewallrules/AllowAllWindowsAzureIps" + SQL,
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}").statusCode()).isEqualTo(200);
        assertThat(json(arm.call("GET", srv + "/firewallRules" + SQL, null)).path("value")).hasSize(1);
        HttpResponse<String> badIp = arm.call("PUT", srv + "/firewallRules/r" + SQL,
                "{'properties':{'startIpAddress':'::1','endIpAddress':'::1'}}");
        assertThat(json(badIp).at("/error/code").asText()).isEqualTo("FirewallRuleNotIPv4Address");

        JsonNode created = arm.run("PUT", srv + "/databases/appdb" + SQL, "{'location':'westus','sku':{'name':'S0','tier':'Standard'}}");
        assertThat(created.path("status").asText()).isEqualTo("Succeeded");
        assertThat(created.at("/properties/properties/status").asText()).isEqualTo("Online");
        JsonNode db = json(arm.call("GET", srv + "/databases/appdb" + SQL, null));
        assertThat(db.at("/sku/name").asText()).isEqualTo("S0");
        assertThat(db.at("/properties/status").asText()).isEqualTo("Online");
        assertThat(db.at("/properties").has("provisioningState")).isFalse();
        assertThat(names(json(arm.call("GET", srv + "/databases" + SQL, null))))
                .containsExactly("appdb");

        HttpResponse<String> export = arm.call("POST", srv + "/databases/appdb/export" + SQL,
                "{'storageKeyType':'StorageAccessKey','storageKey':'k3y','storageUri':'https://acct.blob.core.windows.net/b/appdb.bacpac',"
                        + "'administratorLogin':'sqladmin','administratorLoginPassword':'Str0ng!Passw0rd'}");
        assertThat(export.statusCode()).isEqualTo(202);
        arm.awaitTerminal(export.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        HttpResponse<String> exported = arm.call("GET", export.headers().firstValue("Location").orElseThrow(), null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(json(exported).at("/properties/requestType").asText()).isEqualTo("Export");
        assertThat(json(exported).at("/properties/blobUri").asText()).endsWith("/appdb.bacpac");

        HttpResponse<String> dropDb = arm.call("DELETE", srv + "/databases/appdb" + SQL, null);
        assertThat(dropDb.statusCode()).isEqualTo(202);
        arm.awaitTerminal(dropDb.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        assertThat(arm.call("GET", dropDb.headers().firstValue("Location").orElseThrow(), null).statusCode()).isEqualTo(204);
        assertThat(arm.call("DELETE", srv + "/databases/appdb" + SQL, null).statusCode()).isEqualTo(204);
        assertThat(arm.call("DELETE", srv + "/firewallRules/AllowAllWindowsAzureIps" + SQL, null).statusCode()).isEqualTo(200);
        assertThat(arm.call("DELETE", srv + "/firewallRules/AllowAllWindowsAzureIps" + SQL, null).statusCode()).isEqualTo(204);

        HttpResponse<String> dropServer = arm.call("DELETE", srv + SQL, null);
        assertThat(dropServer.statusCode()).isEqualTo(202);
        arm.awaitTerminal(dropServer.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        HttpResponse<String> gone = arm.call("GET", srv + SQL, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).at("/error/code").asText()).isEqualTo("ResourceNotFound");
    }

    @Test
    void deletingAResourceGroupIsLongRunningAndRemovesWhatIsInside() {
        String rg = newGroup();
        String name = unique("inside");
        arm.run("PUT", server(rg, name) + SQL, SERVER_BODY);
        HttpResponse<String> delete = arm.call("DELETE", group(rg) + GROUPS, null);
        assertThat(delete.statusCode()).isEqualTo(202);
        String status = delete.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        assertThat(URI.create(status).getPath()).contains("/providers/Microsoft.Resources/locations/westus/operationStatuses/");
        assertThat(arm.awaitTerminal(status).path("status").asText()).isEqualTo("Succeeded");
        assertThat(arm.call("HEAD", group(rg) + GROUPS, null).statusCode()).isEqualTo(404);
        assertThat(names(json(arm.call("GET", "/subscriptions/" + SUB + "/providers/Microsoft.Sql/servers" + SQL, null))))
                .doesNotContain(name);
    }
}
