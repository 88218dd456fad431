package io.asyncops.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.emulator.openapi.internal.SpecCatalog;
import io.asyncops.emulator.openapi.internal.SpecOperation;
import io.asyncops.protocol.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Microsoft's live-traffic validator (npm {@code oav} 4.0.3, installed in {@code target/oav} by {@code npm ci} in the
 * build) run on recorded exchanges: the exchanges that target a spec path, and the errors it finds in them. A
 * request refused with a 4xx may be invalid (that is why it was refused), its answer may not; an operation whose
 * spec declares no error answer at all (Storage's) may answer a 4xx oav calls undeclared, as Azure's own would.
 */
final class Oav {
    static final Path HOME = Path.of("target", "oav");

    /** What oav found: the exchanges on spec paths, and the ones with errors (described). */
    record Findings(int matched, List<String> failures) {
    }

    private Oav() {
    }

    /** Whether node is on the PATH (else oav cannot run here). */
    static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Validates {@code exchanges} (a {@link Recorder} file) against the specs under {@code specification} matching
     * {@code pattern} (relative to it), writing oav's results and log next to the exchanges.
     */
    static Findings validate(Path specification, Path exchanges, String pattern) throws Exception {
        assertThat(HOME.resolve("node_modules/oav")).as("oav, installed by npm ci in the build (server/pom.xml)")
                .exists();
        Set<String> noErrorSchema = new HashSet<>();
        SpecCatalog catalog = SpecCatalog.load(List.of(specification));
        catalog.types().values().forEach(t -> t.versions().values().forEach(v -> {
            v.verbs().values().forEach(op -> undeclared(op, noErrorSchema));
            v.collections().forEach(op -> undeclared(op, noErrorSchema));
            v.actions().values().forEach(op -> undeclared(op, noErrorSchema));
        }));
        catalog.providerOperations().values().forEach(ops -> ops.forEach(op -> undeclared(op, noErrorSchema)));
        String stem = exchanges.getFileName().toString().replace(".json", "");
        Path results = exchanges.resolveSibling(stem + "-oav.json");
        Path log = exchanges.resolveSibling(stem + "-oav.log");
        Process node = new ProcessBuilder("node", HOME.resolve("validate.js").toString(), specification.toString(),
                exchanges.toString(), results.toString(), pattern)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = node.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            node.destroyForcibly();
        }
        assertThat(ended && node.exitValue() == 0).as("oav ran on %s:%n%s", exchanges, tail(log)).isTrue();
        int matched = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode result : Json.mapper().readTree(results.toFile()).path("results")) {
            if (result.path("operationId").asText().equals("unknownOperationId")) {
                continue; // our own status monitors and result URLs: no spec describes them
            }
            matched++;
            int status = result.path("status").asInt();
            boolean refused = status >= 400 && status < 500;
            List<JsonNode> responseErrors = new ArrayList<>();
            for (JsonNode e : result.path("responseErrors")) {
                boolean undeclaredError = refused && e.path("code").asText().equals("INVALID_RESPONSE_CODE")
                        && noErrorSchema.contains(result.path("operationId").asText());
                if (!undeclaredError) {
                    responseErrors.add(e);
                }
            }
            if (!responseErrors.isEmpty() || (!refused && !result.path("requestErrors").isEmpty())) {
                failures.add(result.path("method").asText() + " " + result.path("url").asText() + " -> " + status
                        + " (" + result.path("operationId").asText() + "): request " + result.path("requestErrors")
                        + ", response " + result.path("responseErrors"));
            }
        }
        return new Findings(matched, failures);
    }

    private static void undeclared(SpecOperation op, Set<String> into) {
        if (op.errorSchema() == null && op.operationId() != null) {
            into.add(op.operationId());
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
