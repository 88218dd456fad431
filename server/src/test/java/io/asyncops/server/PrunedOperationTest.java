package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.OperationId;
import io.asyncops.protocol.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL §2: an operation pruned after its retention answers 404 OperationNotFound on both URLs. */
class PrunedOperationTest {

    @Test
    void aPrunedOperationIsNotFound(@TempDir Path data) throws Exception {
        try (TestServer server = TestServer.start(data, b -> b.engine(e -> e.retention(Duration.ofMillis(1))
                .pruneInterval(Duration.ofHours(1))))) {
            HttpResponse<String> started = server.put("gone", "{}");
            String status = started.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            String result = started.headers().firstValue("Location").orElseThrow();
            OperationId id = OperationId.parse(URI.create(status).getPath().replaceAll(".*/", ""));
            Engine engine = server.server().engine();
            // waits on the engine, not over HTTP, so no terminal snapshot is cached by the status route
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.get(id).orElseThrow().isTerminal());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                engine.prune();
                return engine.get(id).isEmpty();
            });
            for (String url : new String[] {status, result}) {
                HttpResponse<String> r = server.send(server.request(URI.create(url)));
                assertThat(r.statusCode()).as(url).isEqualTo(404);
                assertThat(Json.mapper().readTree(r.body()).path("error").path("code").asText())
                        .isEqualTo("OperationNotFound");
            }
        }
    }
}
