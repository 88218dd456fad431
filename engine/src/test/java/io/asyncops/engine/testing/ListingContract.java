package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import io.asyncops.engine.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Listing (paged, newest first, filtered) and retention pruning. */
public interface ListingContract extends EngineFixture {

    @Test
    default void listsASubscriptionNewestFirstInPages() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Engine engine = engine(b -> b.runWorkers(false).clock(clock));
        List<OperationId> mine = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            if (i % 4 != 0) {
                clock.advance(Duration.ofMillis(1)); // every fourth shares its creation time: ties are ordered too
            }
            mine.add(engine.submit(Submission.of("test/echo", null).withSubscription("mine")).id());
            engine.submit(Submission.of("test/echo", null).withSubscription("other"));
        }

        List<Operation> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<Operation> page = engine.list(new OperationQuery("mine", Set.of(), 5, token));
            seen.addAll(page.items());
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).extracting(Operation::id).containsExactlyInAnyOrderElementsOf(mine).doesNotHaveDuplicates();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).createdAt()).isBeforeOrEqualTo(seen.get(i - 1).createdAt());
        }
        assertThat(seen.get(0).createdAt()).isEqualTo(clock.instant());
        assertThat(engine.list(new OperationQuery(null, Set.of(), 1000, null)).items()).hasSize(46);
    }

    @Test
    default void listsByStatus() {
        Engine engine = engine(b -> b.runWorkers(false));
        Operation a = engine.submit(Submission.of("test/echo", null).withSubscription("s"));
        Operation b = engine.submit(Submission.of("test/echo", null).withSubscription("s"));
        engine.cancel(b.id());

        assertThat(engine.list(new OperationQuery("s", Set.of(OperationStatus.CANCELED), 10, null)).items())
                .extracting(Operation::id).containsExactly(b.id());
        assertThat(engine.list(new OperationQuery("s", Set.of(OperationStatus.ACCEPTED, OperationStatus.IN_PROGRESS),
                10, null)).items()).extracting(Operation::id).containsExactly(a.id());
        assertThat(engine.list(new OperationQuery("s", Set.of(OperationStatus.SUCCEEDED), 10, null)).items())
                .isEmpty();
    }

    @Test
    default void aForgedPageTokenIsRefused() {
        Engine engine = engine(b -> b.runWorkers(false));

        assertThatThrownBy(() -> engine.list(new OperationQuery(null, Set.of(), 10, "not-a-token")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void pruningDeletesOnlyTerminalOperationsPastRetentionInBatches() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Engine engine = engine(b -> b.runWorkers(false).clock(clock).retention(Duration.ofHours(24))
                .pruneBatchSize(2));
        List<OperationId> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Operation op = engine.submit(Submission.of("test/echo", null));
            engine.cancel(op.id());
            old.add(op.id());
        }
        Operation running = engine.submit(Submission.of("test/echo", null));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Operation recent = engine.submit(Submission.of("test/echo", null));
        engine.cancel(recent.id());
        old.forEach(id -> assertThat(engine.get(id)).isPresent()); // cached as terminal

        assertThat(engine.prune()).isEqualTo(5);

        old.forEach(id -> assertThat(engine.get(id)).isEmpty());
        assertThat(engine.get(running.id())).isPresent();
        assertThat(engine.get(recent.id())).isPresent();
        assertThat(engine.prune()).isZero();
    }

    @Test
    default void pruningRunsOnItsSchedule() {
        Engine engine = engine(b -> b.runWorkers(false).retention(Duration.ofMillis(1))
                .pruneInterval(Duration.ofMillis(100)));
        Operation op = engine.submit(Submission.of("test/echo", null));
        engine.cancel(op.id());

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(column("select count(*) from asyncops_operation")).containsExactly("0"));
        assertThat(engine.get(op.id())).isEmpty();
    }
}
