package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.SUB;
import static io.asyncops.server.classic.ClassicClient.XML;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.server.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header rules of the classic routes: {@code x-ms-version} (required; at least 2012-08-01 on BizTalk Services,
 * 2009-10-01 on Get Operation Status), {@code Content-Type} (application/xml when sent), the request id headers.
 * The operation polled here runs for hours, so every answer about it is InProgress.
 */
class ClassicHeaderRulesTest {
    @TempDir
    static Path data;
    static ClassicClient classic;
    static String name;
    static String handle;

    @BeforeAll
    static void start() {
        classic = ClassicClient.slow(data);
        name = ClassicClient.unique("hdr");
        handle = classic.create("cs-headers", name, "Standard", null);
    }

    @AfterAll
    static void stop() {
        classic.close();
    }

    private static String pollUrl() {
        return ClassicClient.poll(SUB, "cs-headers", name, handle);
    }

    private HttpRequest.Builder withoutVersion(String pathAndQuery) {
        TestServer s = classic.server();
        return s.request(s.http(pathAndQuery));
    }

    @Test
    void aRunningOperationIsInProgressWithRetryAfter() {
        HttpResponse<String> r = classic.get(pollUrl());
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("<OperationStatus xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<Result>InProgress</Result></OperationStatus>");
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("\\d+"));
        HttpResponse<String> op = classic.get("/" + SUB + "/operations/" + handle);
        assertThat(op.statusCode()).isEqualTo(200);
        assertThat(op.body()).isEqualTo("<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>" + handle
                + "</ID><Status>InProgress</Status></Operation>");
    }

    @Test
    void aMissingVersionIsABadRequestOnEveryRoute() {
        for (HttpRequest.Builder r : new HttpRequest.Builder[] {
                withoutVersion(pollUrl()).GET(),
                withoutVersion("/" + SUB + "/operations/" + handle).GET(),
                withoutVersion(ClassicClient.resource(SUB, "cs-headers", name)).GET(),
                withoutVersion(ClassicClient.resource(SUB, "cs-headers", "newservice1")).header("Content-Type", XML)
                        .PUT(HttpRequest.BodyPublishers.ofString(ClassicClient.body("newservice1", "Basic", null))),
                withoutVersion(ClassicClient.resource(SUB, "cs-headers", name)).DELETE()}) {
            HttpResponse<String> answer = classic.send(r);
            assertThat(ClassicClient.error(answer, 400, "MissingOrIncorrectVersionHeader").message())
                    .contains("x-ms-version").contains("required");
        }
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-headers", "newservice1")), 404,
                "ResourceNotFound");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-07-31", "2011-10-01", "2009-10-01"})
    void aVersionBeforeTheBizTalkApiIsABadRequest(String version) {
        HttpResponse<String> r = classic.send(withoutVersion(pollUrl()).header("x-ms-version", version).GET());
        assertThat(ClassicClient.error(r, 400, "MissingOrIncorrectVersionHeader").message()).contains(version)
                .contains("2012-08-01 or later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012-08-01", "2013-04-26", "2014-06-01", "2030-01-01"})
    void theFirstBizTalkVersionAndAnyLaterOneAreAccepted(String version) {
        HttpResponse<String> r = classic.send(withoutVersion(pollUrl()).header("x-ms-version", version).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "2013-4-26", "2013-02-30", "20130426", "2013-04-26T00:00:00Z"})
    void aVersionThatIsNotADateIsABadRequest(String version) {
        HttpResponse<String> r = classic.send(withoutVersion(pollUrl()).header("x-ms-version", version).GET());
        assertThat(ClassicClient.error(r, 400, "MissingOrIncorrectVersionHeader").message()).contains("not a version");
    }

    @Test
    void getOperationStatusAcceptsOlderVersionsDownTo2009() {
        String path = "/" + SUB + "/operations/" + handle;
        assertThat(classic.send(withoutVersion(path).header("x-ms-version", "2009-10-01").GET()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> old = classic.send(withoutVersion(path).header("x-ms-version", "2009-09-30").GET());
        assertThat(ClassicClient.error(old, 400, "MissingOrIncorrectVersionHeader").message())
                .contains("2009-10-01 or later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "application/xml; charset=utf-8", "APPLICATION/XML;charset=UTF-8",
            "application/xml; charset=\"utf-8\""})
    void xmlContentTypesAreAccepted(String contentType) {
        HttpResponse<String> r = classic.send(classic.request(pollUrl()).header("Content-Type", contentType).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @Test
    void noContentTypeIsAcceptedOnAGet() {
        assertThat(classic.send(classic.request(pollUrl()).GET()).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/xml", "text/plain", "application/xml-patch+xml",
            "application/x-www-form-urlencoded", "garbage"})
    void otherContentTypesAreRefused(String contentType) {
        HttpResponse<String> r = classic.send(classic.request(pollUrl()).header("Content-Type", contentType).GET());
        assertThat(ClassicClient.error(r, 415, "UnsupportedMediaType").message()).contains("application/xml");
    }

    @Test
    void theClientRequestIdIsEchoedAndTooLongOneRefused() {
        HttpResponse<String> r = classic.send(classic.request(pollUrl()).header("x-ms-client-request-id", "my-id-7")
                .GET());
        assertThat(r.headers().firstValue("x-ms-client-request-id")).contains("my-id-7");
        HttpResponse<String> tooLong = classic.send(classic.request(pollUrl())
                .header("x-ms-client-request-id", "x".repeat(129)).GET());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).startsWith("<Error");
    }

    @Test
    void everyAnswerHasAFreshRequestId() {
        String a = classic.get(pollUrl()).headers().firstValue("x-ms-request-id").orElseThrow();
        String b = classic.get(pollUrl()).headers().firstValue("x-ms-request-id").orElseThrow();
        assertThat(a).isNotEqualTo(b).isNotEqualTo(handle);
    }

    @Test
    void withoutATokenItIs401() {
        TestServer s = classic.server();
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(s.http(pollUrl())).header("x-ms-version", "2013-04-26")
                .GET());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    }
}
