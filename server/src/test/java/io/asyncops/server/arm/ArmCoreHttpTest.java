package io.asyncops.server.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.Work;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one generic ARM route over real HTTPS: conditional requests and etags on every resource, identical concurrent
 * resource group PUTs, the Microsoft.Sql operations the 2021-11-01 spec declares beyond the first ones (database
 * PATCH, checkNameAvailability), paged lists, 405s, and a type of the test's own registered through
 * {@code ServerConfig} (PUT answering 201 with the resource, real work in its hook, a synchronous action).
 */
class ArmCoreHttpTest {
    static final String SUB = TestServer.SUB;
    static final String SQL = "?api-version=2021-11-01";
    static final String GROUPS = "?api-version=2025-04-01";
    static final String WIDGETS_API = "?api-version=2024-01-01";
    static final String SERVER_BODY = "{'location':'westus','properties':{'administratorLogin':'sqladmin',"
            + "'administratorLoginPassword':'Str0ng!Passw0rd','version':'12.0'}}";

    /** A type of the test's own: its PUT counts the words of {@code properties.text} while it runs. */
    static final ResourceType WIDGETS = ResourceType.builder("Test.Widgets/widgets", "/subscriptions/{subscriptionId}"
                    + "/resourceGroups/{resourceGroupName}/providers/Test.Widgets/widgets/{widgetName}")
            .apiVersions("2024-01-01")
            .put(VerbStyle.createdOrOk(Duration.ofSeconds(10)))
            .delete(VerbStyle.accepted(Duration.ofSeconds(5)))
            .etagInBody(true)
            .action("count", VerbStyle.synchronous(), context -> Json.mapper().createObjectNode()
                    .put("words", context.target().body().at("/properties/words").asInt()))
            .hooks(new ResourceHooks() {
                @Override
                public ObjectNode provision(Work work) throws Exception {
                    work.simulate();
                    ObjectNode body = work.desired();
                    String text = body.at("/properties/text").asText("");
                    body.withObjectProperty("properties").put("words", text.isBlank() ? 0
                            : text.trim().split("\\s+").length);
                    return body;
                }
            })
            .build();

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, b -> b.timeScale(0.02).addPlane(new ArmPlane()).addResourceType(WIDGETS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String group(String rg) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + rg;
    }

    static String sqlServer(String rg, String name) {
        return group(rg) + "/providers/Microsoft.Sql/servers/" + name;
    }

    static HttpResponse<String> call(String method, String pathAndQuery, String body, String... headers) {
        URI uri = pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : server.https(pathAndQuery);
        HttpRequest.Builder b = server.request(uri);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.replace('\'', '"')));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return server.send(b);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
    }

    static void isPreconditionFailed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(412);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("PreconditionFailed");
    }

    String newGroup() {
        String rg = unique("rg");
        assertThat(call("PUT", group(rg) + GROUPS, "{'location':'westus'}").statusCode()).isEqualTo(201);
        return rg;
    }

    JsonNode runToEnd(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isIn(200, 201, 202);
        return server.awaitTerminal(started.headers().firstValue("Azure-AsyncOperation").orElseThrow());
    }

    @Test
    void everyResourceHasAnEtagAndWritesHonourIfMatchAndIfNoneMatch() {
        String rg = unique("rg");
        HttpResponse<String> created = call("PUT", group(rg) + GROUPS, "{'location':'westus'}");
        assertThat(created.statusCode()).isEqualTo(201);
        String first = etag(created);
        assertThat(etag(call("GET", group(rg) + GROUPS, null))).isEqualTo(first);

        isPreconditionFailed(call("PUT", group(rg) + GROUPS, "{'location':'westus'}", "If-Match", "\"nope\""));
        isPreconditionFailed(call("PUT", group(rg) + GROUPS, "{'location':'westus'}", "If-None-Match", "*"));
        isPreconditionFailed(call("DELETE", group(rg) + GROUPS, null, "If-Match", "\"nope\""));
        assertThat(call("HEAD", group(rg) + GROUPS, null).statusCode()).as("nothing changed").isEqualTo(204);
        assertThat(etag(call("GET", group(rg) + GROUPS, null))).isEqualTo(first);

        HttpResponse<String> updated = call("PUT", group(rg) + GROUPS, "{'location':'westus','tags':{'a':'b'}}",
                "If-Match", first);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(etag(updated)).isNotEqualTo(first);
        assertThat(call("PUT", group(rg) + GROUPS, "{'location':'westus'}", "If-Match", "*").statusCode())
                .isEqualTo(200);
        String fresh = unique("rg");
        isPreconditionFailed(call("PUT", group(fresh) + GROUPS, "{'location':'westus'}", "If-Match", "*"));
        assertThat(call("PUT", group(fresh) + GROUPS, "{'location':'westus'}", "If-None-Match", "*").statusCode())
                .isEqualTo(201);

        String name = unique("etag");
        HttpResponse<String> accepted = call("PUT", sqlServer(rg, name) + SQL, SERVER_BODY);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String atSubmit = etag(accepted);
        assertThat(etag(call("GET", sqlServer(rg, name) + SQL, null))).isEqualTo(atSubmit);
        assertThat(runToEnd(accepted).path("status").asText()).isEqualTo("Succeeded");
        String atEnd = etag(call("GET", sqlServer(rg, name) + SQL, null));
        assertThat(atEnd).as("a write that ended changed the etag").isNotEqualTo(atSubmit);
        isPreconditionFailed(call("PATCH", sqlServer(rg, name) + SQL, "{'tags':{'x':'y'}}", "If-Match", atSubmit));
        HttpResponse<String> patched = call("PATCH", sqlServer(rg, name) + SQL, "{'tags':{'x':'y'}}",
                "If-Match", atEnd);
        assertThat(runToEnd(patched).path("status").asText()).isEqualTo("Succeeded");
        isPreconditionFailed(call("DELETE", sqlServer(rg, name) + SQL, null, "If-Match", atEnd));
        isPreconditionFailed(call("PUT", sqlServer(rg, name) + "/firewallRules/r" + SQL,
                "{'properties':{'startIpAddress':'0.0.0.0','endIpAddress':'0.0.0.0'}}", "If-Match", "*"));
    }

    @Test
    void identicalConcurrentResourceGroupPutsAllSucceedAndExactlyOneCreates() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            for (int round = 0; round < 5; round++) {
                String rg = unique("race");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return call("PUT", group(rg) + GROUPS, "{'location':'westus','tags':{'k':'v'}}")
                                .statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round " + round).allMatch(s -> s == 200 || s == 201);
                assertThat(statuses.stream().filter(s -> s == 201).count()).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void databasePatchAndCheckNameAvailabilityAnswerAsTheSpecSays() {
        String rg = newGroup();
        String name = unique("avail");
        String check = "/subscriptions/" + SUB + "/providers/Microsoft.Sql/checkNameAvailability" + SQL;
        String ask = "{'name':'" + name + "','type':'Microsoft.Sql/servers'}";
        JsonNode free = json(call("POST", check, ask));
        assertThat(free.path("available").asBoolean()).isTrue();
        assertThat(free.path("name").asText()).isEqualTo(name);
        JsonNode invalid = json(call("POST", check, "{'name':'Not_Valid','type':'Microsoft.Sql/servers'}"));
        assertThat(invalid.path("available").asBoolean()).isFalse();
        assertThat(invalid.path("reason").asText()).isEqualTo("Invalid");
        assertThat(call("POST", check, "{'type':'Microsoft.Sql/servers'}").statusCode()).isEqualTo(400);

        assertThat(runToEnd(call("PUT", sqlServer(rg, name) + SQL, SERVER_BODY)).path("status").asText())
                .isEqualTo("Succeeded");
        JsonNode taken = json(call("POST", check, ask));
        assertThat(taken.path("available").asBoolean()).isFalse();
        assertThat(taken.path("reason").asText()).isEqualTo("AlreadyExists");

        String db = sqlServer(rg, name) + "/databases/patched";
        assertThat(runToEnd(call("PUT", db + SQL, "{'location':'westus','sku':{'name':'S0'}}")).path("status")
                .asText()).isEqualTo("Succeeded");
        HttpResponse<String> patch = call("PATCH", db + SQL, "{'sku':{'name':'S2'},'tags':{'stage':'two'}}");
        assertThat(patch.statusCode()).isEqualTo(202);
        assertThat(patch.headers().firstValue("Location")).isPresent();
        JsonNode done = runToEnd(patch);
        assertThat(done.path("status").asText()).isEqualTo("Succeeded");
        assertThat(done.at("/properties/sku/name").asText()).isEqualTo("S2");
        JsonNode read = json(call("GET", db + SQL, null));
        assertThat(read.at("/sku/name").asText()).isEqualTo("S2");
        assertThat(read.at("/tags/stage").asText()).isEqualTo("two");
        assertThat(read.at("/properties/status").asText()).isEqualTo("Online");
        assertThat(call("PATCH", sqlServer(rg, name) + "/databases/none" + SQL, "{'tags':{}}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void listsPageWithNextLinkAndUnknownVerbsAre405() {
        String rg = newGroup();
        String name = unique("pages");
        runToEnd(call("PUT", sqlServer(rg, name) + SQL, SERVER_BODY));
        for (String rule : List.of("a", "b", "c")) {
            assertThat(call("PUT", sqlServer(rg, name) + "/firewallRules/" + rule + SQL,
                    "{'properties':{'startIpAddress':'10.0.0.1','endIpAddress':'10.0.0.2'}}").statusCode())
                    .isEqualTo(201);
        }
        JsonNode first = json(call("GET", sqlServer(rg, name) + "/firewallRules" + SQL + "&$top=2", null));
        assertThat(first.path("value")).hasSize(2);
        String next = first.path("nextLink").asText();
        assertThat(next).startsWith(server.https("/").toString()).contains("api-version=2021-11-01");
        JsonNode second = json(call("GET", next, null));
        assertThat(second.path("value")).hasSize(1);
        assertThat(second.has("nextLink")).isFalse();
        List<String> names = new ArrayList<>();
        first.path("value").forEach(v -> names.add(v.path("name").asText()));
        second.path("value").forEach(v -> names.add(v.path("name").asText()));
        assertThat(names).containsExactly("a", "b", "c");
        assertThat(call("GET", sqlServer(rg, name) + "/firewallRules" + SQL + "&$top=0", null).statusCode())
                .isEqualTo(400);

        HttpResponse<String> patchGroup = call("PATCH", group(rg) + GROUPS, "{'tags':{}}");
        assertThat(patchGroup.statusCode()).isEqualTo(405);
        assertThat(patchGroup.headers().firstValue("Allow").orElseThrow()).contains("PUT").contains("DELETE");
        assertThat(call("DELETE", sqlServer(rg, name) + "/firewallRules" + SQL, null).statusCode()).isEqualTo(405);
    }

    @Test
    void aTypeOfOurOwnAnswers201WithTheResourceThenDoesItsWork() {
        String rg = newGroup();
        String widget = group(rg) + "/providers/Test.Widgets/widgets/" + unique("w");
        HttpResponse<String> created = call("PUT", widget + WIDGETS_API,
                "{'location':'westus','properties':{'text':'one two three'}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(body.path("etag").asText()).isEqualTo(etag(created));
        assertThat(created.headers().firstValue("Azure-AsyncOperation").orElseThrow())
                .contains("/providers/Test.Widgets/locations/westus/operationStatuses/");
        assertThat(created.headers().firstValue("Location")).as("final state at the original URI").isEmpty();

        assertThat(runToEnd(created).path("status").asText()).isEqualTo("Succeeded");
        JsonNode read = json(call("GET", widget + WIDGETS_API, null));
        assertThat(read.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(read.at("/properties/words").asInt()).isEqualTo(3);
        assertThat(json(call("POST", widget + "/count" + WIDGETS_API, null)).path("words").asInt()).isEqualTo(3);
        assertThat(call("GET", widget.replace("/providers/Test.Widgets/widgets/", "/PROVIDERS/test.widgets/WIDGETS/")
                + WIDGETS_API, null).statusCode()).as("fixed segments without case").isEqualTo(200);
        assertThat(json(call("GET", group(rg) + "/providers/Test.Widgets/widgets" + WIDGETS_API, null))
                .path("value")).hasSize(1);

        HttpResponse<String> updated = call("PUT", widget + WIDGETS_API, "{'location':'westus','properties':"
                + "{'text':'four'}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).at("/properties/provisioningState").asText()).isEqualTo("Updating");
        runToEnd(updated);
        assertThat(json(call("GET", widget + WIDGETS_API, null)).at("/properties/words").asInt()).isEqualTo(1);

        assertThat(runToEnd(call("DELETE", group(rg) + GROUPS, null)).path("status").asText()).isEqualTo("Succeeded");
        assertThat(call("GET", widget + WIDGETS_API, null).statusCode()).isEqualTo(404);
    }
}
