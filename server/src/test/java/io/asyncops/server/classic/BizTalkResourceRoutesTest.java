package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.OTHER_SUB;
import static io.asyncops.server.classic.ClassicClient.SUB;
import static io.asyncops.server.classic.ClassicClient.XML;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.classic.BizTalkResource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create, read, restart and delete of BizTalk Services deployments, and every synchronous refusal. */
class BizTalkResourceRoutesTest {
    @TempDir
    static Path data;
    static ClassicClient classic;

    @BeforeAll
    static void start() {
        classic = ClassicClient.fast(data);
    }

    @AfterAll
    static void stop() {
        classic.close();
    }

    private HttpResponse<String> post(String cloudService, String name, String query) {
        return classic.send(classic.request(ClassicClient.base(SUB, cloudService) + "/~/biztalk/" + name + query)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> delete(String cloudService, String name) {
        return classic.send(classic.request(ClassicClient.resource(SUB, cloudService, name)).DELETE());
    }

    @Test
    void aDeploymentIsCreatingThenActiveWithItsSettingsTagsAndUrl() {
        String name = ClassicClient.unique("res");
        String xml = "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name>"
                + "<Type>biztalk</Type><Plan>Premium</Plan><SchemaVersion>1.0</SchemaVersion><IntrinsicSettings>"
                + "<Edition>premium</Edition><Region>westeurope</Region></IntrinsicSettings><Tags><Tag><Key>env</Key>"
                + "<Value>a &amp; b</Value></Tag></Tags></Resource>";
        HttpResponse<String> put = classic.put(ClassicClient.resource(SUB, "cs-res", name), xml);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        String handle = put.headers().firstValue("x-ms-request-id").orElseThrow();

        HttpResponse<String> creating = classic.get(ClassicClient.resource(SUB, "cs-res", name));
        assertThat(creating.statusCode()).isEqualTo(200);
        assertThat(creating.headers().firstValue("ETag")).isPresent();
        BizTalkResource during = ClassicClient.resource(creating);
        assertThat(during.state()).isIn("Creating", "Active");

        classic.awaitEnd("cs-res", name, handle);
        HttpResponse<String> active = classic.get(ClassicClient.resource(SUB, "cs-res", name));
        assertThat(active.body()).startsWith("<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>"
                + name + "</Name><Type>biztalk</Type><Plan>Premium</Plan>");
        BizTalkResource r = ClassicClient.resource(active);
        assertThat(r.state()).isEqualTo("Active");
        assertThat(r.intrinsicSettings()).isEqualTo(new BizTalkResource.IntrinsicSettings("Premium", "West Europe"));
        assertThat(r.operationStatus()).isEqualTo(new BizTalkResource.LastOperation("Create", "Succeeded", null));
        assertThat(r.tagList()).containsExactly(new BizTalkResource.KeyValue("env", "a & b"));
        assertThat(r.outputItemList()).containsExactly(new BizTalkResource.KeyValue("ServiceUrl",
                "https://" + name + ".biztalk.windows.net/default/"));
        assertThat(r.etag()).isNotEqualTo(during.etag());
        assertThat(classic.get(ClassicClient.base(SUB, "cs-res") + "/~/biztalk/" + name).body())
                .as("the ~/ form reads the same deployment").contains("<Name>" + name + "</Name>");
    }

    @Test
    void aFailedCreateLeavesAFailedDeploymentThatCanBeDeleted() {
        String name = ClassicClient.unique("bad");
        String handle = classic.create("cs-res", name, "Basic", "QuotaExceeded");
        assertThat(classic.awaitEnd("cs-res", name, handle).result()).isEqualTo("Failed");
        BizTalkResource r = ClassicClient.resource(classic.get(ClassicClient.resource(SUB, "cs-res", name)));
        assertThat(r.state()).isEqualTo("Failed");
        assertThat(r.operationStatus().result()).isEqualTo("Failed");
        assertThat(r.operationStatus().error().extendedCode()).isEqualTo("QuotaExceeded");
        assertThat(r.tagList()).as("the fault tag is not kept").isEmpty();
        ClassicClient.error(post("cs-res", name, "?comp=restart"), 409, "ConflictError");
        HttpResponse<String> delete = delete("cs-res", name);
        assertThat(delete.statusCode()).isEqualTo(202);
        classic.awaitEnd("cs-res", name, delete.headers().firstValue("x-ms-request-id").orElseThrow());
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-res", name)), 404, "ResourceNotFound");
    }

    @Test
    void aTakenNameIsAConflictHereAndInAnyOtherSubscription() {
        String name = ClassicClient.unique("dup");
        classic.awaitEnd("cs-res", name, classic.create("cs-res", name, "Standard", null));
        assertThat(ClassicClient.error(classic.put(ClassicClient.resource(SUB, "cs-res", name),
                ClassicClient.body(name, "Standard", null)), 409, "ConflictError").message())
                .contains("already exists");
        assertThat(ClassicClient.error(classic.put(ClassicClient.resource(SUB, "cs-elsewhere", name.toUpperCase()),
                ClassicClient.body(name, "Standard", null)), 409, "ConflictError").message())
                .contains("not available");
        String token = classic.server().token(List.of(OTHER_SUB));
        HttpResponse<String> theirs = classic.send(classic.request(ClassicClient.resource(OTHER_SUB, "cs-x", name))
                .setHeader("Authorization", "Bearer " + token).header("Content-Type", XML)
                .PUT(HttpRequest.BodyPublishers.ofString(ClassicClient.body(name, "Standard", null))));
        assertThat(ClassicClient.error(theirs, 409, "ConflictError").message()).contains("unique across Azure")
                .doesNotContain(SUB).doesNotContain("cs-res");
    }

    @Test
    void aSecondActionWhileOneRunsIsAConflict() {
        String name = ClassicClient.unique("busy");
        classic.create("cs-res", name, "Standard", null);
        HttpResponse<String> restart = post("cs-res", name, "?comp=restart");
        assertThat(restart.statusCode()).isEqualTo(409);
        assertThat(restart.body()).startsWith("<Error");
        HttpResponse<String> delete = delete("cs-res", name);
        assertThat(delete.statusCode()).isEqualTo(409);
    }

    @Test
    void actionsOnAMissingDeploymentAre404() {
        ClassicClient.error(post("cs-res", "missing-one", "?comp=restart"), 404, "ResourceNotFound");
        ClassicClient.error(delete("cs-res", "missing-one"), 404, "ResourceNotFound");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-res", "missing-one")), 404,
                "ResourceNotFound");
    }

    @Test
    void aPostNeedsASupportedComp() {
        String name = ClassicClient.unique("comp");
        ClassicClient.error(post("cs-res", name, ""), 400, "MissingOrInvalidRequiredQueryParameter");
        assertThat(ClassicClient.error(post("cs-res", name, "?comp=suspend"), 400,
                "MissingOrInvalidRequiredQueryParameter").message()).contains("comp=restart");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameOperation() {
        String name = ClassicClient.unique("idem");
        HttpRequest.Builder put = classic.request(ClassicClient.resource(SUB, "cs-res", name))
                .header("Content-Type", XML).header("Idempotency-Key", "retry-" + name)
                .PUT(HttpRequest.BodyPublishers.ofString(ClassicClient.body(name, "Basic", null)));
        HttpResponse<String> first = classic.send(put);
        HttpResponse<String> second = classic.send(put);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
        assertThat(second.headers().firstValue("x-ms-request-id"))
                .isEqualTo(first.headers().firstValue("x-ms-request-id"));
    }

    @Test
    void aClientRequestIdIsNotAnIdempotencyKey() {
        String name = ClassicClient.unique("corr");
        HttpRequest.Builder put = classic.request(ClassicClient.resource(SUB, "cs-res", name))
                .header("Content-Type", XML).header("x-ms-client-request-id", "pinned-" + name)
                .PUT(HttpRequest.BodyPublishers.ofString(ClassicClient.body(name, "Basic", null)));
        HttpResponse<String> first = classic.send(put);
        HttpResponse<String> second = classic.send(put);
        assertThat(first.statusCode()).isEqualTo(202);
        // not the same operation again: a second create of the same service while the first runs
        ClassicClient.error(second, 409, "ConflictError");
        assertThat(second.headers().firstValue("x-ms-client-request-id")).contains("pinned-" + name);
    }

    @Test
    void otherVerbsAre405WithAllow() {
        HttpResponse<String> patch = classic.send(classic.request(ClassicClient.resource(SUB, "cs-res", "someservice"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        ClassicClient.error(patch, 405, "InvalidHttpVerb");
        assertThat(patch.headers().firstValue("Allow")).contains("GET, PUT, POST, DELETE");
        HttpResponse<String> delete = classic.send(classic.request("/" + SUB + "/operations/abc").DELETE());
        ClassicClient.error(delete, 405, "InvalidHttpVerb");
        assertThat(delete.headers().firstValue("Allow")).contains("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "a23456789012345678901", "1startswithdigit", "has_underscore"})
    void badResourceNamesAreRefused(String name) {
        ClassicClient.error(classic.put(ClassicClient.resource(SUB, "cs-res", name), ClassicClient.body(name, "Basic",
                null)), 400, "InvalidResourceName");
    }

    @Test
    void cloudServiceNamesHaveUpTo64Characters() {
        String ok = "c" + "s".repeat(63);
        String name = ClassicClient.unique("cs64");
        assertThat(classic.put(ClassicClient.resource(SUB, ok, name), ClassicClient.body(name, "Basic", null))
                .statusCode()).isEqualTo(202);
        String tooLong = ok + "x";
        ClassicClient.error(classic.put(ClassicClient.resource(SUB, tooLong, ClassicClient.unique("cs65")),
                ClassicClient.body(name, "Basic", null)), 400, "InvalidCloudServiceName");
    }

    @Test
    void badEditionsRegionsAndBodiesAreRefusedAndCreateNothing() {
        String name = ClassicClient.unique("val");
        String path = ClassicClient.resource(SUB, "cs-res", name);
        ClassicClient.error(classic.put(path, ClassicClient.body(name, "Gold", null)), 400, "InvalidEdition");
        ClassicClient.error(classic.put(path, ClassicClient.body(name, "Basic", null).replace("West US", "Moon")), 400,
                "InvalidRegion");
        ClassicClient.error(classic.put(path, ClassicClient.body("othername1", "Basic", null)), 400, "BadRequest");
        ClassicClient.error(classic.put(path, ClassicClient.body(name, "Basic", "not a code")), 400, "InvalidTag");
        ClassicClient.error(classic.get(path), 404, "ResourceNotFound");
    }
}
