package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.protocol.Json;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error table and the body limit: specific 4xx for bad input, no stack traces, XML on classic paths. */
class ErrorsAndLimitsTest {
    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, b -> b.maxBodyBytes(4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> r = server.put("big", "{\"x\":\"" + "a".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(code(r)).isEqualTo("RequestEntityTooLarge");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = ("{\"x\":\"" + "a".repeat(9000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = server.send(server.request(server.http(TestServer.thing("chunky")
                        + "?api-version=2024-01-01"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(code(r)).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void malformedJsonIsInvalidRequestContent() throws Exception {
        for (String body : new String[] {"{\"location\":", "not json", "", "[1,2]"}) {
            HttpResponse<String> r = server.put("mal", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(code(r)).as(body).isEqualTo("InvalidRequestContent");
        }
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() throws Exception {
        HttpResponse<String> r = server.get(TestServer.thing("x") + "/boom?api-version=2024-01-01");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(code(r)).isEqualTo("InternalServerError");
        assertThat(r.body()).doesNotContain("secret", "jdbc", "Exception", "at io.");
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
    }

    @Test
    void classicPathsAnswerXmlErrors() {
        HttpResponse<String> r = server.get("/" + TestServer.SUB + "/cloudservices/cs1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(r.body()).contains("<Error xmlns=\"http://schemas.microsoft.com/windowsazure\">")
                .contains("<Code>BadRequest</Code>").contains("<Message>The classic request was refused.</Message>");
        HttpResponse<String> missing = server.get("/" + TestServer.SUB + "/operations/abc");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<Code>NotFound</Code>");
        HttpResponse<String> unauthenticated = server.send(HttpRequest.newBuilder(server.http("/" + TestServer.SUB
                + "/operations/abc")));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).contains("<Code>AuthenticationFailed</Code>");
    }

    @Test
    void garbageOnTheWireGetsAJsonBadRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server().httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"code\":\"BadRequest\"").doesNotContain("Exception");
        }
    }

    static String code(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).path("error").path("code").asText();
    }
}
