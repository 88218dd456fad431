package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.SUB;
import static io.asyncops.server.classic.ClassicClient.XML;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementOperation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed "Poll on an Async Operation on BizTalk Service", as written: a create answers 202 with the handle in
 * {@code x-ms-request-id}; {@code GET .../~/biztalk/{name}?OperationStatus/{request-id}} (and the form without
 * {@code ~/}) answers 202 with {@code <OperationStatus>} until the operation ends; a failure carries
 * {@code <Error><HttpCode/><Message/><ExtendedCode/></Error>}; Get Operation Status shows the same operation.
 */
class SeedPollingTest {
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

    @Test
    void aCreateIsPolledByItsRequestIdUntilItSucceeds() {
        String name = ClassicClient.unique("seed");
        String handle = classic.create("mycloudservice1", name, "Standard", null);
        assertThat(handle).matches("[0-9a-f-]{36}");

        HttpResponse<String> first = classic.send(classic.request(ClassicClient.poll(SUB, "mycloudservice1", name,
                handle)).header("Content-Type", XML).header("x-ms-client-request-id", "seed-poll-1").GET());
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(ct ->
                assertThat(ct).startsWith("application/xml"));
        assertThat(first.headers().firstValue("x-ms-request-id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f-]{36}").isNotEqualTo(handle));
        assertThat(first.headers().firstValue("x-ms-client-request-id")).contains("seed-poll-1");
        assertThat(first.body()).startsWith("<OperationStatus xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<Result>");
        assertThat(ClassicClient.status(first).result()).isIn("InProgress", "Succeeded");

        ClassicOperationStatus end = classic.awaitEnd("mycloudservice1", name, handle);
        assertThat(end).isEqualTo(new ClassicOperationStatus("Succeeded", null));
        HttpResponse<String> again = classic.get(ClassicClient.poll(SUB, "mycloudservice1", name, handle));
        assertThat(again.body()).isEqualTo("<OperationStatus xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<Result>Succeeded</Result></OperationStatus>");
        assertThat(again.headers().firstValue("Retry-After")).as("no Retry-After once terminal").isEmpty();
    }

    @Test
    void theSeedsOwnExampleUrlWithoutTildeWorksToo() {
        String name = ClassicClient.unique("seed");
        String handle = classic.create("mycloudservice1", name, "Premium", null);
        String url = ClassicClient.base(SUB, "mycloudservice1") + "/biztalk/" + name + "?OperationStatus/" + handle;
        HttpResponse<String> r = classic.get(url);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(ClassicClient.status(r).result()).isIn("InProgress", "Succeeded");
        classic.awaitEnd("mycloudservice1", name, handle);
        assertThat(ClassicClient.status(classic.get(url)).result()).isEqualTo("Succeeded");
    }

    @Test
    void theFaultTagEndsTheOperationFailedWithTheExtendedCode() {
        String name = ClassicClient.unique("fail");
        String handle = classic.create("mycloudservice1", name, "Basic", "SomeErrorCode");
        ClassicOperationStatus end = classic.awaitEnd("mycloudservice1", name, handle);
        assertThat(end.result()).isEqualTo("Failed");
        assertThat(end.error().httpCode()).isEqualTo(400);
        assertThat(end.error().extendedCode()).isEqualTo("SomeErrorCode");
        assertThat(end.error().message()).contains("SomeErrorCode").contains(name);

        HttpResponse<String> op = classic.get("/" + SUB + "/operations/" + handle);
        assertThat(op.statusCode()).isEqualTo(200);
        assertThat(op.body()).startsWith("<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>"
                + handle + "</ID><Status>Failed</Status><HttpStatusCode>400</HttpStatusCode><Error><Code>"
                + "SomeErrorCode</Code><Message>");
        ServiceManagementOperation doc = ClassicClient.operation(op);
        assertThat(doc.error().message()).isEqualTo(end.error().message());
    }

    @Test
    void getOperationStatusShowsASucceededCreate() {
        String name = ClassicClient.unique("gos");
        String handle = classic.create("cs-gos", name, "Developer", null);
        classic.awaitEnd("cs-gos", name, handle);
        HttpResponse<String> r = classic.send(classic.request("/" + SUB + "/operations/" + handle)
                .header("x-ms-version", "2009-10-01").GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct ->
                assertThat(ct).startsWith("application/xml"));
        assertThat(r.body()).isEqualTo("<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>" + handle
                + "</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode></Operation>");
    }

    @Test
    void restartAndDeleteAreOperationsPolledTheSameWay() {
        String name = ClassicClient.unique("life");
        classic.awaitEnd("cs-life", name, classic.create("cs-life", name, "Standard", null));

        HttpResponse<String> restart = classic.send(classic.request(ClassicClient.base(SUB, "cs-life") + "/~/biztalk/"
                + name + "?comp=restart").header("Content-Type", XML).POST(java.net.http.HttpRequest.BodyPublishers
                .noBody()));
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        assertThat(restart.body()).isEmpty();
        String restartHandle = restart.headers().firstValue("x-ms-request-id").orElseThrow();
        assertThat(classic.awaitEnd("cs-life", name, restartHandle).result()).isEqualTo("Succeeded");

        HttpResponse<String> delete = classic.send(classic.request(ClassicClient.resource(SUB, "cs-life", name))
                .DELETE());
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(202);
        String deleteHandle = delete.headers().firstValue("x-ms-request-id").orElseThrow();
        assertThat(classic.awaitEnd("cs-life", name, deleteHandle).result()).isEqualTo("Succeeded");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-life", name)), 404, "ResourceNotFound");
        assertThat(ClassicClient.status(classic.get(ClassicClient.poll(SUB, "cs-life", name, restartHandle))).result())
                .as("a deleted service's operations stay pollable").isEqualTo("Succeeded");
    }
}
