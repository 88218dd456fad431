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
import java.sql.SQLException;
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

    /**
     * A change no notice announced (made here in SQL as the engine makes it, stamp included, but without its
     * notice: a notice lost) still wakes its waiter, by the fallback recheck's read of the changed rows. The full
     * read of every waited-on operation comes every 30 rounds (15 s here), after the wait (10 s) has ended: only
     * the read of the changes can release it in time.
     */
    @Test
    default void aChangeNoNoticeAnnouncedWakesItsWaiterByTheChangesRead() throws Exception {
        Engine engine = engine(b -> b.runWorkers(false).fallbackPollInterval(Duration.ofMillis(500)));
        Operation op = engine.submit(Submission.of("test/unannounced", null));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Operation> waiter = pool.submit(() ->
                    engine.await(op.id(), op.version(), Duration.ofSeconds(10)).orElseThrow());
            Thread.sleep(1_200); // the waiter is registered and the recheck has run rounds with it
            assertThat(waiter).isNotDone();
            assertThat(changeUnannounced(op.id())).isEqualTo(1);
            long changedAt = System.nanoTime();
            Operation seen = waiter.get(30, TimeUnit.SECONDS);
            Duration released = Duration.ofNanos(System.nanoTime() - changedAt);
            System.out.printf("unannounced change -> waiter released: %d ms%n", released.toMillis());
            // woken, not timed out: a wait that runs out (8.8 s after the change) reads the new version too
            assertThat(released).isLessThan(Duration.ofSeconds(5));
            assertThat(seen.version()).as("the version the waiter saw").isEqualTo(op.version() + 1);
            assertThat(seen.percentComplete()).isEqualTo(50.0);
        }
    }

    /**
     * A write stamped before a round read a later stamp, and committed after the rounds moved past it: the read
     * of the changes cannot see it, the full read of every waited-on operation (every 30 rounds: 3 s here) must.
     */
    @Test
    default void aChangeCommittedAfterLaterStampsWereReadStillWakesItsWaiter() throws Exception {
        Engine engine = engine(b -> b.runWorkers(false).fallbackPollInterval(Duration.ofMillis(100)));
        Operation slow = engine.submit(Submission.of("test/unannounced", null));
        Operation other = engine.submit(Submission.of("test/unannounced", null));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             Connection c = db().dataSource().getConnection()) {
            Future<Operation> waiter = pool.submit(() ->
                    engine.await(slow.id(), slow.version(), Duration.ofSeconds(20)).orElseThrow());
            c.setAutoCommit(false);
            assertThat(changeUnannounced(c, slow.id())).isEqualTo(1); // stamped, not committed
            assertThat(changeUnannounced(other.id())).isEqualTo(1); // a later stamp, committed
            Thread.sleep(600); // rounds read the later stamp: their floor is past the slow write's
            assertThat(waiter).isNotDone();
            c.commit();
            long committedAt = System.nanoTime();
            Operation seen = waiter.get(30, TimeUnit.SECONDS);
            Duration released = Duration.ofNanos(System.nanoTime() - committedAt);
            System.out.printf("change committed late -> waiter released: %d ms%n", released.toMillis());
            // woken, not timed out: a wait that runs out (19 s after the commit) reads the new version too
            assertThat(released).isLessThan(Duration.ofSeconds(12));
            assertThat(seen.version()).as("the version the waiter saw").isEqualTo(slow.version() + 1);
        }
    }

    /** Moves an operation's version as the engine's writes do (stamp included), without announcing it. */
    private int changeUnannounced(OperationId id) throws SQLException {
        try (Connection c = db().dataSource().getConnection()) {
            return changeUnannounced(c, id);
        }
    }

    private static int changeUnannounced(Connection c, OperationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update asyncops_operation set percent_complete = 50,"
                + " version = version + 1, change_seq = nextval('asyncops_change_seq') where id = ?")) {
            ps.setObject(1, id.value());
            return ps.executeUpdate();
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
