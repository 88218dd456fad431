package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationEvent;
import io.asyncops.engine.OperationEvent.Type;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Operations' timelines, counts and the listener's lifecycle calls: what the console and the logs are built on.
 * The rule under test: the common operation (no progress) writes no history row; progress, checkpoints, cancel
 * requests, retries and takeovers do, bounded per run.
 */
public interface HistoryContract extends EngineFixture {

    @Test
    default void aRunsStepsAreItsTimelineAndAPlainOperationWritesNoHistoryRow() {
        Engine engine = engine(b -> b
                .beforeSubmit(s -> s.correlationId() == null ? s.withCorrelationId("corr-stamped") : s)
                .handler("test/steps", ctx -> {
                    ctx.progress(40);
                    ctx.checkpoint("state-1");
                    ctx.estimateRemaining(Duration.ofSeconds(1)); // not a step
                    ctx.progress(80);
                    return Outcome.succeeded("done");
                })
                .handler("test/plain", ctx -> Outcome.succeeded("plain")));

        Operation plain = awaitEnd(engine, engine.submit(Submission.of("test/plain", null)).id());
        assertThat(column("select count(*) from asyncops_operation_event")).containsExactly("0");
        assertThat(engine.history(plain.id()).orElseThrow().events()).extracting(OperationEvent::type)
                .containsExactly(Type.ACCEPTED, Type.STARTED, Type.ENDED);

        Operation op = engine.submit(Submission.of("test/steps", null).withCorrelationId("corr-1"));
        Operation done = awaitEnd(engine, op.id());
        OperationHistory history = engine.history(op.id()).orElseThrow();

        assertThat(history.operation()).isEqualTo(done);
        assertThat(history.correlationId()).isEqualTo("corr-1");
        assertThat(engine.history(plain.id()).orElseThrow().correlationId()).isEqualTo("corr-stamped");
        List<OperationEvent> events = history.events();
        assertThat(events).extracting(OperationEvent::type).containsExactly(Type.ACCEPTED, Type.STARTED,
                Type.PROGRESS, Type.CHECKPOINT, Type.PROGRESS, Type.ENDED);
        assertThat(events.get(0).at()).isEqualTo(done.createdAt());
        assertThat(events.get(1).at()).isEqualTo(done.startedAt());
        assertThat(events.get(2).percentComplete()).isEqualTo(40.0);
        assertThat(events.get(2).attempt()).isEqualTo(1);
        assertThat(events.get(2).node()).isNotBlank();
        assertThat(events.get(3).detail()).isEqualTo("state-1");
        assertThat(events.get(4).percentComplete()).isEqualTo(80.0);
        assertThat(events.get(5).detail()).isEqualTo("Succeeded");
        assertThat(events.get(5).at()).isEqualTo(done.endedAt());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
        }
        assertThat(engine.history(OperationId.random())).isEmpty();
    }

    @Test
    default void aRunRecordsABoundedNumberOfSteps() {
        Engine engine = engine(b -> b.handler("test/chatty", ctx -> {
            for (int i = 1; i <= 200; i++) {
                ctx.progress(i / 2.0);
            }
            return Outcome.succeeded(null);
        }));
        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/chatty", null)).id());

        assertThat(done.percentComplete()).isEqualTo(100.0);
        List<OperationEvent> steps = engine.history(done.id()).orElseThrow().events().stream()
                .filter(e -> e.type() == Type.PROGRESS).toList();
        assertThat(steps).hasSize(OperationHistory.MAX_STEPS_PER_RUN);
        assertThat(steps.get(steps.size() - 1).percentComplete()).isEqualTo(OperationHistory.MAX_STEPS_PER_RUN / 2.0);
    }

    @Test
    default void aTakeoverIsOnTheTimelineAndToldToTheListener() throws Exception {
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Engine front = engine(b -> b.runWorkers(false));
        Operation op = front.submit(Submission.of("test/takeover", null));
        Engine a = engine(b -> b.nodeId("node-a").workers(1).leaseDuration(Duration.ofMinutes(10))
                .heartbeatInterval(Duration.ofMinutes(5)).handler("test/takeover", ctx -> {
                    ctx.progress(10);
                    aStarted.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return Outcome.succeeded("a");
                }));
        assertThat(aStarted.await(20, TimeUnit.SECONDS)).isTrue();
        expireLease(op.id());

        Map<String, String> takeovers = new ConcurrentHashMap<>();
        Engine b = engine(c -> c.nodeId("node-b").listener(new EngineListener() {
            @Override
            public void takenOver(Operation operation, String previousNode) {
                takeovers.put(operation.id().toString(), previousNode);
            }
        }).handler("test/takeover", ctx -> Outcome.succeeded("b")));
        Operation done = awaitEnd(front, op.id());
        release.countDown();
        a.close();

        assertThat(done.result()).isEqualTo("b");
        assertThat(takeovers).containsExactly(Map.entry(op.id().toString(), "node-a"));
        List<OperationEvent> events = b.history(op.id()).orElseThrow().events();
        assertThat(events).extracting(OperationEvent::type).containsExactly(Type.ACCEPTED, Type.STARTED,
                Type.PROGRESS, Type.TAKEN_OVER, Type.ENDED);
        assertThat(events.get(2).node()).isEqualTo("node-a");
        OperationEvent takeover = events.get(3);
        assertThat(takeover.node()).isEqualTo("node-b");
        assertThat(takeover.attempt()).isEqualTo(2);
        assertThat(takeover.detail()).isEqualTo("node-a");
    }

    @Test
    default void aRetryAfterATransientFailureIsAStartOfTheNextAttempt() {
        Engine engine = engine(b -> b.handler("test/flaky", ctx -> {
            if (ctx.attempt() == 1) {
                throw new io.asyncops.engine.TransientOperationException("try again", null);
            }
            return Outcome.succeeded("ok");
        }));
        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/flaky", null)).id());

        assertThat(done.attempt()).isEqualTo(2);
        List<OperationEvent> events = engine.history(done.id()).orElseThrow().events();
        assertThat(events).extracting(OperationEvent::type)
                .containsExactly(Type.ACCEPTED, Type.STARTED, Type.STARTED, Type.ENDED);
        assertThat(events.get(2).attempt()).isEqualTo(2);
        assertThat(events.get(2).detail()).isEqualTo("retry");
    }

    @Test
    default void aCancelRequestIsOnTheTimeline() {
        Engine engine = engine(b -> b.runWorkers(false));
        Operation op = engine.submit(Submission.of("test/cancel", null));
        engine.cancel(op.id());

        OperationHistory history = engine.history(op.id()).orElseThrow();
        assertThat(history.events()).extracting(OperationEvent::type)
                .containsExactly(Type.ACCEPTED, Type.CANCEL_REQUESTED, Type.ENDED);
        assertThat(history.events().get(2).detail()).isEqualTo("Canceled: OperationCanceled");
    }

    @Test
    default void pruningDeletesTheHistoryWithTheOperationAndTellsTheListener() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
        List<Integer> pruned = new CopyOnWriteArrayList<>();
        Engine engine = engine(b -> b.runWorkers(false).clock(clock).retention(Duration.ofHours(1))
                .listener(new EngineListener() {
                    @Override
                    public void pruned(int count) {
                        pruned.add(count);
                    }
                }));
        Operation op = engine.submit(Submission.of("test/echo", null));
        engine.cancel(op.id());
        assertThat(column("select count(*) from asyncops_operation_event")).containsExactly("1");
        clock.advance(Duration.ofHours(2));

        assertThat(engine.prune()).isEqualTo(1);
        assertThat(engine.prune()).isZero();

        assertThat(pruned).containsExactly(1);
        assertThat(column("select count(*) from asyncops_operation_event")).containsExactly("0");
        assertThat(engine.history(op.id())).isEmpty();
    }

    @Test
    default void statsCountPerStatusAndFindTheOldestActiveOperation() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Engine engine = engine(b -> b.runWorkers(false).clock(clock));
        Operation oldest = engine.submit(Submission.of("test/echo", null).withSubscription("s1"));
        clock.advance(Duration.ofMinutes(1));
        engine.submit(Submission.of("test/echo", null).withSubscription("s1"));
        engine.cancel(engine.submit(Submission.of("test/echo", null).withSubscription("s1")).id());
        clock.advance(Duration.ofMinutes(1));
        engine.submit(Submission.of("test/echo", null).withSubscription("s2"));

        OperationStats s1 = engine.stats("s1");
        assertThat(s1.count(OperationStatus.ACCEPTED)).isEqualTo(2);
        assertThat(s1.count(OperationStatus.CANCELED)).isEqualTo(1);
        assertThat(s1.count(OperationStatus.SUCCEEDED)).isZero();
        assertThat(s1.oldestActiveSince()).isEqualTo(oldest.createdAt());
        OperationStats all = engine.stats(null);
        assertThat(all.count(OperationStatus.ACCEPTED)).isEqualTo(3);
        assertThat(all.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        assertThat(engine.stats("nobody").oldestActiveSince()).isNull();
    }

    @Test
    default void listingFiltersByKindAndResourceText() {
        Engine engine = engine(b -> b.runWorkers(false));
        engine.submit(Submission.of("a/write", null).withSubscription("s").withResource("/rg/Servers/alpha"));
        engine.submit(Submission.of("a/write", null).withSubscription("s").withResource("/rg/servers/beta_1"));
        engine.submit(Submission.of("a/delete", null).withSubscription("s").withResource("/rg/servers/ALPHA-2"));
        engine.submit(Submission.of("a/write", null).withSubscription("s").withResource("/rg/servers/beta11"));

        assertThat(resources(engine, new OperationQuery("s", Set.of(), 10, null, "a/write", null)))
                .containsExactlyInAnyOrder("/rg/Servers/alpha", "/rg/servers/beta_1", "/rg/servers/beta11");
        assertThat(resources(engine, new OperationQuery("s", Set.of(), 10, null, null, "alpha")))
                .containsExactlyInAnyOrder("/rg/Servers/alpha", "/rg/servers/ALPHA-2");
        assertThat(resources(engine, new OperationQuery("s", Set.of(), 10, null, "a/write", "Alpha")))
                .containsExactly("/rg/Servers/alpha");
        // LIKE's wildcards are literal: "_1" matches beta_1, not beta11
        assertThat(resources(engine, new OperationQuery("s", Set.of(), 10, null, null, "a_1")))
                .containsExactly("/rg/servers/beta_1");
        assertThat(resources(engine, new OperationQuery("s", Set.of(), 10, null, null, "%"))).isEmpty();
    }

    private static List<String> resources(Engine engine, OperationQuery query) {
        return engine.list(query).items().stream().map(Operation::resourceId).toList();
    }
}
