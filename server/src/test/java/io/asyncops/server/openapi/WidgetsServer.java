package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.TokenMinter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A live server serving {@code Contoso.Widgets} from the small specs of our own (in azure-rest-api-specs' layout,
 * shared with the loader's tests), with a resource group, and a recording HTTP client.
 */
final class WidgetsServer implements AutoCloseable {
    static final Path SPECS = Path.of("..", "emulator", "src", "test", "resources", "openapi", "specification");
    static final String SUB = "00000000-0000-0000-0000-0000000000c1";

    final AsyncOpsServer server;
    final Recorder http;
    final String group;

    private WidgetsServer(AsyncOpsServer server, Recorder http, String group) {
        this.server = server;
        this.http = http;
        this.group = group;
    }

    /** A server on {@code data} with the resource group {@code group} in {@link #SUB}. */
    static WidgetsServer start(Path data, String group) {
        AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data).timeScale(0.01)
                .retryAfterFloor(Duration.ofSeconds(1)).shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane())
                .addSpec(SPECS.resolve("widgets"))
                .build());
        Recorder http = new Recorder(HttpClient.newHttpClient(), server.httpUri().toString(),
                TokenMinter.forDataDir(data).mint("widgets", List.of(SUB), Duration.ofHours(1)));
        assertThat(http.call("PUT", "/subscriptions/" + SUB + "/resourcegroups/" + group + "?api-version=2022-09-01",
                "{'location':'westus'}").statusCode()).isEqualTo(201);
        return new WidgetsServer(server, http, group);
    }

    /** The widgets collection of the group: {@code /subscriptions/.../providers/Contoso.Widgets/widgets}. */
    String widgets() {
        return "/subscriptions/" + SUB + "/resourceGroups/" + group + "/providers/Contoso.Widgets/widgets";
    }

    static JsonNode json(HttpResponse<String> r) {
        return Recorder.parse(r.body());
    }

    /** Polls the status monitor of a started operation to its end; its last status. */
    JsonNode await(HttpResponse<String> started) {
        String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow(() -> new AssertionError(
                "no Azure-AsyncOperation: " + started.statusCode() + " " + started.body()));
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = json(http.call("GET", status, null));
            return !"InProgress".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    @Override
    public void close() {
        server.close();
    }
}
