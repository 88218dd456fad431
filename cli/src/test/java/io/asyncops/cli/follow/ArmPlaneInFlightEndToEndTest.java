package io.asyncops.cli.follow;

import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.GROUPS;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.SERVER_BODY;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.SQL;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.serverPath;
import static io.asyncops.cli.follow.ArmPlaneEndToEndTest.unique;
import static io.asyncops.cli.follow.ServedPlanes.SUB;
import static io.asyncops.cli.follow.ServedPlanes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.OperationCanceledException;
import io.asyncops.client.SyncPoller;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens while an ARM operation runs, on a server at time scale 1 (a SQL server create takes 45 s, as in
 * Azure, so every operation here is still running when the test looks at it): a second write on the same server is
 * a 409 for the library and exit 4 for the CLI; a CLI timeout exits 3 and says how to go on waiting; the cancel call
 * (the library's, {@code asyncops wait --cancel}) ends the create {@code Canceled} (exit 2) and leaves no server.
 */
class ArmPlaneInFlightEndToEndTest {
    private static final Pattern WAIT_HINT = Pattern.compile("asyncops wait '([^']+)'");

    @TempDir
    static Path dataDir;
    static ServedPlanes planes;
    static LroClient client;

    @BeforeAll
    static void start() {
        planes = ServedPlanes.start(dataDir, 1.0);
        client = planes.client();
    }

    @AfterAll
    static void stop() {
        if (planes != null) {
            planes.close();
        }
    }

    static String newGroup() {
        String rg = unique("rg");
        client.begin(LroRequest.put(planes.http("/subscriptions/" + SUB + "/resourcegroups/" + rg + GROUPS),
                "{\"location\":\"westus\"}")).waitForCompletion();
        return rg;
    }

    @Test
    void aSecondWriteWhileTheCreateRunsIs409AndTheCancelCallEndsTheCreate() {
        String rg = newGroup();
        URI server = planes.http(serverPath(rg, unique("busy")) + SQL);
        SyncPoller create = client.begin(LroRequest.put(server, SERVER_BODY));
        assertThat(create.isDone()).isFalse();

        assertThatThrownBy(() -> client.begin(LroRequest.patch(server, "{\"tags\":{\"x\":\"y\"}}")))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.method()).isEqualTo("PATCH");
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.error()).hasValueSatisfying(err ->
                            assertThat(err.code()).isEqualTo("ConflictingServerOperation"));
                });
        Cli cli = Cli.run("call", "PUT", server.toString(), "-d", SERVER_BODY, "--token", planes.token(), "-o", "json");
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(4);
        assertThat(json(cli.out()).path("httpStatus").asInt()).isEqualTo(409);
        assertThat(json(cli.out()).at("/error/code").asText()).isEqualTo("ConflictingServerOperation");
        Cli database = Cli.run("call", "PUT", planes.http(serverPath(rg, server.getPath().replaceAll(".*/", ""))
                + "/databases/db" + SQL).toString(), "-d", "{\"location\":\"westus\"}", "--token", planes.token());
        assertThat(database.exitCode()).as(database.toString()).isEqualTo(4);
        assertThat(database.err()).as("the server is not provisioned yet").contains("HTTP 404")
                .contains("ParentResourceNotFound");

        assertThat(create.cancelOperation()).isTrue();
        assertThatThrownBy(create::waitForCompletion).isInstanceOfSatisfying(OperationCanceledException.class, e ->
                assertThat(e.status()).isEqualTo("Canceled"));
        assertThat(planes.send("GET", server, null, Map.of()).statusCode()).as("a canceled create leaves nothing")
                .isEqualTo(404);
    }

    @Test
    void aCliTimeoutExits3AndWaitPicksTheOperationUpUntilItIsCanceled() {
        String rg = newGroup();
        URI server = planes.http(serverPath(rg, unique("slow")) + SQL);

        Cli call = Cli.run("call", "PUT", server.toString(), "-d", SERVER_BODY, "--token", planes.token(),
                "--timeout", "1500ms", "-o", "json");
        assertThat(call.exitCode()).as(call.toString()).isEqualTo(3);
        assertThat(json(call.out()).path("status").asText()).isEqualTo("TimedOut");
        Matcher hint = WAIT_HINT.matcher(call.err());
        assertThat(hint.find()).as(call.err()).isTrue();
        URI status = URI.create(hint.group(1));
        assertThat(status.getPath()).contains("/providers/Microsoft.Sql/locations/westus/operationStatuses/");

        Cli stillRunning = Cli.run("wait", status.toString(), "--token", planes.token(), "--timeout", "1200ms");
        assertThat(stillRunning.exitCode()).as(stillRunning.toString()).isEqualTo(3);
        assertThat(stillRunning.err()).contains("InProgress");

        long start = System.nanoTime();
        Cli canceled = Cli.run("wait", status.toString(), "--cancel", "--token", planes.token(), "-o", "json");
        assertThat(canceled.exitCode()).as(canceled.toString()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("seen at the next safe point, not at the create's"
                + " planned end ~40 s later").isLessThan(Duration.ofSeconds(20));
        assertThat(json(canceled.out()).path("status").asText()).isEqualTo("Canceled");
        assertThat(json(canceled.out()).at("/body/status").asText()).isEqualTo("Canceled");
        assertThat(planes.send("GET", server, null, Map.of()).statusCode()).isEqualTo(404);
    }
}
