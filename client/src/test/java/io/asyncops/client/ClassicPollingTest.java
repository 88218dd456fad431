package io.asyncops.client;

import static io.asyncops.client.ScriptedServer.Reply.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The classic Service Management plane: polling by request id, XML status documents, x-ms-version. */
class ClassicPollingTest {
    private static final String BIZTALK = "/sub1/cloudservices/cs1/resources/biztalkservices/biztalk/bt1";
    private static final String BIZTALK_STATUS = "/sub1/cloudservices/cs1/resources/biztalkservices/~/biztalk/bt1";
    private final ScriptedServer server = ScriptedServer.start();
    private final LroClient client = Fast.client();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String status(String result) {
        return "<OperationStatus xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><Result>" + result
                + "</Result></OperationStatus>";
    }

    @Test
    void bizTalkOperationsArePolledByRequestIdUntilSucceeded() {
        server.on("PUT", BIZTALK, (r, n) -> Reply.headers(202, "x-ms-request-id", "req-42"))
                .on("GET", BIZTALK_STATUS, (r, n) -> xml(202, status(n < 3 ? "InProgress" : "Succeeded")));

        LroResult result = client.begin(LroRequest.put(server.url(BIZTALK), "<Resource/>")
                        .withHeader("Content-Type", "application/xml"))
                .waitForCompletion();

        assertThat(result.body()).contains("<Result>Succeeded</Result>");
        assertThat(server.requests("GET", BIZTALK_STATUS)).hasSize(3).allSatisfy(r -> {
            assertThat(r.query()).isEqualTo("OperationStatus/req-42");
            assertThat(r.header("x-ms-version")).isEqualTo("2013-04-26");
            assertThat(r.header("Content-Type")).isEqualTo("application/xml");
        });
    }

    @Test
    void aFailedBizTalkOperationCarriesItsError() {
        server.on("DELETE", BIZTALK, (r, n) -> Reply.headers(202, "x-ms-request-id", "req-7"))
                .on("GET", BIZTALK_STATUS, (r, n) -> xml(202, "<OperationStatus><Result>Failed</Result><Error>"
                        + "<HttpCode>409</HttpCode><Message>The name is taken.</Message><ExtendedCode>01001</ExtendedCode>"
                        + "</Error></OperationStatus>"));

        assertThatThrownBy(() -> client.begin(LroRequest.delete(server.url(BIZTALK))
                        .withHeader("x-ms-version", "2014-01-01")).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.error()).hasValueSatisfying(err -> {
                        assertThat(err.code()).isEqualTo("01001");
                        assertThat(err.message()).isEqualTo("The name is taken.");
                    });
                    assertThat(e.httpStatus()).isEqualTo(202);
                });
        assertThat(server.requests("GET", BIZTALK_STATUS).get(0).header("x-ms-version"))
                .as("the caller's x-ms-version is kept").isEqualTo("2014-01-01");
    }

    @Test
    void serviceManagementOperationsArePolledAtSlashOperations() {
        server.on("POST", "/sub1/services/hostedservices/svc/deployments", (r, n) ->
                        Reply.headers(202, "x-ms-request-id", "abc"))
                .on("GET", "/sub1/operations/abc", (r, n) -> xml(200,
                        "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>abc</ID><Status>"
                                + (n < 2 ? "InProgress" : "Succeeded") + "</Status><HttpStatusCode>200</HttpStatusCode></Operation>"));
        LroClient classic = LroClient.create(Fast.options().header("x-ms-version", "2012-03-01").build());

        classic.begin(LroRequest.post(server.url("/sub1/services/hostedservices/svc/deployments"), "")).waitForCompletion();

        assertThat(server.requests("GET", "/sub1/operations/abc")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("x-ms-version")).isEqualTo("2012-03-01"));
    }

    @Test
    void followRecognisesBothClassicStatusUrls() {
        server.on("GET", BIZTALK_STATUS, (r, n) -> xml(202, status("Succeeded")))
                .on("GET", "/sub1/operations/xyz", (r, n) -> xml(200,
                        "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>xyz</ID><Status>Failed</Status>"
                                + "<HttpStatusCode>400</HttpStatusCode><Error><Code>BadRequest</Code><Message>no</Message>"
                                + "</Error></Operation>"));

        assertThat(client.follow(server.url(BIZTALK_STATUS + "?OperationStatus/1")).waitForCompletion().body())
                .contains("Succeeded");
        assertThatThrownBy(() -> client.follow(server.url("/sub1/operations/xyz")).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class,
                        e -> assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("BadRequest")));
    }

    @Test
    void aClassicErrorAnswerIsAnHttpErrorWithItsCode() {
        server.on("GET", BIZTALK_STATUS, (r, n) -> xml(400, "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                + "<Code>PollingNotSupported</Code><Message>Free edition.</Message></Error>"));

        assertThatThrownBy(() -> client.follow(server.url(BIZTALK_STATUS + "?OperationStatus/1")).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class,
                        e -> assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("PollingNotSupported")));
    }

    @Test
    void aDocumentWithADtdIsRefusedAsAProtocolViolation() {
        server.on("GET", BIZTALK_STATUS, (r, n) -> xml(202, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><OperationStatus><Result>&x;</Result></OperationStatus>"));

        assertThatThrownBy(() -> client.follow(server.url(BIZTALK_STATUS + "?OperationStatus/1")).waitForCompletion())
                .isInstanceOf(ProtocolViolationException.class);
    }
}
