package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many waiters: operations that end in groups wake every waiter by their own notice, whatever else is running. */
public interface WaitersContract extends EngineFixture {

    /**
     * A lease heartbeat is a transaction that locks the rows it extends; an ending waits for those locks. While a
     * heartbeat is stuck on one row (held here by another transaction), the endings of other operations still
     * commit and wake their waiters by notice (the fallback recheck is 30 s, the waits 20 s). With one heartbeat
     * transaction for all leases, they waited for it (on PostgreSQL, for as long as the row was held).
     */
    @Test
    default void endingsWakeTheirWaitersWhileAHeartbeatIsStuckOnAnotherOperation() throws Exception {
        int running = 300; // more than two heartbeat transactions' worth of leases
        int ending = 100;
        Map<OperationId, CountDownLatch> gates = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(running);
        Engine engine = engine(b -> b.workers(running).heartbeatInterval(Duration.ofMillis(200))
                .fallbackPollInterval(Duration.ofSeconds(30)).handler("test/gated", ctx -> {
                    CountDownLatch gate = gates.computeIfAbsent(ctx.operation().id(), k -> new CountDownLatch(1));
                    started.countDown();
                    gate.await();
                    return Outcome.succeeded("{}");
                }));
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < running; i++) {
            ops.add(engine.submit(Submission.of("test/gated", null)));
        }
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        // the heartbeat extends leases in the order of their ids: the last is in its last transaction
        ops.sort(Comparator.comparing(op -> op.id().toString()));
        OperationId held = ops.getLast().id();

        try (Connection c = db().dataSource().getConnection();
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "update asyncops_operation set due_at = due_at where id = ?")) {
                ps.setObject(1, held.value());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            Thread.sleep(1_000); // a heartbeat (every 200 ms) reaches the held row and waits for it
            List<Future<Operation>> waits = new ArrayList<>();
            for (Operation op : ops.subList(0, ending)) {
                for (int w = 0; w < 2; w++) {
                    waits.add(pool.submit(() -> awaitTerminal(engine, op.id(), Duration.ofSeconds(20))));
                }
            }
            ops.subList(0, ending).forEach(op -> gates.get(op.id()).countDown()); // they end in groups
            int released = 0;
            for (Future<Operation> f : waits) {
                if (f.get().status() == OperationStatus.SUCCEEDED) {
                    released++;
                }
            }
            c.rollback();
            assertThat(released).as("waiters released by their operations' ends").isEqualTo(2 * ending);
        } finally {
            gates.values().forEach(CountDownLatch::countDown);
        }
    }

    /** Waits like a long poll: until the operation is terminal or {@code wait} passes; what it saw last. */
    private static Operation awaitTerminal(Engine engine, OperationId id, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Operation op = engine.get(id).orElseThrow();
        while (!op.isTerminal() && deadline - System.nanoTime() > 0) {
            op = engine.await(id, op.version(), Duration.ofNanos(deadline - System.nanoTime())).orElseThrow();
        }
        return op;
    }
}
