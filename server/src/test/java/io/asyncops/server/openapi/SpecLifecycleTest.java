package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spec serves beyond a resource's own verbs, over real HTTP on the widgets specs of our own (2024-01-01 and
 * 2024-06-01): each api-version's schema, soft delete (records, recover, purge), a singleton that exists with its
 * parent, keys regenerated, what the provider computes (usages, SKUs, private link resources), an action with
 * another verb than POST, a regional action of a name another one has; then Microsoft's live-traffic validator on
 * every exchange.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecLifecycleTest {
    static final String V1 = "?api-version=2024-01-01";
    static final String V6 = "?api-version=2024-06-01";
    static final String PROVIDER = "/subscriptions/" + WidgetsServer.SUB + "/providers/Contoso.Widgets";

    @TempDir
    static Path data;
    @TempDir
    static Path work;
    static WidgetsServer widgets;
    static Recorder http;
    static String base;

    @BeforeAll
    static void start() {
        widgets = WidgetsServer.start(data, "lifecycle-rg");
        http = widgets.http;
        base = widgets.widgets();
    }

    @AfterAll
    static void stop() {
        widgets.close();
    }

    static JsonNode json(HttpResponse<String> r) {
        return WidgetsServer.json(r);
    }

    static JsonNode create(String name, String properties) {
        HttpResponse<String> r = http.call("PUT", base + "/" + name + V6, "{'location':'westus','tags':{'k':'v'},"
                + "'sku':{'name':'Standard'},'properties':" + properties + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(widgets.await(r).path("status").asText()).isEqualTo("Succeeded");
        return json(http.call("GET", base + "/" + name + V6, null));
    }

    static void delete(String name) {
        HttpResponse<String> r = http.call("DELETE", base + "/" + name + V6, null);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(widgets.await(r).path("status").asText()).isEqualTo("Succeeded");
    }

    @Test
    @Order(1)
    void eachApiVersionValidatesAndShapesWithItsOwnSchema() {
        assertThat(create("w-versions", "{'weight':5}").at("/properties/weight").asInt()).isEqualTo(5);
        JsonNode old = json(http.call("GET", base + "/w-versions" + V1, null));
        assertThat(old.at("/properties/weight").isMissingNode()).as("2024-01-01 has no weight").isTrue();
        assertThat(old.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        HttpResponse<String> triangle = http.call("PATCH", base + "/w-versions" + V1,
                "{'properties':{'shape':'triangle'}}");
        assertThat(triangle.statusCode()).as("2024-01-01 has round and square only").isEqualTo(400);
        assertThat(json(triangle).at("/error/target").asText()).isEqualTo("properties.shape");
        HttpResponse<String> newer = http.call("PATCH", base + "/w-versions" + V6,
                "{'properties':{'shape':'triangle'}}");
        assertThat(newer.statusCode()).isEqualTo(200);
        assertThat(json(newer).at("/properties/shape").asText()).isEqualTo("triangle");
        assertThat(json(newer).at("/properties/weight").asInt()).isEqualTo(5);
        HttpResponse<String> heavy = http.call("PATCH", base + "/w-versions" + V6, "{'properties':{'weight':0}}");
        assertThat(heavy.statusCode()).isEqualTo(400);
        assertThat(json(heavy).at("/error/target").asText()).isEqualTo("properties.weight");
    }

    @Test
    @Order(2)
    void aDeletedWidgetIsKeptInItsRegionUntilRecoveredOrPurged() {
        JsonNode original = create("w-soft", "{'color':'red','softDeleteRetentionInDays':3}");
        Instant before = Instant.now();
        delete("w-soft");
        assertThat(http.call("GET", base + "/w-soft" + V6, null).statusCode()).isEqualTo(404);
        String deleted = PROVIDER + "/locations/westus/deletedWidgets/w-soft" + V6;
        JsonNode record = json(http.call("GET", deleted, null));
        assertThat(record.path("id").asText()).isEqualTo(PROVIDER + "/locations/westus/deletedWidgets/w-soft");
        assertThat(record.path("type").asText()).isEqualTo("Contoso.Widgets/locations/deletedWidgets");
        assertThat(record.at("/properties/widgetId").asText()).isEqualTo(original.path("id").asText());
        assertThat(record.at("/properties/location").asText()).isEqualTo("westus");
        assertThat(record.at("/properties/tags/k").asText()).isEqualTo("v");
        Instant deletion = Instant.parse(record.at("/properties/deletionDate").asText());
        assertThat(deletion).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(Instant.parse(record.at("/properties/scheduledPurgeDate").asText()))
                .isEqualTo(deletion.plus(Duration.ofDays(3)));
        assertThat(record.toString()).doesNotContain("asyncops:stash").doesNotContain("color");
        assertThat(json(http.call("GET", PROVIDER + "/deletedWidgets" + V6, null)).findValuesAsText("name"))
                .contains("w-soft");
        assertThat(json(http.call("GET", PROVIDER + "/locations/westus/deletedWidgets" + V6, null))
                .findValuesAsText("name")).contains("w-soft");
        assertThat(json(http.call("GET", PROVIDER + "/locations/eastus/deletedWidgets" + V6, null)).path("value"))
                .isEmpty();

        HttpResponse<String> taken = http.call("PUT", base + "/w-soft" + V6, "{'location':'westus'}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).at("/error/code").asText()).isEqualTo("ConflictError");

        HttpResponse<String> recover = http.call("PUT", base + "/w-soft" + V6, "{'location':'westus',"
                + "'properties':{'createMode':'recover'}}");
        assertThat(recover.statusCode()).as(recover.body()).isEqualTo(201);
        assertThat(widgets.await(recover).path("status").asText()).isEqualTo("Succeeded");
        JsonNode back = json(http.call("GET", base + "/w-soft" + V6, null));
        assertThat(back.at("/properties/color").asText()).as("the widget as it was").isEqualTo("red");
        assertThat(back.at("/tags/k").asText()).isEqualTo("v");
        assertThat(back.at("/properties/createMode").isMissingNode()).as("create-mode is never shown").isTrue();
        assertThat(http.call("GET", deleted, null).statusCode()).as("recovered: no longer deleted").isEqualTo(404);

        delete("w-soft");
        HttpResponse<String> purge = http.call("POST", PROVIDER + "/locations/westus/deletedWidgets/w-soft/purge"
                + V6, null);
        assertThat(purge.statusCode()).isEqualTo(202);
        assertThat(purge.headers().firstValue("Location")).isPresent();
        assertThat(widgets.await(purge).path("status").asText()).isEqualTo("Succeeded");
        assertThat(http.call("GET", deleted, null).statusCode()).isEqualTo(404);
        assertThat(http.call("POST", PROVIDER + "/locations/westus/deletedWidgets/w-soft/purge" + V6, null)
                .statusCode()).as("nothing left to purge").isEqualTo(404);
        create("w-soft", "{}"); // the name is free again

        create("w-hard", "{'enableSoftDelete':false}");
        delete("w-hard");
        assertThat(http.call("GET", PROVIDER + "/locations/westus/deletedWidgets/w-hard" + V6, null).statusCode())
                .as("soft delete off: nothing kept").isEqualTo(404);
        HttpResponse<String> nothing = http.call("PUT", base + "/w-none" + V6, "{'location':'westus',"
                + "'properties':{'createMode':'recover'}}");
        assertThat(nothing.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void aSingletonWithoutDeleteExistsWithItsParent() {
        create("w-single", "{}");
        String settings = base + "/w-single/settings";
        JsonNode initial = json(http.call("GET", settings + "/default" + V6, null));
        assertThat(initial.path("id").asText()).isEqualTo(settings + "/default");
        assertThat(initial.path("name").asText()).isEqualTo("default");
        assertThat(initial.at("/sku/name").asText()).as("the widget's SKU").isEqualTo("Standard");
        assertThat(json(http.call("GET", settings + V6, null)).path("value")).extracting(v -> v.path("name").asText())
                .containsExactly("default");
        HttpResponse<String> set = http.call("PUT", settings + "/default" + V6, "{'properties':{'retentionDays':30}}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(http.call("GET", settings + "/Default" + V6, null)).at("/properties/retentionDays").asInt())
                .isEqualTo(30);
        HttpResponse<String> other = http.call("PUT", settings + "/other" + V6, "{'properties':{}}");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).at("/error/code").asText()).isEqualTo("InvalidResourceName");
        HttpResponse<String> gone = http.call("DELETE", settings + "/default" + V6, null);
        assertThat(gone.statusCode()).isEqualTo(405);
        assertThat(gone.headers().firstValue("Allow").orElse("")).doesNotContain("DELETE");
        delete("w-single");
        assertThat(http.call("GET", settings + "/default" + V6, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void regeneratingAKeyChangesThatKeyOnlyAndNoReadShowsIt() {
        create("w-keys", "{}");
        JsonNode before = json(http.call("POST", base + "/w-keys/listKeys" + V6, null));
        HttpResponse<String> regenerated = http.call("POST", base + "/w-keys/regenerateKey" + V6,
                "{'keyName':'key2'}");
        assertThat(regenerated.statusCode()).isEqualTo(200);
        JsonNode after = json(http.call("POST", base + "/w-keys/listKeys" + V6, null));
        assertThat(json(regenerated)).as("the answer is the new list").isEqualTo(after);
        assertThat(after.at("/keys/0/value").asText()).isEqualTo(before.at("/keys/0/value").asText());
        assertThat(after.at("/keys/1/keyName").asText()).isEqualTo("key2");
        String key2 = after.at("/keys/1/value").asText();
        assertThat(key2).hasSize(88).isNotEqualTo(before.at("/keys/1/value").asText());
        assertThat(Instant.parse(after.at("/keys/1/creationTime").asText()))
                .isAfter(Instant.parse(before.at("/keys/1/creationTime").asText()));
        assertThat(json(http.call("POST", base + "/w-keys/listKeys" + V6, null))).isEqualTo(after);
        String read = http.call("GET", base + "/w-keys" + V6, null).body()
                + http.call("GET", base + V6, null).body();
        assertThat(read).doesNotContain(key2).doesNotContain("asyncops:stash");
        HttpResponse<String> unknown = http.call("POST", base + "/w-keys/regenerateKey" + V6, "{'keyName':'key9'}");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void whatTheProviderComputesFollowsWhatExists() {
        create("w-count", "{}");
        int widgetsInWestUs = json(http.call("GET", PROVIDER + "/widgets" + V6, null)).path("value").size();
        JsonNode usages = json(http.call("GET", PROVIDER + "/locations/westus/usages" + V6, null));
        assertThat(usages.at("/value/0/name/value").asText()).isEqualTo("Widgets");
        assertThat(usages.at("/value/0/currentValue").asInt()).isEqualTo(widgetsInWestUs).isPositive();
        assertThat(usages.at("/value/0/limit").asInt()).isEqualTo(250);
        assertThat(usages.at("/value/0/unit").asText()).isEqualTo("Count");
        assertThat(json(http.call("GET", PROVIDER + "/locations/eastus/usages" + V6, null))
                .at("/value/0/currentValue").asInt()).isZero();
        JsonNode skus = json(http.call("GET", PROVIDER + "/skus" + V6, null));
        assertThat(skus.findValuesAsText("name")).containsExactly("Basic_Small", "Basic_Large", "Standard_Small");
        assertThat(skus.findValuesAsText("tier")).containsExactly("Basic", "Basic", "Standard");
        JsonNode links = json(http.call("GET", base + "/w-count/privateLinkResources" + V6, null));
        assertThat(links.at("/value/0/id").asText()).isEqualTo(base + "/w-count/privateLinkResources/default");
        assertThat(links.at("/value/0/properties/groupId").asText()).isEqualTo("default");
        assertThat(http.call("GET", base + "/w-nowhere/privateLinkResources" + V6, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrongVerb = http.call("DELETE", base + "/w-count/privateLinkResources" + V6, null);
        assertThat(wrongVerb.statusCode()).isEqualTo(405);
        assertThat(wrongVerb.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    @Order(6)
    void anEditWithAnotherVerbChangesItsResource() {
        create("w-policies", "{}");
        String policies = base + "/w-policies/accessPolicies/";
        String entry = "{'tenantId':'72f988bf-86f1-41af-91ab-2d7cd011db47','objectId':'o1',"
                + "'permissions':{'keys':[%s]}}";
        HttpResponse<String> added = http.call("PUT", policies + "add" + V6, "{'properties':{'accessPolicies':["
                + entry.formatted("'get'") + "]}}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).path("name").asText()).isEqualTo("add");
        http.call("PUT", policies + "add" + V6, "{'properties':{'accessPolicies':[" + entry.formatted("'list'")
                + "]}}");
        JsonNode widget = json(http.call("GET", base + "/w-policies" + V6, null));
        assertThat(widget.at("/properties/accessPolicies").size()).isEqualTo(1);
        assertThat(widget.at("/properties/accessPolicies/0/permissions/keys").toString())
                .isEqualTo("[\"get\",\"list\"]");
        http.call("PUT", policies + "remove" + V6, "{'properties':{'accessPolicies':[" + entry.formatted("'get'")
                + "]}}");
        assertThat(json(http.call("GET", base + "/w-policies" + V6, null))
                .at("/properties/accessPolicies/0/permissions/keys").toString()).isEqualTo("[\"list\"]");
        http.call("PUT", policies + "replace" + V6, "{'properties':{'accessPolicies':[]}}");
        assertThat(json(http.call("GET", base + "/w-policies" + V6, null)).at("/properties/accessPolicies"))
                .isEmpty();
        HttpResponse<String> bogus = http.call("PUT", policies + "bogus" + V6, "{'properties':{'accessPolicies':[]}}");
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(json(bogus).at("/error/target").asText()).isEqualTo("operationKind");
    }

    @Test
    @Order(7)
    void aRegionalActionOfTheSameNameIsServedToo() {
        create("w-region", "{}");
        String regional = PROVIDER + "/locations/westus/checkNameAvailability" + V6;
        assertThat(json(http.call("POST", regional, "{'name':'w-region','type':'Contoso.Widgets/widgets'}"))
                .path("nameAvailable").asBoolean()).isFalse();
        assertThat(json(http.call("POST", regional, "{'name':'w-elsewhere','type':'Contoso.Widgets/widgets'}"))
                .path("nameAvailable").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void microsoftsLiveValidatorFindsNoErrorOnAnyExchange() throws Exception {
        assumeTrue(Oav.available(), "node is not installed: oav cannot run here");
        Path exchanges = work.resolve("widgets-exchanges.json");
        http.write(exchanges);
        Oav.Findings found = Oav.validate(WidgetsServer.SPECS.toAbsolutePath().normalize(), exchanges,
                "widgets/resource-manager/**/*.json");
        System.out.printf("oav on the widgets specs: %d exchanges on spec paths, %d with errors%n",
                found.matched(), found.failures().size());
        assertThat(found.failures()).as("exchanges oav finds errors in").isEmpty();
        assertThat(found.matched()).isGreaterThan(60);
    }
}
