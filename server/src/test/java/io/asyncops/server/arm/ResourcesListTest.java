package io.asyncops.server.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARM's generic lists over the provider core's store ({@code az resource list [-g]}): every tracked resource of every
 * type, not resource groups, not proxy resources; {@code $filter}, {@code $expand}, paging; isolation.
 */
class ResourcesListTest {
    static final String V = "?api-version=2021-04-01";
    @TempDir
    static Path data;
    static ArmServer arm;

    @BeforeAll
    static void start() {
        arm = ArmServer.start(data);
        for (String rg : List.of("list-a", "list-b")) {
            assertThat(arm.call("PUT", ArmServer.group(rg) + ArmServer.GROUPS, "{'location':'westus','tags':{'env':'" + rg + "'}}")
                    .statusCode()).isEqualTo(201);
        }
        String server = ArmServer.server("list-a", "list-sql-1");
        assertThat(arm.run("PUT", server + ArmServer.SQL, "{'location':'westus','tags':{'team':'blue'},"
                + "'properties':{'administratorLogin':'admin1','administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}")
                .path("status").asText()).isEqualTo("Succeeded");
        assertThat(arm.run("PUT", server + "/databases/db1" + ArmServer.SQL, "{'location':'westus','sku':{'name':'S0'}}")
                .path("status").asText()).isEqualTo("Succeeded");
        assertThat(arm.call("PUT", server + "/firewallRules/fw1" + ArmServer.SQL,
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}").statusCode()).isBetween(200, 201);
        assertThat(arm.run("PUT", ArmServer.server("list-b", "list-sql-2") + ArmServer.SQL, "{'location':'eastus',"
                + "'properties':{'administratorLogin':'admin1','administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}")
                .path("status").asText()).isEqualTo("Succeeded");
    }

    @AfterAll
    static void stop() {
        arm.close();
    }

    @Test
    void theSubscriptionListsTrackedResourcesOfEveryType() {
        JsonNode all = ok("/subscriptions/" + ArmServer.SUB + "/resources" + V);
        List<String> types = new ArrayList<>();
        all.path("value").forEach(item -> types.add(item.path("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("Microsoft.Sql/servers",
                "Microsoft.Sql/servers/databases", "Microsoft.Sql/servers");
        JsonNode server = find(all, "list-sql-1");
        assertThat(server.path("id").asText()).isEqualTo(ArmServer.server("list-a", "list-sql-1"));
        assertThat(server.path("location").asText()).isEqualTo("westus");
        assertThat(server.path("tags").path("team").asText()).isEqualTo("blue");
        assertThat(server.has("properties")).isFalse();
        assertThat(find(all, "db1").path("sku").path("name").asText()).isEqualTo("S0");
    }

    @Test
    void filtersAsAzWritesThem() {
        String base = "/subscriptions/" + ArmServer.SUB + "/resources" + V + "&$filter=";
        assertThat(names(ok(base + enc("resourceGroup eq 'LIST-A'")))).containsExactlyInAnyOrder("list-sql-1", "db1");
        assertThat(names(ok(base + enc("resourceType eq 'Microsoft.Sql/servers' and location eq 'East US'"))))
                .containsExactly("list-sql-2");
        assertThat(names(ok(base + enc("tagName eq 'team' and tagValue eq 'blue'")))).containsExactly("list-sql-1");
        assertThat(names(ok(base + enc("name eq 'db1'")))).containsExactly("db1");
        assertThat(names(ok(base + enc("resourceGroup eq 'no-such-group'")))).isEmpty();
        for (String bad : List.of("substringof('x', name)", "resourceGroup eq 'a' or name eq 'b'", "tagValue eq 'x'",
                "name eq 'a' and name eq 'b'")) {
            HttpResponse<String> r = arm.call("GET", base + enc(bad), null);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(ArmServer.json(r).path("error").path("code").asText()).isEqualTo("InvalidFilterInQueryString");
        }
    }

    @Test
    void aGroupListsItsOwnAndAMissingGroupIs404() {
        assertThat(names(ok(ArmServer.group("list-b") + "/resources" + V))).containsExactly("list-sql-2");
        HttpResponse<String> missing = arm.call("GET", ArmServer.group("nope") + "/resources" + V, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ArmServer.json(missing).path("error").path("code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void expandAndPaging() {
        JsonNode expanded = ok("/subscriptions/" + ArmServer.SUB + "/resources" + V
                + "&$expand=createdTime%2CchangedTime%2CprovisioningState");
        assertThat(find(expanded, "list-sql-1").path("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(find(expanded, "list-sql-1").path("createdTime").asText()).isNotBlank();
        List<String> seen = new ArrayList<>();
        String next = "/subscriptions/" + ArmServer.SUB + "/resources" + V + "&$top=1";
        int pages = 0;
        while (next != null) {
            JsonNode page = ok(next);
            assertThat(page.path("value").size()).isLessThanOrEqualTo(1);
            seen.addAll(names(page));
            next = page.has("nextLink") ? page.path("nextLink").asText() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrder("list-sql-1", "db1", "list-sql-2");
        assertThat(arm.call("GET", "/subscriptions/" + ArmServer.SUB + "/resources" + V + "&$top=0", null).statusCode())
                .isEqualTo(400);
        assertThat(arm.call("GET", "/subscriptions/" + ArmServer.SUB + "/resources" + V + "&$expand=properties", null)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anotherSubscriptionAndAMissingApiVersion() {
        HttpResponse<String> other = arm.call("GET", "/subscriptions/" + ArmServer.SUB + "/RESOURCES" + V, null,
                arm.token(List.of("99999999-8888-7777-6666-555555555555")));
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(arm.call("GET", "/subscriptions/" + ArmServer.SUB + "/resources", null).statusCode()).isEqualTo(400);
        assertThat(arm.call("GET", "/subscriptions/" + ArmServer.SUB + "/Resources" + V, null).statusCode())
                .as("fixed segments are case-insensitive").isEqualTo(200);
    }

    private static JsonNode ok(String pathAndQuery) {
        HttpResponse<String> r = arm.call("GET", pathAndQuery, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ArmServer.json(r);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list.path("value")) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " is not listed: " + list);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("value").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
