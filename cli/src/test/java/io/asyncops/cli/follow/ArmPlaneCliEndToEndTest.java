package io.asyncops.cli.follow;

import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.EXPORT_BODY;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.GROUPS;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.SERVER_BODY;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.SQL;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.unique;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.withFault;
import static io.asyncops.cli.follow.ServedPlanes.SUB;
import static io.asyncops.cli.follow.ServedPlanes.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asyncops call} and {@code asyncops wait}, in-process, against asyncops' own server running the real ARM plane
 * at time scale 0.02: the seed's flow by command, with the documented exit codes (0 Succeeded, 1 Failed, 4 any other
 * error) and the {@code --output json} summary.
 */
class ArmPlaneCliEndToEndTest {
    @TempDir
    static Path dataDir;
    static ServedPlanes planes;

    @BeforeAll
    static void start() {
        planes = ServedPlanes.start(dataDir, 0.02);
    }

    @AfterAll
    static void stop() {
        if (planes != null) {
            planes.close();
        }
    }

    static String url(String path) {
        return planes.http(path).toString();
    }

    static String group(String rg) {
        return "/subscriptions/" + SUB + "/resourcegroups/" + rg;
    }

    static String server(String rg, String name) {
        return ArmPlaneEndToEndTest.serverPath(rg, name);
    }

    /** {@code asyncops call} with the token and {@code args} after the URL. */
    static Cli call(String method, String path, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "call";
        all[1] = method;
        all[2] = url(path);
        all[3] = "--token";
        all[4] = planes.token();
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    /** A group and a provisioned server in it, made with the CLI; returns {rg, server}. */
    static String[] newServer() {
        String rg = unique("rg");
        String name = unique("srv");
        assertThat(call("PUT", group(rg) + GROUPS, "-d", "{\"location\":\"westus\"}").exitCode()).isZero();
        Cli created = call("PUT", server(rg, name) + SQL, "-d", SERVER_BODY);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return new String[] {rg, name};
    }

    @Test
    void theSeedsFlowGroupServerDatabaseEndsSucceededWithTheResourcesOnStdout() {
        String rg = unique("rg");
        Cli group = call("PUT", group(rg) + GROUPS, "-d", "{\"location\":\"westus\"}");
        assertThat(group.exitCode()).as(group.toString()).isZero();
        assertThat(group.err()).contains("HTTP 201, done at once");
        assertThat(json(group.out()).path("name").asText()).isEqualTo(rg);

        String name = unique("srv");
        Cli server = call("PUT", server(rg, name) + SQL, "-d", SERVER_BODY, "--output", "json");
        assertThat(server.exitCode()).as(server.toString()).isZero();
        assertThat(server.err()).contains(": HTTP 202, following " + url("/subscriptions/" + SUB
                + "/providers/Microsoft.Sql/locations/westus/operationStatuses/")).contains("Succeeded after");
        JsonNode summary = json(server.out());
        assertThat(summary.path("status").asText()).isEqualTo("Succeeded");
        assertThat(summary.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(summary.path("polls").asInt()).isPositive();
        assertThat(summary.path("url").asText()).isEqualTo(url(server(rg, name) + SQL));
        assertThat(summary.at("/body/name").asText()).isEqualTo(name);
        assertThat(summary.at("/body/properties").has("provisioningState")).isFalse();
        assertThat(summary.at("/body/properties/state").asText()).isEqualTo("Ready");

        Cli db = call("PUT", server(rg, name) + "/databases/appdb" + SQL, "-d", "{\"location\":\"westus\"}");
        assertThat(db.exitCode()).as(db.toString()).isZero();
        assertThat(json(db.out()).at("/properties/status").asText()).isEqualTo("Online");
        assertThat(json(db.out()).at("/properties").has("provisioningState")).isFalse();
    }

    @Test
    void anExportEndsWithItsResultAndWaitFollowsTheLocationOfOneStartedElsewhere() {
        String[] s = newServer();
        String db = server(s[0], s[1]) + "/databases/exp";
        assertThat(call("PUT", db + SQL, "-d", "{\"location\":\"westus\"}").exitCode()).isZero();

        Cli export = call("POST", db + "/export" + SQL, "-d", EXPORT_BODY.formatted("first"));
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(json(export.out()).at("/properties/requestType").asText()).isEqualTo("Export");
        assertThat(json(export.out()).at("/properties/blobUri").asText()).endsWith("/backups/first.bacpac");

        HttpResponse<String> started = planes.send("POST", planes.http(db + "/export" + SQL),
                EXPORT_BODY.formatted("second"), Map.of("Content-Type", "application/json"));
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        Cli waited = Cli.run("wait", location, "--token", planes.token());
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.err()).contains("following " + location);
        assertThat(json(waited.out()).at("/properties/blobUri").asText()).endsWith("/backups/second.bacpac");
    }

    @Test
    void aFailedOperationExits1WithItsArmErrorInTheSummary() {
        String[] s = newServer();
        String db = server(s[0], s[1]) + "/databases/";

        Cli faulted = call("PUT", db + "faulty" + SQL, "-d", withFault("{\"location\":\"westus\"}", "QuotaExceeded"),
                "-o", "json");
        assertThat(faulted.exitCode()).as(faulted.toString()).isEqualTo(1);
        assertThat(faulted.err()).contains("The operation ended Failed: QuotaExceeded");
        JsonNode summary = json(faulted.out());
        assertThat(summary.path("status").asText()).isEqualTo("Failed");
        assertThat(summary.at("/error/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(summary.at("/body/status").asText()).as("the status monitor's own body").isEqualTo("Failed");

        Cli tooLarge = call("PUT", db + "big" + SQL,
                "-d", "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"},\"properties\":{\"maxSizeBytes\":536870912000}}");
        assertThat(tooLarge.exitCode()).as(tooLarge.toString()).isEqualTo(1);
        assertThat(tooLarge.err()).contains("HTTP 202, following").contains("InvalidMaxSizeTierCombination");
    }

    @Test
    void deletesPrintNothingAndWhatIsDeletedIsAnHttpErrorExit4() {
        String[] s = newServer();
        String db = server(s[0], s[1]) + "/databases/temp" + SQL;
        assertThat(call("PUT", db, "-d", "{\"location\":\"westus\"}").exitCode()).isZero();

        Cli dropped = call("DELETE", db);
        assertThat(dropped.exitCode()).as(dropped.toString()).isZero();
        assertThat(dropped.out()).isEmpty();

        Cli serverDropped = call("DELETE", server(s[0], s[1]) + SQL, "-o", "json");
        assertThat(serverDropped.exitCode()).as(serverDropped.toString()).isZero();
        JsonNode summary = json(serverDropped.out());
        assertThat(summary.path("status").asText()).isEqualTo("Succeeded");
        assertThat(summary.path("body").isNull()).isTrue();
        assertThat(summary.path("url").asText()).contains("/operationStatuses/");

        Cli gone = call("GET", server(s[0], s[1]) + SQL);
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(4);
        assertThat(gone.err()).contains("HTTP 404").contains("ResourceNotFound");
    }

    @Test
    void refusedWritesExit4WithTheServersCode() {
        String rg = unique("rg");
        assertThat(call("PUT", group(rg) + GROUPS, "-d", "{\"location\":\"westus\"}").exitCode()).isZero();

        Cli moved = call("PUT", group(rg) + GROUPS, "-d", "{\"location\":\"eastus\"}", "-o", "json");
        assertThat(moved.exitCode()).as(moved.toString()).isEqualTo(4);
        assertThat(json(moved.out()).path("httpStatus").asInt()).isEqualTo(409);
        assertThat(json(moved.out()).at("/error/code").asText()).isEqualTo("InvalidResourceGroupLocation");

        Cli weak = call("PUT", server(rg, unique("srv")) + SQL, "-d", SERVER_BODY.replace("Str0ng!Passw0rd", "password"));
        assertThat(weak.exitCode()).as(weak.toString()).isEqualTo(4);
        assertThat(weak.err()).contains("HTTP 400").contains("PasswordNotComplex");
    }

    @Test
    void anotherSubscriptionSeesNothingExit4With404() throws Exception {
        String[] s = newServer();
        Path stranger = Files.writeString(dataDir.resolve("stranger.jwt"), planes.strangerToken() + "\n");

        Cli put = Cli.run("call", "PUT", url(server(s[0], unique("srv")) + SQL), "-d", SERVER_BODY,
                "--token-file", stranger.toString());
        assertThat(put.exitCode()).as(put.toString()).isEqualTo(4);
        assertThat(put.err()).contains("HTTP 404").contains("SubscriptionNotFound");

        HttpResponse<String> started = planes.send("PATCH", planes.http(server(s[0], s[1]) + SQL),
                "{\"tags\":{\"a\":\"b\"}}", Map.of("Content-Type", "application/json"));
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        Cli hidden = Cli.run("wait", status, "--token-file", stranger.toString());
        assertThat(hidden.exitCode()).as(hidden.toString()).isEqualTo(4);
        assertThat(hidden.err()).contains("HTTP 404").contains("OperationNotFound");

        Cli mine = Cli.run("wait", status, "--token", planes.token(), "-o", "json");
        assertThat(mine.exitCode()).as(mine.toString()).isZero();
        assertThat(json(mine.out()).at("/body/status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void waitFollowsAStatusMonitorOverHttpsWithLongPolls() {
        String[] s = newServer();
        HttpResponse<String> started = planes.send("PUT", planes.http(server(s[0], s[1]) + "/databases/held" + SQL),
                "{\"location\":\"westus\"}", Map.of("Content-Type", "application/json"));
        URI status = URI.create(started.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        URI secure = planes.server().https(status.getRawPath() + "?" + status.getRawQuery());
        Path cert = planes.server().server().selfSignedCertificate().orElseThrow();

        Cli cli = Cli.run("wait", secure.toString(), "--cacert", cert.toString(), "--token", planes.token(),
                "--long-poll", "30", "-o", "json");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        JsonNode summary = json(cli.out());
        assertThat(summary.path("polls").asInt()).as("a held poll sees the end").isBetween(1, 2);
        assertThat(summary.at("/body/status").asText()).isEqualTo("Succeeded");
        assertThat(summary.at("/body/properties/name").asText()).as("the monitor's properties: the database")
                .isEqualTo("held");
    }
}
