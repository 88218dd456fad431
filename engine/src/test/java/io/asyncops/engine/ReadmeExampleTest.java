package io.asyncops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embedding the engine" example, as written there, on a real H2 file database. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRunsAnOperationToItsEnd() throws Exception {
        Optional<Operation> ended;
        try (Database db = Database.h2(dir.resolve("data"));
             Engine engine = Engine.start(EngineConfig.builder(db.dataSource())
                     .handler("report/build", ctx -> {
                         ctx.progress(50);
                         return Outcome.succeeded(buildReport(ctx.input()));
                     })
                     .build())) {
            Operation op = engine.submit(Submission.of("report/build", "{\"year\":2026}"));
            assertThat(engine.get(op.id())).isPresent();
            Optional<Operation> now = engine.await(op.id(), op.version(), Duration.ofSeconds(30));
            while (now.isPresent() && !now.get().status().isTerminal()) {
                now = engine.await(op.id(), now.get().version(), Duration.ofSeconds(30));
            }
            ended = now;
        }
        assertThat(ended).hasValueSatisfying(op -> {
            assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(op.result()).isEqualTo("report for {\"year\":2026}");
        });
    }

    private static String buildReport(String input) {
        return "report for " + input;
    }
}
