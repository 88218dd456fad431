package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.OTHER_SUB;
import static io.asyncops.server.classic.ClassicClient.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.classic.ServiceManagementError;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which answers are 404 and which 400: unknown ids, ids of another subscription or another deployment, subscriptions
 * the caller may not see (never disclosed), and the Free edition, on which polling is not supported.
 */
class ClassicIsolationTest {
    @TempDir
    static Path data;
    static ClassicClient classic;
    static String name;
    static String handle;

    @BeforeAll
    static void start() {
        classic = ClassicClient.slow(data);
        name = ClassicClient.unique("iso");
        handle = classic.create("cs-iso", name, "Standard", null);
    }

    @AfterAll
    static void stop() {
        classic.close();
    }

    private HttpResponse<String> asOther(String pathAndQuery) {
        String token = classic.server().token(List.of(OTHER_SUB));
        return classic.send(classic.request(pathAndQuery).setHeader("Authorization", "Bearer " + token).GET());
    }

    @Test
    void anUnknownRequestIdIs404() {
        ServiceManagementError e = ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", name,
                UUID.randomUUID().toString())), 404, "ResourceNotFound");
        assertThat(e.message()).contains("was not found");
        ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", name, "124")), 404, "ResourceNotFound");
        ClassicClient.error(classic.get("/" + SUB + "/operations/" + UUID.randomUUID()), 404, "ResourceNotFound");
        ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", name, "x".repeat(300))), 404,
                "ResourceNotFound");
    }

    @Test
    void anotherSubscriptionsRequestIdIs404ExactlyLikeAnUnknownOne() {
        HttpResponse<String> theirs = asOther(ClassicClient.poll(OTHER_SUB, "cs-iso", name, handle));
        String unknownId = UUID.randomUUID().toString();
        HttpResponse<String> unknown = asOther(ClassicClient.poll(OTHER_SUB, "cs-iso", name, unknownId));
        ServiceManagementError a = ClassicClient.error(theirs, 404, "ResourceNotFound");
        ServiceManagementError b = ClassicClient.error(unknown, 404, "ResourceNotFound");
        assertThat(a.message().replace(handle, "ID")).isEqualTo(b.message().replace(unknownId, "ID"));
        ClassicClient.error(asOther("/" + OTHER_SUB + "/operations/" + handle), 404, "ResourceNotFound");
    }

    @Test
    void aSubscriptionTheCallerMayNotSeeIs404() {
        ClassicClient.error(asOther(ClassicClient.poll(SUB, "cs-iso", name, handle)), 404, "ResourceNotFound");
        ClassicClient.error(asOther("/" + SUB + "/operations/" + handle), 404, "ResourceNotFound");
        ClassicClient.error(asOther(ClassicClient.resource(SUB, "cs-iso", name)), 404, "ResourceNotFound");
        String token = classic.server().token(List.of(OTHER_SUB));
        HttpResponse<String> create = classic.send(classic.request(ClassicClient.resource(SUB, "cs-iso", "stranger1"))
                .setHeader("Authorization", "Bearer " + token).header("Content-Type", ClassicClient.XML)
                .PUT(HttpRequest.BodyPublishers.ofString(ClassicClient.body("stranger1", "Basic", null))));
        ClassicClient.error(create, 404, "ResourceNotFound");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-iso", "stranger1")), 404, "ResourceNotFound");
    }

    @Test
    void aRequestIdPolledUnderAnotherDeploymentIs404() {
        String other = ClassicClient.unique("iso2");
        classic.create("cs-iso", other, "Standard", null);
        ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", other, handle)), 404, "ResourceNotFound");
        ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-other", name, handle)), 404, "ResourceNotFound");
        assertThat(classic.get(ClassicClient.poll(SUB, "CS-ISO", name.toUpperCase(), handle)).statusCode())
                .as("names compare without case").isEqualTo(202);
    }

    @Test
    void pollingAFreeEditionDeploymentIsABadRequestThatSaysSo() {
        String free = ClassicClient.unique("free");
        String freeHandle = classic.create("cs-iso", free, "Free", null);
        ServiceManagementError e = ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", free, freeHandle)),
                400, "OperationNotSupportedOnFreeEdition");
        assertThat(e.message()).contains("not supported").contains("Free edition");
        ClassicClient.error(classic.get(ClassicClient.poll(SUB, "cs-iso", free, UUID.randomUUID().toString())), 400,
                "OperationNotSupportedOnFreeEdition");
        HttpResponse<String> generic = classic.get("/" + SUB + "/operations/" + freeHandle);
        assertThat(generic.statusCode()).as("Get Operation Status works for any edition").isEqualTo(200);
        assertThat(ClassicClient.operation(generic).status()).isEqualTo("InProgress");
    }

    @Test
    void otherQueryParametersAfterTheRequestIdAreIgnored() {
        HttpResponse<String> r = classic.get(ClassicClient.poll(SUB, "cs-iso", name, handle) + "&timeout=30");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(ClassicClient.status(r).result()).isEqualTo("InProgress");
    }

    @Test
    void aPollWithoutARequestIdIsABadRequest() {
        String base = ClassicClient.base(SUB, "cs-iso") + "/~/biztalk/" + name;
        ClassicClient.error(classic.get(base + "?OperationStatus"), 400, "MissingOrInvalidRequiredQueryParameter");
        ClassicClient.error(classic.get(base + "?OperationStatus/"), 400, "MissingOrInvalidRequiredQueryParameter");
    }
}
