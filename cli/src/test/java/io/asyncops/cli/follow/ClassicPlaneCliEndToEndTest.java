package io.asyncops.cli.follow;

import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.CLOUD_SERVICE;
import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.VERSION;
import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.body;
import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.resourcePath;
import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.unique;
import static io.asyncops.cli.follow.ClassicPlaneEndToEndTest.xml;
import static io.asyncops.cli.follow.ServedPlanes.SUB;
import static io.asyncops.cli.follow.ServedPlanes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementOperation;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncops call} and {@code asyncops wait}, in-process, against asyncops' own server running the real classic
 * plane at time scale 0.01: the seed "Poll on an Async Operation on BizTalk Service" by command, an XML body from a
 * file, the request id followed to Succeeded (exit 0) or Failed with the XML error's code (exit 1), and 4xx answers
 * (exit 4).
 */
class ClassicPlaneCliEndToEndTest {
    @TempDir
    static Path dataDir;
    static ServedPlanes planes;

    @BeforeAll
    static void start() {
        planes = ServedPlanes.start(dataDir, 0.01);
    }

    @AfterAll
    static void stop() {
        if (planes != null) {
            planes.close();
        }
    }

    static String url(String pathAndQuery) {
        return planes.http(pathAndQuery).toString();
    }

    /** The body of a create in a file, for {@code --data @file}. */
    static String xmlFile(String name, String edition, String fault) throws IOException {
        return "@" + Files.writeString(dataDir.resolve(name + ".xml"), body(name, edition, fault));
    }

    /** {@code asyncops call METHOD url} with the token, {@code x-ms-version} and {@code args}. */
    static Cli call(String method, String pathAndQuery, String... args) {
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[] {"call", method, url(pathAndQuery), "--token", planes.token(), "-H",
                "x-ms-version: " + VERSION}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        return Cli.run(all);
    }

    static String started(String method, String path, String xml) {
        return ClassicPlaneEndToEndTest.started(planes, method, planes.http(path), xml);
    }

    @Test
    void aCreateFromAnXmlFileIsFollowedByItsRequestIdToSucceeded() throws IOException {
        String name = unique("cli");

        Cli cli = call("PUT", resourcePath(SUB, name), "--data", xmlFile(name, "Standard", null));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.err()).contains(": HTTP 202, following " + url("/" + SUB + "/cloudservices/" + CLOUD_SERVICE
                + "/resources/biztalkservices/~/biztalk/" + name + "?OperationStatus/")).contains("Succeeded after");
        assertThat(xml(cli.out(), ClassicOperationStatus.class)).isEqualTo(new ClassicOperationStatus("Succeeded", null));

        Cli read = call("GET", resourcePath(SUB, name));
        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.err()).contains("HTTP 200, done at once");
        assertThat(xml(read.out(), BizTalkResource.class).state()).isEqualTo("Active");
    }

    @Test
    void theFaultTagExits1WithTheExtendedCodeInTheJsonSummary() throws IOException {
        String name = unique("clibad");

        Cli cli = call("PUT", resourcePath(SUB, name), "--data", xmlFile(name, "Basic", "SomeErrorCode"), "-o", "json");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(1);
        assertThat(cli.err()).contains("The operation ended Failed: SomeErrorCode");
        JsonNode summary = json(cli.out());
        assertThat(summary.path("status").asText()).isEqualTo("Failed");
        assertThat(summary.path("httpStatus").asInt()).isEqualTo(202);
        assertThat(summary.at("/error/code").asText()).isEqualTo("SomeErrorCode");
        assertThat(summary.at("/error/message").asText()).contains(name);
        assertThat(xml(summary.path("body").asText(), ClassicOperationStatus.class).error().extendedCode())
                .as("the XML document as received").isEqualTo("SomeErrorCode");
    }

    @Test
    void waitFollowsGetOperationStatusAndTheSeedsPollUrl() {
        String bad = unique("waitbad");
        String failing = started("PUT", resourcePath(SUB, bad), body(bad, "Developer", "QuotaExceeded"));
        Cli failed = Cli.run("wait", url("/" + SUB + "/operations/" + failing), "--token", planes.token(), "-o", "json");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(json(failed.out()).at("/error/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(xml(json(failed.out()).path("body").asText(), ServiceManagementOperation.class).id())
                .isEqualTo(failing);

        String name = unique("waitok");
        String handle = started("PUT", resourcePath(SUB, name), body(name, "Premium", null));
        Cli ok = Cli.run("wait", url(resourcePath(SUB, name) + "?OperationStatus/" + handle), "--token", planes.token());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(xml(ok.out(), ClassicOperationStatus.class).result()).isEqualTo("Succeeded");
    }

    @Test
    void restartAndDeleteOverHttpsThenTheServiceIsAnHttpErrorExit4() throws IOException {
        String name = unique("clilife");
        assertThat(call("PUT", resourcePath(SUB, name), "--data", xmlFile(name, "Premium", null)).exitCode()).isZero();
        String secure = planes.server().https("/" + SUB + "/cloudservices/" + CLOUD_SERVICE
                + "/resources/biztalkservices/~/biztalk/" + name).toString();

        Cli restart = Cli.run("call", "POST", secure + "?comp=restart", "--insecure", "--token", planes.token(),
                "-H", "x-ms-version: " + VERSION);
        assertThat(restart.exitCode()).as(restart.toString()).isZero();
        assertThat(restart.err()).contains("following " + secure + "?OperationStatus/");

        Cli delete = Cli.run("call", "DELETE", secure, "--insecure", "--token", planes.token(),
                "-H", "x-ms-version: " + VERSION, "-o", "json");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        assertThat(json(delete.out()).path("status").asText()).isEqualTo("Succeeded");

        Cli gone = call("GET", resourcePath(SUB, name));
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(4);
        assertThat(gone.err()).contains("HTTP 404").contains("ResourceNotFound");
    }

    @Test
    void refusalsExit4WithTheXmlErrorsCode() throws IOException {
        String free = unique("clifree");
        Cli notSupported = call("PUT", resourcePath(SUB, free), "--data", xmlFile(free, "Free", null), "-o", "json");
        assertThat(notSupported.exitCode()).as(notSupported.toString()).isEqualTo(4);
        assertThat(json(notSupported.out()).path("httpStatus").asInt()).isEqualTo(400);
        assertThat(json(notSupported.out()).at("/error/code").asText()).isEqualTo("OperationNotSupportedOnFreeEdition");
        assertThat(json(notSupported.out()).path("url").asText()).contains("?OperationStatus/");

        Cli taken = call("PUT", resourcePath(SUB, free), "--data", xmlFile(free, "Basic", null));
        assertThat(taken.exitCode()).as(taken.toString()).isEqualTo(4);
        assertThat(taken.err()).contains("HTTP 409");

        String gold = unique("cligold");
        Cli badEdition = call("PUT", resourcePath(SUB, gold), "-d", body(gold, "Gold", null));
        assertThat(badEdition.exitCode()).as(badEdition.toString()).isEqualTo(4);
        assertThat(badEdition.err()).contains("HTTP 400").contains("InvalidEdition");
    }

    @Test
    void anotherSubscriptionIsNotFoundExit4() throws IOException {
        String name = unique("cliiso");
        String handle = started("PUT", resourcePath(SUB, name), body(name, "Standard", null));
        String stranger = planes.strangerToken();

        String intruder = unique("cliint");
        Cli put = Cli.run("call", "PUT", url(resourcePath(SUB, intruder)), "--token", stranger,
                "-H", "x-ms-version: " + VERSION, "--data", xmlFile(intruder, "Basic", null));
        assertThat(put.exitCode()).as(put.toString()).isEqualTo(4);
        assertThat(put.err()).contains("HTTP 404").contains("ResourceNotFound");

        for (String status : new String[] {resourcePath(SUB, name) + "?OperationStatus/" + handle,
                "/" + SUB + "/operations/" + handle}) {
            Cli hidden = Cli.run("wait", url(status), "--token", stranger);
            assertThat(hidden.exitCode()).as(hidden.toString()).isEqualTo(4);
            assertThat(hidden.err()).contains("HTTP 404").contains("ResourceNotFound");
        }
        HttpResponse<String> mine = planes.send("GET", planes.http("/" + SUB + "/operations/" + handle), null,
                Map.of("x-ms-version", VERSION));
        assertThat(mine.statusCode()).as("the owner still sees it").isEqualTo(200);
    }
}
