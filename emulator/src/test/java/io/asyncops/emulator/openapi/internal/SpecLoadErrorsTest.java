package io.asyncops.emulator.openapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.asyncops.emulator.openapi.SpecLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec that cannot be loaded fails with its file, the JSON pointer and the reason. */
class SpecLoadErrorsTest {
    @TempDir
    Path dir;

    private static final String HEAD = "{\"swagger\":\"2.0\",\"info\":{\"title\":\"t\",\"version\":\"2024-01-01\"},";
    private static final String PATH = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/A.B/things/{thingName}";

    private SpecLoadException load(String fileName, String json) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, json);
        return catchThrowableOfType(SpecLoadException.class, () -> SpecCatalog.load(List.of(file)));
    }

    private static String get(String responseSchema) {
        return HEAD + "\"paths\":{\"" + PATH + "\":{\"get\":{\"operationId\":\"Things_Get\",\"responses\":{\"200\":"
                + "{\"description\":\"ok\",\"schema\":" + responseSchema + "}}}}}}";
    }

    @Test
    void invalidJsonNamesTheLineAndColumn() throws IOException {
        SpecLoadException e = load("broken.json", "{\"swagger\": \"2.0\",\n  \"paths\": {,}}");
        assertThat(e.file()).isEqualTo(dir.resolve("broken.json"));
        assertThat(e.pointer()).isEmpty();
        assertThat(e.reason()).contains("invalid JSON at line 2").doesNotContain("REDACTED");
    }

    @Test
    void aReferenceToAMissingFileNamesTheReference() throws IOException {
        SpecLoadException e = load("a.json", get("{\"$ref\":\"./nowhere.json#/definitions/Thing\"}"));
        assertThat(e.file()).isEqualTo(dir.resolve("a.json"));
        assertThat(e.pointer()).isEqualTo("/paths/" + PATH.replace("/", "~1") + "/get/responses/200/schema/$ref");
        assertThat(e.reason()).contains("./nowhere.json#/definitions/Thing").contains("does not exist");
        assertThat(e.getMessage()).startsWith(dir.resolve("a.json") + "#/paths/");
    }

    @Test
    void aReferenceToAMissingDefinitionInASiblingNamesIt() throws IOException {
        Files.writeString(dir.resolve("common.json"), HEAD + "\"paths\":{},\"definitions\":{\"Other\":{}}}");
        SpecLoadException e = load("b.json", get("{\"$ref\":\"./common.json#/definitions/Thing\"}"));
        assertThat(e.file()).isEqualTo(dir.resolve("b.json"));
        assertThat(e.pointer()).endsWith("/schema/$ref");
        assertThat(e.reason()).contains("points at nothing").contains("/definitions/Thing");
    }

    @Test
    void anInvalidPatternIsReportedWhereItIsDeclared() throws IOException {
        SpecLoadException e = load("c.json", HEAD + "\"paths\":{},\"definitions\":{\"Thing\":{\"type\":\"object\","
                + "\"properties\":{\"n\":{\"type\":\"string\",\"pattern\":\"[a-\"}}}}}");
        assertThat(e.pointer()).isEqualTo("/definitions/Thing/properties/n/pattern");
        assertThat(e.reason()).contains("invalid regular expression");
    }

    @Test
    void aDocumentThatIsNotSwagger20IsRefused() throws IOException {
        SpecLoadException e = load("d.json", "{\"openapi\":\"3.0.0\",\"paths\":{}}");
        assertThat(e.pointer()).isEqualTo("/swagger");
        assertThat(e.reason()).contains("not a Swagger 2.0 document");
    }

    @Test
    void anUnknownTypeAndAMissingPathAreRefused() throws IOException {
        SpecLoadException e = load("e.json", get("{\"type\":\"strin\"}"));
        assertThat(e.pointer()).endsWith("/responses/200/schema/type");
        assertThat(e.reason()).contains("unknown type 'strin'");
        SpecLoadException missing = catchThrowableOfType(SpecLoadException.class,
                () -> SpecCatalog.load(List.of(dir.resolve("absent"))));
        assertThat(missing.reason()).isEqualTo("no such file or folder");
    }

    @Test
    void aLoopOfReferencesIsReported() throws IOException {
        SpecLoadException e = load("f.json", HEAD + "\"paths\":{},\"definitions\":{"
                + "\"A\":{\"$ref\":\"#/definitions/B\"},\"B\":{\"$ref\":\"#/definitions/A\"}}}");
        assertThat(e.pointer()).isEqualTo("/definitions/A/$ref");
        assertThat(e.reason()).contains("loop");
    }
}
