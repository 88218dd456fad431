package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import io.asyncops.server.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} is served without a token and is a valid OpenAPI 3.1 document for a real validator:
 * Redocly CLI's {@code lint} (installed by {@code npm ci} during the build, pinned by
 * {@code src/test/redocly/package-lock.json}) finds no error and no warning. A broken copy makes it fail, so the
 * check is real. {@code /docs} serves swagger-ui from its webjar.
 */
class OpenApiDocumentTest {
    static final Path REDOCLY = Path.of("target", "redocly", "node_modules", "@redocly", "cli", "bin", "cli.js");

    @TempDir
    static Path data;
    @TempDir
    static Path work;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsServedWithoutATokenAndRedoclyFindsNoProblem() throws Exception {
        HttpResponse<String> r = open("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode doc = Json.mapper().readTree(r.body());
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        Path file = work.resolve("openapi.json");
        Files.writeString(file, r.body());

        JsonNode report = lint(file);
        assertThat(report.path("totals").path("errors").asInt()).as(report.toString()).isZero();
        assertThat(report.path("totals").path("warnings").asInt()).as(report.toString()).isZero();

        // the validator is not a rubber stamp: a Swagger 2.0 body parameter and a dangling $ref are errors
        ObjectNode broken = (ObjectNode) doc.deepCopy();
        ((ObjectNode) broken.path("paths").path("/metrics").path("get")).putArray("parameters").addObject()
                .put("name", "body").put("in", "body");
        ((ObjectNode) broken.path("paths").path("/health/live").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema")).put("$ref", "#/components/schemas/Nope");
        Path brokenFile = work.resolve("broken.json");
        Files.writeString(brokenFile, broken.toString());
        JsonNode brokenReport = lint(brokenFile);
        assertThat(brokenReport.path("problems").findValuesAsText("ruleId"))
                .as(brokenReport.toString()).contains("struct", "no-unresolved-refs");
    }

    @Test
    void docsServeSwaggerUiFromItsWebjarWithoutAToken() {
        HttpResponse<String> page = open("/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/docs/docs.js");
        HttpResponse<String> bundle = open("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(open("/docs/docs.js").body()).contains("'/openapi.json'");
        assertThat(open("/docs/../console/api/me").statusCode()).isIn(401, 404);
        assertThat(open("/docs/index.css").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> open(String path) {
        try {
            return server.client().send(HttpRequest.newBuilder(URI.create(server.server().httpUri() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode lint(Path file) throws Exception {
        assertThat(REDOCLY).as("Redocly CLI, installed by npm ci in the build (server/pom.xml)").exists();
        Path out = work.resolve(file.getFileName() + ".lint.json");
        Process p = new ProcessBuilder(List.of("node", REDOCLY.toString(), "lint", file.toString(), "--format", "json"))
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
        return Json.mapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
    }
}
