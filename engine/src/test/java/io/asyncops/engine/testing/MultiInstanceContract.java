package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.DefaultEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * For databases shared by several processes (PostgreSQL): instances tell each other about changes, so neither
 * new work nor a waiter depends on polling. Polling is set to 30 s here to prove it.
 */
public interface MultiInstanceContract extends EngineFixture {

    @Test
    default void anotherInstanceWakesWithinMillisecondsOfAChange() throws Exception {
        Duration noPolling = Duration.ofSeconds(30);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicLong endedAt = new AtomicLong();
        Engine worker = engine(b -> b.nodeId("worker").fallbackPollInterval(noPolling)
                .listener(new EngineListener() {
                    @Override
                    public void ended(Operation operation) {
                        endedAt.set(System.nanoTime());
                    }
                })
                .handler("test/gate", ctx -> {
                    started.countDown();
                    finish.await(30, TimeUnit.SECONDS);
                    return Outcome.succeeded("through");
                }));
        Engine front = engine(b -> b.nodeId("front").runWorkers(false).fallbackPollInterval(noPolling));

        long submittedAt = System.nanoTime();
        Operation op = front.submit(Submission.of("test/gate", null));
        // the other instance's workers heard of the submit: they did not wait for a 30 s poll
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long startLatency = System.nanoTime() - submittedAt;
        Operation running = op;
        while (running.status() != OperationStatus.IN_PROGRESS) {
            running = front.await(op.id(), running.version(), Duration.ofSeconds(10)).orElseThrow();
        }
        Operation seen = running;
        CompletableFuture<Operation> waiter = new CompletableFuture<>();
        AtomicLong wokeAt = new AtomicLong();
        Thread.ofVirtual().start(() -> {
            try {
                Operation o = front.await(op.id(), seen.version(), Duration.ofSeconds(20)).orElseThrow();
                wokeAt.set(System.nanoTime());
                waiter.complete(o);
            } catch (Throwable t) {
                waiter.completeExceptionally(t);
            }
        });
        Thread.sleep(50); // let the waiter block first

        finish.countDown();
        Operation done = waiter.get(20, TimeUnit.SECONDS);

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        // the worker's listener runs after the commit whose notice may already have woken the waiter: read the end
        // time once it is there (a waiter that woke first counts as zero)
        await().atMost(Duration.ofSeconds(10)).until(() -> endedAt.get() != 0);
        Duration wake = Duration.ofNanos(Math.max(0, wokeAt.get() - endedAt.get()));
        System.out.printf("cross-instance: submit->start %.1f ms, end->waiter woke %.1f ms%n",
                startLatency / 1e6, wake.toNanos() / 1e6);
        assertThat(wake).isLessThan(Duration.ofMillis(500));
    }

    /**
     * The insert of a group announces every row it stored, in payloads of at most 150 ids: a group of 256 (the
     * most one commit takes) is heard of id by id on another instance.
     */
    @Test
    default void anotherInstanceHearsOfEveryOperationOfALargeGroup() throws Exception {
        Set<OperationId> heard = ConcurrentHashMap.newKeySet();
        engine(b -> b.nodeId("listener").runWorkers(false).listener(new EngineListener() {
            @Override
            public void changed(OperationId id) {
                heard.add(id);
            }
        }));
        // one committer, held by a submit whose work waits: the 256 callers behind it share the next group
        DefaultEngine front = (DefaultEngine) engine(b -> b.nodeId("front").runWorkers(false).submitCommitters(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<OperationId> submitted = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Operation> first = pool.submit(() -> front.submit(Submission.of("test/echo", null), c -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<Operation>> group = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                group.add(pool.submit(() -> front.submit(Submission.of("test/echo", null))));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> front.queuedSubmits() == 256);
            release.countDown();
            submitted.add(first.get(30, TimeUnit.SECONDS).id());
            for (Future<Operation> f : group) {
                submitted.add(f.get(30, TimeUnit.SECONDS).id());
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).containsAll(submitted));
    }

    /**
     * Two instances submitting at once: each listener wakes mostly for its own instance's notices (and then waits
     * a little before reading again, so several arrive together), yet hears of every operation the other stored.
     */
    @Test
    default void instancesSubmittingAtOnceHearOfEachOthersEveryOperation() throws Exception {
        Set<OperationId> heardByA = ConcurrentHashMap.newKeySet();
        Set<OperationId> heardByB = ConcurrentHashMap.newKeySet();
        Duration noPolling = Duration.ofSeconds(30);
        Engine a = engine(b -> b.nodeId("a").runWorkers(false).fallbackPollInterval(noPolling)
                .listener(new EngineListener() {
                    @Override
                    public void changed(OperationId id) {
                        heardByA.add(id);
                    }
                }));
        Engine b = engine(c -> c.nodeId("b").runWorkers(false).fallbackPollInterval(noPolling)
                .listener(new EngineListener() {
                    @Override
                    public void changed(OperationId id) {
                        heardByB.add(id);
                    }
                }));
        Set<OperationId> byA = ConcurrentHashMap.newKeySet();
        Set<OperationId> byB = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        byA.add(a.submit(Submission.of("test/echo", null)).id());
                    }
                }));
                callers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        byB.add(b.submit(Submission.of("test/echo", null)).id());
                    }
                }));
            }
            for (Future<?> f : callers) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(byA).hasSize(1200);
        assertThat(byB).hasSize(1200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(heardByB).containsAll(byA);
            assertThat(heardByA).containsAll(byB);
        });
    }
}
