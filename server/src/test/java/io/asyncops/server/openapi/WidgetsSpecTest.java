package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.TokenMinter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider served from a small spec of our own ({@code Contoso.Widgets}, in azure-rest-api-specs' layout, shared
 * with the loader's tests): every rule of the spec-driven types over real HTTP, independent of Azure's specs.
 */
class WidgetsSpecTest {
    static final Path SPECS = Path.of("..", "emulator", "src", "test", "resources", "openapi", "specification");
    static final String SUB = "00000000-0000-0000-0000-0000000000c1";
    static final String V = "?api-version=2024-01-01";
    static final String RG = "/subscriptions/" + SUB + "/resourcegroups/widgets-rg";
    static final String WIDGETS = "/subscriptions/" + SUB
            + "/resourceGroups/widgets-rg/providers/Contoso.Widgets/widgets";

    @TempDir
    static Path data;
    static AsyncOpsServer server;
    static Recorder http;

    @BeforeAll
    static void start() {
        server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data).timeScale(0.01)
                .retryAfterFloor(Duration.ofSeconds(1)).shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane())
                .addSpec(SPECS.resolve("widgets"))
                .build());
        http = new Recorder(HttpClient.newHttpClient(), server.httpUri().toString(),
                TokenMinter.forDataDir(data).mint("widgets", List.of(SUB), Duration.ofHours(1)));
        assertThat(http.call("PUT", RG + "?api-version=2022-09-01", "{'location':'westus'}").statusCode())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) {
        return Recorder.parse(r.body());
    }

    static HttpResponse<String> put(String name, String body) {
        return http.call("PUT", WIDGETS + "/" + name + V, body);
    }

    /** Polls a status monitor to its end. */
    static JsonNode await(HttpResponse<String> started) {
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = json(http.call("GET", status, null));
            return !"InProgress".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    static HttpResponse<String> create(String name) {
        HttpResponse<String> r = put(name, "{'location':'westus','properties':{'zone':'1'}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(await(r).path("status").asText()).isEqualTo("Succeeded");
        return r;
    }

    @Test
    void aLongRunningPutAnswers201WithTheResourceCreatingThenSucceeds() {
        HttpResponse<String> r = put("w-create", "{'location':'westus','tags':{'a':'b'},'sku':{'name':'Basic'},"
                + "'properties':{'color':'purple','adminPassword':'Secret!1','zone':'1','createdOn':'1999-01-01'}}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Azure-AsyncOperation")).isPresent();
        assertThat(r.headers().firstValue("Location")).isEmpty(); // final-state-via azure-async-operation
        assertThat(json(r).at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(await(r).path("status").asText()).isEqualTo("Succeeded");
        JsonNode w = json(http.call("GET", WIDGETS + "/w-create" + V, null));
        assertThat(w.path("id").asText()).isEqualTo(WIDGETS + "/w-create");
        assertThat(w.path("type").asText()).isEqualTo("Contoso.Widgets/widgets");
        assertThat(w.path("location").asText()).isEqualTo("westus");
        assertThat(w.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(w.at("/properties/color").asText()).isEqualTo("purple"); // modelAsString: any value
        assertThat(w.at("/properties/adminPassword").isMissingNode()).as("x-ms-secret never returned").isTrue();
        assertThat(w.at("/properties/createdOn").asText()).as("readOnly input ignored, the server's own value")
                .isNotEqualTo("1999-01-01").startsWith("20");
        assertThat(w.at("/properties/endpoints/primary").asText()).isEqualTo("https://w-create.widgets.azure.net/");
        assertThat(w.at("/systemData/createdBy").asText()).isEqualTo("widgets");
    }

    @Test
    void invalidBodiesAndNamesAre400NamingWhatIsWrongAndStoreNothing() {
        HttpResponse<String> shape = put("w-invalid", "{'location':'westus','properties':{'shape':'oval'}}");
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(json(shape).at("/error/code").asText()).isEqualTo("InvalidParameter");
        assertThat(json(shape).at("/error/target").asText()).isEqualTo("properties.shape");
        assertThat(put("w-invalid", "{'properties':{}}").statusCode()).isEqualTo(400);
        assertThat(json(put("w-invalid", "{'location':'westus','sku':{'name':'Basic','capacity':99}}"))
                .at("/error/target").asText()).isEqualTo("sku.capacity");
        assertThat(http.call("GET", WIDGETS + "/w-invalid" + V, null).statusCode()).isEqualTo(404);
        HttpResponse<String> name = put("Bad_Name", "{'location':'westus'}");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(json(name).at("/error/code").asText()).isEqualTo("InvalidResourceName");
        assertThat(json(name).at("/error/target").asText()).isEqualTo("widgetName");
    }

    @Test
    void createOnlyPropertiesAreRefusedOnUpdateAndASynchronousPatchMerges() {
        create("w-update");
        HttpResponse<String> moved = put("w-update", "{'location':'westus','properties':{'zone':'2'}}");
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(json(moved).at("/error/code").asText()).isEqualTo("PropertyChangeNotAllowed");
        assertThat(json(moved).at("/error/target").asText()).isEqualTo("properties.zone");
        HttpResponse<String> patched = http.call("PATCH", WIDGETS + "/w-update" + V, "{'tags':{'env':'test'}}");
        assertThat(patched.statusCode()).isEqualTo(200); // not marked long-running: synchronous
        assertThat(json(patched).at("/tags/env").asText()).isEqualTo("test");
        assertThat(json(patched).at("/properties/zone").asText()).isEqualTo("1");
    }

    @Test
    void actionsAnswerFromTheirSchemaAndNameAvailabilityReflectsTheStore() {
        create("w-act");
        JsonNode keys = json(http.call("POST", WIDGETS + "/w-act/listKeys" + V, null));
        assertThat(keys.at("/keys/0/keyName").asText()).isEqualTo("key1");
        assertThat(json(http.call("POST", WIDGETS + "/w-act/listKeys" + V, null))).isEqualTo(keys);
        HttpResponse<String> restart = http.call("POST", WIDGETS + "/w-act/restart" + V, null);
        assertThat(restart.statusCode()).isEqualTo(202);
        assertThat(restart.headers().firstValue("Location")).isPresent();
        assertThat(await(restart).path("status").asText()).isEqualTo("Succeeded");
        String check = "/subscriptions/" + SUB + "/providers/Contoso.Widgets/checkNameAvailability" + V;
        JsonNode taken = json(http.call("POST", check, "{'name':'w-act','type':'Contoso.Widgets/widgets'}"));
        assertThat(taken.path("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.path("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(json(http.call("POST", check, "{'name':'w-free','type':'Contoso.Widgets/widgets'}"))
                .path("nameAvailable").asBoolean()).isTrue();
        JsonNode invalid = json(http.call("POST", check, "{'name':'No_Good','type':'Contoso.Widgets/widgets'}"));
        assertThat(invalid.path("nameAvailable").asBoolean()).isFalse();
        assertThat(invalid.path("reason").asText()).isEqualTo("Invalid");
    }

    @Test
    void listsPageWithNextLinkAndAFaultTagFailsTheOperation() {
        create("w-list-1");
        create("w-list-2");
        List<String> names = new ArrayList<>();
        String next = WIDGETS + V + "&$top=1";
        int pages = 0;
        while (next != null && pages++ < 50) {
            JsonNode page = json(http.call("GET", next, null));
            page.path("value").forEach(w -> names.add(w.path("name").asText()));
            next = page.hasNonNull("nextLink") ? page.path("nextLink").asText() : null;
        }
        assertThat(names).contains("w-list-1", "w-list-2");
        assertThat(pages).isGreaterThan(1);
        JsonNode bySubscription = json(http.call("GET", "/subscriptions/" + SUB
                + "/providers/Contoso.Widgets/widgets" + V, null));
        assertThat(bySubscription.findValuesAsText("name")).contains("w-list-1");
        HttpResponse<String> faulty = put("w-fault", "{'location':'westus','tags':{'asyncops-fault':'WidgetJam'}}");
        JsonNode failed = await(faulty);
        assertThat(failed.path("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("WidgetJam");
    }

    @Test
    void deletingIsLongRunningAndAMissingGroupIsTheParentNotFound() {
        create("w-delete");
        HttpResponse<String> deleting = http.call("DELETE", WIDGETS + "/w-delete" + V, null);
        assertThat(deleting.statusCode()).isEqualTo(202);
        assertThat(deleting.headers().firstValue("Location")).isPresent();
        assertThat(await(deleting).path("status").asText()).isEqualTo("Succeeded");
        assertThat(http.call("GET", WIDGETS + "/w-delete" + V, null).statusCode()).isEqualTo(404);
        HttpResponse<String> orphan = http.call("PUT", "/subscriptions/" + SUB
                + "/resourceGroups/nowhere/providers/Contoso.Widgets/widgets/w-orphan" + V, "{'location':'westus'}");
        assertThat(orphan.statusCode()).isEqualTo(404);
        assertThat(json(orphan).at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void theProviderIsRegisteredWithItsTypesNextToTheBuiltInOnes() {
        HttpResponse<String> one = http.call("GET", "/subscriptions/" + SUB + "/providers/contoso.widgets"
                + "?api-version=2022-09-01", null);
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode provider = json(one);
        assertThat(provider.path("namespace").asText()).isEqualTo("Contoso.Widgets");
        assertThat(provider.path("registrationState").asText()).isEqualTo("Registered");
        assertThat(provider.at("/resourceTypes/0/resourceType").asText()).isEqualTo("widgets");
        assertThat(provider.at("/resourceTypes/0/apiVersions/0").asText()).isEqualTo("2024-01-01");
        JsonNode all = json(http.call("GET", "/subscriptions/" + SUB + "/providers?api-version=2022-09-01", null));
        assertThat(all.findValuesAsText("namespace")).contains("Contoso.Widgets", "Microsoft.Sql",
                "Microsoft.Resources");
        assertThat(http.call("GET", "/subscriptions/" + SUB + "/providers/Contoso.Gadgets?api-version=2022-09-01",
                null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSpecThatCannotBeLoadedFailsStartUpNamingFilePointerAndReason(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"swagger\":\"2.0\",\"info\":{\"version\":\"2024-01-01\"},\"paths\":{},"
                + "\"definitions\":{\"Thing\":{\"$ref\":\"./missing.json#/definitions/Other\"}}}");
        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> AsyncOpsServer.start(
                ServerConfig.builder().httpPort(0).dataDir(dir.resolve("data")).addPlane(new ArmPlane())
                        .addSpec(broken).build()));
        assertThat(e).hasMessageContaining(broken + "#/definitions/Thing/$ref")
                .hasMessageContaining("./missing.json#/definitions/Other").hasMessageContaining("does not exist");
    }
}
