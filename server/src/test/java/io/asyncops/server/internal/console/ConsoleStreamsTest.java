package io.asyncops.server.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.Submission;
import io.asyncops.server.spi.ApiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console streams' bounds and isolation, on a real engine (H2): no stream sees another subscription. */
class ConsoleStreamsTest {
    @TempDir
    Path data;

    @Test
    void streamsAreBoundedAndSeeOnlyTheirSubscription() throws Exception {
        ChangeLog log = new ChangeLog(1_000);
        try (Database db = Database.h2(data);
             Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false).listener(log).build());
             ConsoleStreams streams = new ConsoleStreams(engine, log, 2)) {
            ConsoleStreams.Stream a = streams.open("Sub-A");
            ConsoleStreams.Stream other = streams.open("sub-b");
            assertThatThrownBy(() -> streams.open("sub-c")).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(503));

            Set<OperationId> mine = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                mine.add(engine.submit(Submission.of("k/write", null).withSubscription("sub-a")).id());
            }
            Operation theirs = engine.submit(Submission.of("k/write", null).withSubscription("sub-b"));
            Set<OperationId> seen = new HashSet<>();
            while (seen.size() < 3) {
                Optional<Operation> next = a.next(Duration.ofSeconds(10));
                assertThat(next).as("a change within 10 s").isPresent();
                assertThat(next.get().subscription()).isEqualTo("sub-a");
                seen.add(next.get().id());
            }
            assertThat(seen).isEqualTo(mine);
            assertThat(other.next(Duration.ofSeconds(10)).map(Operation::id)).contains(theirs.id());
            assertThat(a.next(Duration.ofMillis(500))).isEmpty();

            streams.close(other);
            streams.close(streams.open("sub-c"));
        }
    }

    @Test
    void theChangeLogKeepsABoundedNumberOfIdsAndSaysWhenItDroppedSome() throws Exception {
        ChangeLog log = new ChangeLog(5);
        log.changed(OperationId.random()); // not watched: dropped, nothing remembered
        log.watch(true);
        for (int i = 0; i < 8; i++) {
            log.changed(OperationId.random());
        }
        ChangeLog.Changes changes = log.drain(Duration.ofSeconds(1), Duration.ZERO);
        assertThat(changes.ids()).hasSize(5);
        assertThat(changes.overflowed()).isTrue();
        log.changed(OperationId.random());
        ChangeLog.Changes next = log.drain(Duration.ofSeconds(1), Duration.ZERO);
        assertThat(next.ids()).hasSize(1);
        assertThat(next.overflowed()).isFalse();
        assertThat(log.drain(Duration.ofMillis(50), Duration.ZERO).ids()).isEqualTo(List.of());
    }
}
