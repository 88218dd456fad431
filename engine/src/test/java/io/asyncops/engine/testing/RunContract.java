package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransientOperationException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Running operations: outcomes, effects, failures, retries, progress and waiting for changes. */
public interface RunContract extends EngineFixture {

    @Test
    default void operationRunsToSucceededWithItsResultAndEffect() {
        createEffectTable();
        List<String> events = new CopyOnWriteArrayList<>();
        Engine engine = engine(b -> b
                .handler("test/work", ctx -> {
                    ctx.progress(50);
                    ctx.checkpoint("half");
                    return Outcome.succeeded("done:" + ctx.input(), EngineFixture.effect(ctx.operation().id(), "ok"));
                })
                .listener(new EngineListener() {
                    @Override
                    public void submitted(Operation op) {
                        events.add("submitted " + op.status());
                    }

                    @Override
                    public void started(Operation op) {
                        events.add("started " + op.status());
                    }

                    @Override
                    public void ended(Operation op) {
                        events.add("ended " + op.status());
                    }
                }));

        Operation submitted = engine.submit(Submission.of("test/work", "in"));
        Operation done = awaitEnd(engine, submitted.id());

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo("done:in");
        assertThat(done.percentComplete()).isEqualTo(100.0);
        assertThat(done.checkpoint()).isEqualTo("half");
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.error()).isNull();
        assertThat(done.startedAt()).isAfterOrEqualTo(done.createdAt());
        assertThat(done.endedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.version()).isGreaterThan(submitted.version());
        assertThat(effects(done.id())).containsExactly("ok");
        // the submitter's call and the worker's run race (a worker may claim as soon as the submit commits)
        await().untilAsserted(() -> assertThat(events)
                .containsExactlyInAnyOrder("submitted Accepted", "started InProgress", "ended Succeeded"));
        assertThat(events.indexOf("started InProgress")).isLessThan(events.indexOf("ended Succeeded"));
        // the snapshot this engine hands out (cached once terminal) is the one the database holds
        assertThat(engine(b -> b.runWorkers(false)).get(done.id())).contains(done);
    }

    @Test
    default void failedOutcomeKeepsItsErrorAndEffect() {
        createEffectTable();
        OperationError error = OperationError.of("Conflict", "the name is taken", 409);
        Engine engine = engine(b -> b.handler("test/fail",
                ctx -> Outcome.failed(error, EngineFixture.effect(ctx.operation().id(), "undone"))));

        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/fail", null)).id());

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.error()).isEqualTo(error);
        assertThat(effects(done.id())).containsExactly("undone");
        assertThat(engine(b -> b.runWorkers(false)).get(done.id()).orElseThrow().error()).isEqualTo(error);
    }

    @Test
    default void handlerExceptionFailsWithInternalServerErrorAndNoStackTrace() {
        Engine engine = engine(b -> b.handler("test/crash", ctx -> {
            throw new IllegalStateException("secret internal detail");
        }));

        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/crash", null)).id());

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.error().code()).isEqualTo("InternalServerError");
        assertThat(done.error().httpStatus()).isEqualTo(500);
        assertThat(done.error().message()).doesNotContain("secret", "Exception", "at io.", "\n");
    }

    @Test
    default void transientFailuresAreRetriedUntilSuccess() {
        AtomicInteger runs = new AtomicInteger();
        Engine engine = engine(b -> b.maxAttempts(5).handler("test/flaky", ctx -> {
            if (runs.incrementAndGet() < 3) {
                throw new TransientOperationException("dependency briefly down");
            }
            return Outcome.succeeded("on attempt " + ctx.attempt());
        }));

        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/flaky", null)).id());

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo("on attempt 3");
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(runs).hasValue(3);
    }

    @Test
    default void exhaustedRetriesFailTheOperation() {
        AtomicInteger runs = new AtomicInteger();
        Engine engine = engine(b -> b.maxAttempts(3).handler("test/down", ctx -> {
            runs.incrementAndGet();
            throw new TransientOperationException("still down");
        }));

        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/down", null)).id());

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.attempt()).isEqualTo(3);
        assertThat(done.error().code()).isEqualTo("InternalServerError");
        assertThat(done.error().message()).contains("3 attempts", "still down");
        assertThat(runs).hasValue(3);
    }

    @Test
    default void failingEffectFailsTheOperationWithoutIt() {
        createEffectTable();
        Engine engine = engine(b -> b.handler("test/bad-effect", ctx -> Outcome.succeeded("never", c -> {
            EngineFixture.effect(ctx.operation().id(), "partial").execute(c);
            throw new SQLException("effect failed");
        })));

        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/bad-effect", null)).id());

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.result()).isNull();
        assertThat(effects(done.id())).isEmpty();
    }

    @Test
    default void progressIsVisibleAndWakesWaiters() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        Engine engine = engine(b -> b.handler("test/slow", ctx -> {
            ctx.progress(30);
            ctx.estimateRemaining(Duration.ofSeconds(90));
            finish.await(30, TimeUnit.SECONDS);
            return Outcome.succeeded();
        }));
        Operation op = engine.submit(Submission.of("test/slow", null));

        Operation seen = op;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.percentComplete() == null || seen.expectedEndAt() == null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            seen = engine.await(op.id(), seen.version(), Duration.ofSeconds(5)).orElseThrow();
        }
        finish.countDown();

        assertThat(seen.status()).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(seen.percentComplete()).isEqualTo(30.0);
        assertThat(seen.expectedEndAt()).isAfter(seen.startedAt().plusSeconds(80));
        assertThat(engine.retryAfter(seen)).isGreaterThan(Duration.ofSeconds(60 - 15));
        assertThat(awaitEnd(engine, op.id()).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    default void awaitReturnsAtOnceForANewerVersionAndWaitsOtherwise() throws Exception {
        Engine engine = engine(b -> b.runWorkers(false));
        Operation op = engine.submit(Submission.of("test/echo", null));

        long t0 = System.nanoTime();
        assertThat(engine.await(op.id(), 0, Duration.ofSeconds(20))).contains(op);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));

        t0 = System.nanoTime();
        assertThat(engine.await(op.id(), op.version(), Duration.ofMillis(300))).contains(op);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        assertThat(engine.await(OperationId.random(), 0, Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    default void awaitWakesOnAChangeMadeByThisEngine() throws Exception {
        Engine engine = engine(b -> b.runWorkers(false).fallbackPollInterval(Duration.ofSeconds(30)));
        Operation op = engine.submit(Submission.of("test/echo", null));
        Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            engine.cancel(op.id());
        });

        long t0 = System.nanoTime();
        Optional<Operation> changed = engine.await(op.id(), op.version(), Duration.ofSeconds(20));

        assertThat(changed.orElseThrow().status()).isEqualTo(OperationStatus.CANCELED);
        // woken by the change itself, not by the 30 s fallback poll
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    default void retryAfterGrowsWithAgeWithinItsBounds() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Engine engine = engine(b -> b.runWorkers(false).clock(clock));
        Operation op = engine.submit(Submission.of("test/echo", null));

        assertThat(engine.retryAfter(op)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(40));
        assertThat(engine.retryAfter(op)).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofHours(1));
        assertThat(engine.retryAfter(op)).isEqualTo(Duration.ofSeconds(60));

        Engine bounded = engine(b -> b.runWorkers(false).clock(clock)
                .retryAfterBounds(Duration.ofSeconds(5), Duration.ofSeconds(8)));
        Operation fresh = bounded.submit(Submission.of("test/echo", null));
        assertThat(bounded.retryAfter(fresh)).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(40));
        assertThat(bounded.retryAfter(fresh)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    default void finishedOperationsAreReadFromTheCache() {
        Engine engine = engine(b -> b.handler("test/quick", ctx -> Outcome.succeeded("r")));
        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/quick", null)).id());

        sql("delete from asyncops_operation");

        // terminal snapshots never change, so this engine answers without the database
        assertThat(engine.get(done.id())).contains(done);
        assertThat(engine(b -> b.runWorkers(false)).get(done.id())).isEmpty();
    }

    @Test
    default void aTerminalSnapshotIsKeptInMemoryUnlessTheSnapshotCacheIsOff() {
        Engine cached = engine(b -> b.handler("test/quick", ctx -> Outcome.succeeded("{\"n\":1}")));
        Operation ended = awaitEnd(cached, cached.submit(Submission.of("test/quick", null)).id());
        assertThat(cached.get(ended.id())).contains(ended);
        // a change behind the engines' backs (no engine writes a terminal row): only a read of the row sees it
        assertThat(update("update asyncops_operation set result = ? where id = ?", "{\"n\":2}",
                ended.id().value())).isEqualTo(1);
        Engine uncached = engine(b -> b.snapshotCacheBytes(0).runWorkers(false));

        assertThat(cached.get(ended.id()).orElseThrow().result()).isEqualTo("{\"n\":1}");
        assertThat(uncached.get(ended.id()).orElseThrow().result()).isEqualTo("{\"n\":2}");
        assertThat(uncached.get(OperationId.random())).isEmpty();
        assertThatThrownBy(() -> EngineConfig.builder(db().dataSource()).snapshotCacheBytes(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshotCacheBytes");
    }
}
