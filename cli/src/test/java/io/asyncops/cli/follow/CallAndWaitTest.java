package io.asyncops.cli.follow;

import static io.asyncops.client.ScriptedServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.client.ScriptedServer;
import io.asyncops.client.ScriptedServer.Reply;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asyncops call} and {@code wait} in-process against a real HTTP server: output and exit codes. */
class CallAndWaitTest {
    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    /** PUT /servers/s1 answers 202; the status monitor goes 40 %, 80 %, then {@code last}. */
    private void operationEnding(String last) {
        server.on("PUT", "/servers/s1", (r, n) -> Reply.headers(202,
                        "Azure-AsyncOperation", "/ops/1?api-version=2021-11-01", "Location", "/results/1", "Retry-After", "0"))
                .on("GET", "/ops/1", (r, n) -> json(200, switch (n) {
                    case 1 -> "{\"status\":\"InProgress\",\"percentComplete\":40.0}";
                    case 2 -> "{\"status\":\"InProgress\",\"percentComplete\":80.0}";
                    default -> last;
                }))
                .on("GET", "/servers/s1", (r, n) -> json(200, "{\"name\":\"s1\",\"properties\":{\"state\":\"Ready\"}}"));
    }

    @Test
    void succeededPrintsTheResourceOnStdoutAndProgressOnStderr() {
        operationEnding("{\"status\":\"Succeeded\"}");

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "--data", "{\"location\":\"westus\"}",
                "--poll-interval", "1ms");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).isEqualTo("{\"name\":\"s1\",\"properties\":{\"state\":\"Ready\"}}\n");
        assertThat(cli.errLines()).containsExactly(
                "asyncops: PUT " + server.url("/servers/s1") + ": HTTP 202, following "
                        + server.url("/ops/1?api-version=2021-11-01"),
                "asyncops: poll 1: InProgress 40% (HTTP 200), next poll in 1ms",
                "asyncops: poll 2: InProgress 80% (HTTP 200), next poll in 1ms",
                cli.errLines().get(3));
        assertThat(cli.errLines().get(3)).startsWith("asyncops: Succeeded after 3 polls in ");
        assertThat(server.requests("PUT", "/servers/s1").get(0).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void failedExits1WithTheErrorOnStderrAndTheStatusOnStdout() {
        operationEnding("{\"status\":\"Failed\",\"error\":{\"code\":\"QuotaExceeded\",\"message\":\"No more servers.\"}}");

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "--data", "{}", "--poll-interval", "1ms");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.err()).contains("The operation ended Failed: QuotaExceeded: No more servers.");
        assertThat(cli.out()).contains("\"code\":\"QuotaExceeded\"");
    }

    @Test
    void canceledExits2() {
        operationEnding("{\"status\":\"Canceled\"}");

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "--data", "{}", "--poll-interval", "1ms");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(2);
    }

    @Test
    void aTimeoutExits3AndSaysHowToGoOnWaiting() {
        server.on("POST", "/start", (r, n) -> Reply.headers(202, "Location", "/results/9"))
                .on("GET", "/results/9", (r, n) -> Reply.headers(202, "Location", "/results/9", "retry-after-ms", "20"));

        Cli cli = Cli.run("call", "POST", server.url("/start").toString(), "--timeout", "300ms");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(3);
        assertThat(cli.err()).contains("Timed out").contains("asyncops wait '" + server.url("/results/9") + "'");
    }

    @Test
    void anHttpErrorExits4WithTheArmError() {
        server.on("PUT", "/servers/s1", (r, n) -> json(409,
                "{\"error\":{\"code\":\"OperationInProgress\",\"message\":\"Another operation is running.\"}}"));

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "--data", "{}");

        assertThat(cli.exitCode()).isEqualTo(4);
        assertThat(cli.err()).contains("HTTP 409: OperationInProgress: Another operation is running.");
        assertThat(cli.out()).contains("OperationInProgress");
    }

    @Test
    void aPlainRequestThatIsNotLongRunningJustPrintsItsBody() {
        server.on("GET", "/subscriptions/s", (r, n) -> json(200, "{\"id\":\"/subscriptions/s\"}"));

        Cli cli = Cli.run("call", "GET", server.url("/subscriptions/s").toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo("{\"id\":\"/subscriptions/s\"}\n");
        assertThat(cli.err()).contains("HTTP 200, done at once");
    }

    @Test
    void headersAndTheTokenGoOnEveryRequest(@TempDir Path dir) throws IOException {
        operationEnding("{\"status\":\"Succeeded\"}");
        Path tokenFile = Files.writeString(dir.resolve("token"), "eyJ.token.sig\n");

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "-d", "{}", "--poll-interval", "1ms",
                "-H", "x-ms-client-request-id: abc-123", "--token-file", tokenFile.toString());

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(server.requests()).hasSize(5).allSatisfy(r -> {
            assertThat(r.header("x-ms-client-request-id")).isEqualTo("abc-123");
            assertThat(r.header("Authorization")).isEqualTo("Bearer eyJ.token.sig");
        });
    }

    @Test
    void dataFromAFileAndXmlBodiesGetTheirContentType(@TempDir Path dir) throws IOException {
        server.on("PUT", "/sub/cloudservices/cs/resources/biztalkservices/biztalk/bt", (r, n) ->
                        Reply.headers(202, "x-ms-request-id", "r1"))
                .on("GET", "/sub/cloudservices/cs/resources/biztalkservices/~/biztalk/bt", (r, n) ->
                        ScriptedServer.Reply.xml(202, "<OperationStatus><Result>Succeeded</Result></OperationStatus>"));
        String xml = "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\">\n  <Name>bt</Name>\n</Resource>\n";
        Path body = Files.writeString(dir.resolve("bt.xml"), xml);

        Cli cli = Cli.run("call", "PUT", server.url("/sub/cloudservices/cs/resources/biztalkservices/biztalk/bt").toString(),
                "--data", "@" + body, "-H", "x-ms-version: 2013-04-26", "--poll-interval", "1ms");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        var put = server.requests("PUT", "/sub/cloudservices/cs/resources/biztalkservices/biztalk/bt").get(0);
        assertThat(put.header("Content-Type")).isEqualTo("application/xml");
        assertThat(put.body()).as("the file verbatim, spaces, quotes and line breaks kept").isEqualTo(xml);
        assertThat(cli.out()).contains("<Result>Succeeded</Result>");
    }

    @Test
    void outputJsonSummarisesTheOutcome() throws IOException {
        operationEnding("{\"status\":\"Succeeded\"}");

        Cli cli = Cli.run("call", "PUT", server.url("/servers/s1").toString(), "-d", "{}", "--poll-interval", "1ms",
                "--output", "json", "--progress", "none");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        var summary = Json.mapper().readTree(cli.out());
        assertThat(summary.get("status").asText()).isEqualTo("Succeeded");
        assertThat(summary.get("polls").asInt()).isEqualTo(3);
        assertThat(summary.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(summary.path("body").path("name").asText()).isEqualTo("s1");
    }

    @Test
    void waitFollowsAStatusUrl() {
        operationEnding("{\"status\":\"Succeeded\",\"properties\":{\"done\":true}}");

        Cli cli = Cli.run("wait", server.url("/ops/1?api-version=2021-11-01").toString(), "--poll-interval", "1ms");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("\"done\":true");
    }

    @Test
    void badArgumentsExit4WithAClearMessage() {
        Cli missing = Cli.run("call", "PUT");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("Missing required parameter: '<url>'");

        Cli duration = Cli.run("wait", "http://localhost:1/x", "--timeout", "soon");
        assertThat(duration.exitCode()).isEqualTo(4);
        assertThat(duration.err()).contains("'soon' is not a duration");

        Cli header = Cli.run("call", "GET", "http://localhost:1/x", "-H", "no-colon");
        assertThat(header.exitCode()).isEqualTo(4);
        assertThat(header.err()).contains("-H 'no-colon' is not 'Name: value'");

        Cli url = Cli.run("wait", "not a url");
        assertThat(url.exitCode()).isEqualTo(4);
        assertThat(url.err()).contains("'not a url'");

        Cli both = Cli.run("call", "GET", "http://localhost:1/x", "--token", "a", "--token-file", "b");
        assertThat(both.exitCode()).isEqualTo(4);
        assertThat(both.err()).contains("--token or --token-file, not both");
    }

    @Test
    void durationsReadTheUsualUnits() {
        assertThat(DurationConverter.parse("10ms")).hasMillis(10);
        assertThat(DurationConverter.parse("1.5s")).hasMillis(1500);
        assertThat(DurationConverter.parse("5m")).hasMinutes(5);
        assertThat(DurationConverter.parse("PT2S")).hasSeconds(2);
    }
}
