package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.LeaseLostException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Leases, crashes and several engine instances: every operation ends exactly once, from its checkpoint. */
public interface RecoveryContract extends EngineFixture {

    @Test
    default void aWorkerWhoseLeaseExpiredCannotComplete() throws Exception {
        createEffectTable();
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch aProceeds = new CountDownLatch(1);
        CountDownLatch aWrote = new CountDownLatch(1);
        AtomicReference<RuntimeException> aWrite = new AtomicReference<>();
        Engine front = engine(b -> b.runWorkers(false));
        Operation op = front.submit(Submission.of("test/lease", null));
        OperationHandler waitsThenWrites = ctx -> {
            aStarted.countDown();
            aProceeds.await(30, TimeUnit.SECONDS);
            try {
                ctx.checkpoint("written by a");
            } catch (LeaseLostException e) {
                aWrite.set(e);
            } finally {
                aWrote.countDown();
            }
            return Outcome.succeeded("a", EngineFixture.effect(ctx.operation().id(), "a"));
        };
        // Only the test ends node-a's lease, and only node-b takes the operation over: node-a's one worker stays
        // busy with the run (a free one would race node-b's start to claim the expired operation back), and its
        // heartbeats are minutes apart (a beat computed before the expiry and written after it would revive it).
        Engine a = engine(b -> b.nodeId("node-a").workers(1).leaseDuration(Duration.ofMinutes(10))
                .heartbeatInterval(Duration.ofMinutes(5)).handler("test/lease", waitsThenWrites));
        assertThat(aStarted.await(20, TimeUnit.SECONDS)).isTrue();

        expireLease(op.id());
        Engine b = engine(c -> c.nodeId("node-b").handler("test/lease",
                ctx -> Outcome.succeeded("b", EngineFixture.effect(ctx.operation().id(), "b"))));
        Operation done = awaitEnd(front, op.id());
        aProceeds.countDown();
        assertThat(aWrote.await(20, TimeUnit.SECONDS)).isTrue();
        a.close(); // returns once a's run is over, its ending refused too

        assertThat(done.result()).isEqualTo("b");
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(aWrite.get()).isInstanceOf(LeaseLostException.class);
        assertThat(effects(op.id())).containsExactly("b");
        assertThat(engine(c -> c.runWorkers(false)).get(op.id())).contains(done);
        assertThat(b.get(op.id())).contains(done);
    }

    @Test
    default void aKilledEngineProcessIsResumedFromItsCheckpoint() throws Exception {
        TestDatabase where = target();
        releaseDatabase(); // H2 lets one process at a time open its file
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingNode.class.getName(),
                where.jdbcUrl(), where.user(), where.password())
                .redirectErrorStream(true).start();
        OperationId id;
        try {
            id = OperationId.parse(awaitLine(child, "CHECKPOINTED ", Duration.ofSeconds(60)));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
            child.waitFor(30, TimeUnit.SECONDS);
        }

        List<String> seenCheckpoints = new ArrayList<>();
        Engine engine = engine(b -> b.handler(CrashingNode.KIND, ctx -> {
            seenCheckpoints.add(ctx.checkpoint().orElse("none"));
            return Outcome.succeeded("resumed from " + ctx.checkpoint().orElse("nothing"));
        }));
        Operation done = awaitEnd(engine, id);

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo("resumed from " + CrashingNode.CHECKPOINT);
        assertThat(done.attempt()).isEqualTo(2);
        assertThat(done.input()).isEqualTo("{\"steps\":2}");
        assertThat(seenCheckpoints).containsExactly(CrashingNode.CHECKPOINT);
    }

    @Test
    default void anAbandonedEngineIsResumedElsewhereOnceItsLeaseExpires() throws Exception {
        CountDownLatch checkpointed = new CountDownLatch(1);
        Engine a = engine(b -> b.nodeId("node-a").handler("test/steps", ctx -> {
            ctx.checkpoint("step-1");
            checkpointed.countDown();
            ctx.sleep(Duration.ofMinutes(5));
            return Outcome.succeeded("a");
        }));
        Operation op = a.submit(Submission.of("test/steps", null));
        assertThat(checkpointed.await(20, TimeUnit.SECONDS)).isTrue();

        // as if the process died: threads stop, nothing released, the lease left to run out
        ((io.asyncops.engine.internal.DefaultEngine) a).halt();
        // node-b's clock is two minutes ahead: for it, node-a's one-minute lease ran out with nobody to extend it
        // (while node-a lived, its lease could not run out early and be claimed back by node-a itself)
        Engine b = engine(c -> c.nodeId("node-b").clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)))
                .handler("test/steps", ctx -> Outcome.succeeded("b after " + ctx.checkpoint().orElse("nothing"))));

        Operation done = awaitEnd(b, op.id());
        assertThat(done.result()).isEqualTo("b after step-1");
        assertThat(done.attempt()).isEqualTo(2);
    }

    @Test
    default void aClosedEngineGivesItsOperationsBackAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Duration longLease = Duration.ofSeconds(60);
        Engine a = engine(b -> b.nodeId("node-a").leaseDuration(longLease).handler("test/long", ctx -> {
            started.countDown();
            ctx.sleep(Duration.ofMinutes(5));
            return Outcome.succeeded("a");
        }));
        Operation op = a.submit(Submission.of("test/long", null));
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        a.close();
        Engine b = engine(c -> c.nodeId("node-b").handler("test/long", ctx -> Outcome.succeeded("b")));

        long t0 = System.nanoTime();
        Operation done = awaitEnd(b, op.id());
        assertThat(done.result()).isEqualTo("b");
        assertThat(done.attempt()).isEqualTo(2);
        // not after the 60 s lease: the closing engine released it
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    default void anOperationAbandonedTooOftenFails() {
        Engine front = engine(b -> b.runWorkers(false));
        Operation op = front.submit(Submission.of("test/poison", null));
        update("update asyncops_operation set attempt = 5 where id = ?", op.id().value());
        AtomicInteger runs = new AtomicInteger();
        Engine worker = engine(b -> b.maxAttempts(5).handler("test/poison", ctx -> {
            runs.incrementAndGet();
            return Outcome.succeeded();
        }));

        Operation done = awaitEnd(worker, op.id());

        assertThat(done.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(done.error().message()).contains("abandoned");
        assertThat(runs).hasValue(0);
    }

    @Test
    default void twoEnginesRunAndEndEachOf2000OperationsExactlyOnce() throws Exception {
        createEffectTable();
        Map<OperationId, AtomicInteger> endedCalls = new ConcurrentHashMap<>();
        EngineListener counter = new EngineListener() {
            @Override
            public void ended(Operation op) {
                endedCalls.computeIfAbsent(op.id(), k -> new AtomicInteger()).incrementAndGet();
            }
        };
        Map<OperationId, AtomicInteger> runs = new ConcurrentHashMap<>();
        // leases far longer than the test: every second run of a handler would be a claim given twice
        Duration lease = Duration.ofSeconds(60);
        Engine a = engine(b -> b.nodeId("node-a").workers(16).leaseDuration(lease).listener(counter)
                .handler("test/count", tagged("a", runs)));
        Engine b = engine(c -> c.nodeId("node-b").workers(16).leaseDuration(lease).listener(counter)
                .handler("test/count", tagged("b", runs)));

        SubmitContract.concurrently(8, () -> {
            for (int i = 0; i < 250; i++) {
                (i % 2 == 0 ? a : b).submit(Submission.of("test/count", Integer.toString(i)));
            }
            return null;
        });

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(column("select count(*) from asyncops_operation where status = 'Succeeded'"))
                        .containsExactly("2000"));
        assertThat(column("select count(*) from asyncops_operation")).containsExactly("2000");
        assertThat(column("select count(*) from test_effect")).containsExactly("2000");
        assertThat(column("select op_id from test_effect group by op_id having count(*) > 1")).isEmpty();
        await().untilAsserted(() -> assertThat(endedCalls).hasSize(2000));
        assertThat(endedCalls.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(runs).hasSize(2000);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).hasValue(1));
        assertThat(column("select distinct tag from test_effect order by tag")).containsExactly("a", "b");
    }

    private static OperationHandler tagged(String tag, Map<OperationId, AtomicInteger> runs) {
        return ctx -> {
            runs.computeIfAbsent(ctx.operation().id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1); // long enough for both engines to take a share
            return Outcome.succeeded(tag, EngineFixture.effect(ctx.operation().id(), tag));
        };
    }

    /** Reads the child's output until a line starting with {@code prefix}; returns the rest of that line. */
    private static String awaitLine(Process child, String prefix, Duration timeout) throws Exception {
        AtomicReference<String> found = new AtomicReference<>();
        StringBuilder output = new StringBuilder();
        CountDownLatch seen = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith(prefix) && found.compareAndSet(null, line.substring(prefix.length()).trim())) {
                        seen.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed
            }
        });
        if (!seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            reader.join(5_000);
            synchronized (output) {
                throw new AssertionError("the child never printed " + prefix + "; its output:\n" + output);
            }
        }
        return found.get();
    }
}
