package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.asyncops.engine.Engine;
import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.engine.internal.DefaultEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Group commit of submits: callers queued behind a commit in flight share the next one, and each learns its own
 * outcome (stored, replayed, conflicting, busy, its own work's failure); a submit that returned survives a kill.
 */
public interface GroupCommitContract extends EngineFixture {

    @Test
    default void queuedSubmitsShareOneCommitAndEachLearnsItsOwnOutcome() throws Exception {
        createEffectTable();
        // one committer: the callers line up behind the one commit in flight
        DefaultEngine engine = (DefaultEngine) engine(b -> b.runWorkers(false).submitCommitters(1));
        Operation keyHolder = engine.submit(Submission.of("test/echo", "{\"v\":1}").withSubscription("s")
                .withIdempotencyKey("taken"));
        Operation resourceHolder = engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/held"));
        AtomicInteger dupWorks = new AtomicInteger();

        Map<String, Callable<Operation>> callers = new LinkedHashMap<>();
        callers.put("plain-1", () -> engine.submit(Submission.of("test/echo", "1")));
        callers.put("plain-2", () -> engine.submit(Submission.of("test/echo", "2")));
        callers.put("work-1", () -> engine.submit(Submission.of("test/echo", null), EngineFixture.effect("w1", "ok")));
        callers.put("work-2", () -> engine.submit(Submission.of("test/echo", null), EngineFixture.effect("w2", "ok")));
        callers.put("work-throws", () -> engine.submit(Submission.of("test/echo", null), c -> {
            EngineFixture.effect("thrower", "written").execute(c);
            throw new IllegalStateException("work of work-throws failed");
        }));
        callers.put("work-bad-sql", () -> engine.submit(Submission.of("test/echo", null), c -> {
            EngineFixture.effect("bad-sql", "written").execute(c);
            try (Statement s = c.createStatement()) {
                s.execute("select * from no_such_table"); // on PostgreSQL, this spoils the transaction
            }
        }));
        Submission dup = Submission.of("test/echo", "{}").withSubscription("s").withIdempotencyKey("dup");
        callers.put("dup-1", () -> engine.submit(dup, c -> dupWorks.incrementAndGet()));
        callers.put("dup-2", () -> engine.submit(dup, c -> dupWorks.incrementAndGet()));
        callers.put("key-conflict", () -> engine.submit(Submission.of("test/echo", "{\"v\":2}").withSubscription("s")
                .withIdempotencyKey("taken")));
        for (int i = 1; i <= 3; i++) {
            callers.put("race-" + i, () -> engine.submit(Submission.of("test/echo", null)
                    .withExclusiveResource("/r/race")));
        }
        callers.put("held", () -> engine.submit(Submission.of("test/echo", null).withExclusiveResource("/r/held")));

        Map<String, Object> outcomes = behindACommitInFlight(engine, callers);

        assertThat(outcomes.get("plain-1")).isInstanceOf(Operation.class);
        assertThat(outcomes.get("plain-2")).isInstanceOf(Operation.class);
        assertThat(outcomes.get("work-1")).isInstanceOf(Operation.class);
        assertThat(outcomes.get("work-2")).isInstanceOf(Operation.class);
        assertThat(outcomes.get("work-throws")).isInstanceOfSatisfying(IllegalStateException.class,
                e -> assertThat(e).hasMessage("work of work-throws failed"));
        assertThat(outcomes.get("work-bad-sql")).isInstanceOf(StoreException.class);
        Operation dup1 = (Operation) outcomes.get("dup-1");
        assertThat(outcomes.get("dup-2")).isEqualTo(dup1);
        assertThat(dupWorks).hasValue(1);
        assertThat(outcomes.get("key-conflict")).isInstanceOfSatisfying(IdempotencyConflictException.class,
                e -> assertThat(e.existing()).isEqualTo(keyHolder.id()));
        List<Operation> raceWinners = new ArrayList<>();
        List<ResourceBusyException> raceLosers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Object o = outcomes.get("race-" + i);
            if (o instanceof Operation op) {
                raceWinners.add(op);
            } else {
                raceLosers.add((ResourceBusyException) o);
            }
        }
        assertThat(raceWinners).hasSize(1);
        assertThat(raceLosers).hasSize(2).allSatisfy(e -> assertThat(e.holder()).isEqualTo(raceWinners.get(0).id()));
        assertThat(outcomes.get("held")).isInstanceOfSatisfying(ResourceBusyException.class,
                e -> assertThat(e.holder()).isEqualTo(resourceHolder.id()));

        // what failed left nothing behind; what succeeded is stored with its work
        assertThat(column("select op_id from test_effect order by op_id")).containsExactly("w1", "w2");
        List<OperationId> stored = List.of(((Operation) outcomes.get("plain-1")).id(),
                ((Operation) outcomes.get("plain-2")).id(), ((Operation) outcomes.get("work-1")).id(),
                ((Operation) outcomes.get("work-2")).id(), dup1.id(), raceWinners.get(0).id());
        for (OperationId id : stored) {
            assertThat(engine(b -> b.runWorkers(false)).get(id)).isPresent();
        }
        // the two holders, the submit that held the committer, and the six stored above
        assertThat(column("select count(*) from asyncops_operation")).containsExactly("9");
        if (db().isPostgres()) {
            // rows inserted by one transaction carry its id: the queued callers shared one commit
            assertThat(column("select count(distinct xmin::text) from asyncops_operation where id in ("
                    + String.join(", ", stored.stream().map(id -> "'" + id + "'").toList()) + ")"))
                    .containsExactly("1");
        }
    }

    @Test
    default void aRowTheDatabaseRefusesFailsAloneAndTheOthersAreStored() throws Exception {
        createEffectTable();
        DefaultEngine engine = (DefaultEngine) engine(b -> b.runWorkers(false).submitCommitters(1));
        Map<String, Callable<Operation>> callers = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String key = "ok-" + i;
            callers.put(key, () -> engine.submit(Submission.of("test/echo", null), EngineFixture.effect(key, "ok")));
        }
        callers.put("too-long", () -> engine.submit(Submission.of("test/" + "x".repeat(300), null),
                EngineFixture.effect("too-long", "written")));

        Map<String, Object> outcomes = behindACommitInFlight(engine, callers);

        for (int i = 1; i <= 3; i++) {
            assertThat(outcomes.get("ok-" + i)).isInstanceOf(Operation.class);
        }
        assertThat(outcomes.get("too-long")).isInstanceOf(StoreException.class);
        // each work committed exactly once, though the group's first transaction ran them and was rolled back
        assertThat(column("select op_id from test_effect order by op_id")).containsExactly("ok-1", "ok-2", "ok-3");
        assertThat(column("select count(*) from asyncops_operation")).containsExactly("4");
    }

    @Test
    default void aWorkFreeRowAUniqueIndexRefusesFailsAloneAndTheOthersAreStored() throws Exception {
        // a unique index the engine does not know: only the database can refuse the second "same", in a group of
        // rows without work, keys or held resources (on PostgreSQL the insert tried first without ON CONFLICT)
        DefaultEngine engine = (DefaultEngine) engine(b -> b.runWorkers(false).submitCommitters(1));
        sql("create unique index test_unique_input on asyncops_operation (input)");
        Map<String, Callable<Operation>> callers = new LinkedHashMap<>();
        callers.put("same-1", () -> engine.submit(Submission.of("test/echo", "\"same\"")));
        callers.put("same-2", () -> engine.submit(Submission.of("test/echo", "\"same\"")));
        callers.put("other", () -> engine.submit(Submission.of("test/echo", "\"other\"")));

        Map<String, Object> outcomes = behindACommitInFlight(engine, callers);

        assertThat(outcomes.get("other")).isInstanceOf(Operation.class);
        List<Object> same = List.of(outcomes.get("same-1"), outcomes.get("same-2"));
        assertThat(same).filteredOn(o -> o instanceof Operation).hasSize(1);
        assertThat(same).filteredOn(o -> o instanceof StoreException).hasSize(1);
        assertThat(column("select input from asyncops_operation"))
                .containsExactlyInAnyOrder("first", "\"other\"", "\"same\"");
    }

    @Test
    default void manyCommittersKeepEveryCallersOutcome() throws Exception {
        createEffectTable();
        Engine engine = engine(b -> b.runWorkers(false).submitCommitters(4));
        int callers = 48;
        // every third caller races for one of four resources, every fourth retries one of four keys, every
        // fifth has work that fails: whatever committer takes them, each outcome is its own
        AtomicInteger next = new AtomicInteger();
        List<Object> outcomes = SubmitContract.concurrently(callers, () -> {
            int i = next.getAndIncrement();
            Submission s = Submission.of("test/echo", "{}").withSubscription("s");
            if (i % 3 == 0) {
                s = s.withExclusiveResource("/r/" + (i % 4));
            } else if (i % 4 == 0) {
                s = s.withIdempotencyKey("k" + (i % 4));
            }
            boolean fails = i % 5 == 0;
            try {
                return (Object) engine.submit(s, c -> {
                    EngineFixture.effect("c" + i, "w").execute(c);
                    if (fails) {
                        throw new IllegalStateException("caller " + i);
                    }
                });
            } catch (RuntimeException e) {
                return e;
            }
        });
        List<Operation> stored = new ArrayList<>();
        int failedWork = 0;
        for (Object o : outcomes) {
            if (o instanceof Operation op) {
                stored.add(op);
            } else if (o instanceof IllegalStateException) {
                failedWork++;
            } else {
                assertThat(o).isInstanceOfAny(ResourceBusyException.class);
            }
        }
        assertThat(failedWork).isPositive();
        List<OperationId> distinct = stored.stream().map(Operation::id).distinct().toList();
        // every operation a caller got is stored, with its work; nothing else is
        assertThat(column("select count(*) from asyncops_operation")).containsExactly(Integer.toString(distinct.size()));
        assertThat(column("select count(*) from test_effect")).containsExactly(Integer.toString(distinct.size()));
        // one running operation per exclusive resource at most
        assertThat(column("select count(*) from asyncops_operation where active_resource is not null"
                + " group by active_resource having count(*) > 1")).isEmpty();
    }

    @Test
    default void everySubmitThatReturnedSurvivesAKill() throws Exception {
        int n = 300;
        TestDatabase where = target();
        releaseDatabase(); // H2 lets one process at a time open its file
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SubmittingNode.class.getName(),
                where.jdbcUrl(), where.user(), where.password())
                .redirectErrorStream(true).start();
        Set<String> returned = new HashSet<>();
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            Future<?> reading = Executors.newVirtualThreadPerTaskExecutor().submit(() -> {
                String line;
                while (returned.size() < n && (line = r.readLine()) != null) {
                    if (line.startsWith("SUBMITTED ")) {
                        returned.add(line.substring("SUBMITTED ".length()).trim());
                    } else {
                        other.append(line).append('\n');
                    }
                }
                return null;
            });
            try {
                reading.get(90, TimeUnit.SECONDS);
            } finally {
                child.destroyForcibly(); // SIGKILL, right after the n-th submit returned: others are in flight
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(returned).as("submits returned before the kill; other output:\n%s", other).hasSize(n);

        Set<String> stored = new HashSet<>(column("select id from asyncops_operation"));
        assertThat(stored).containsAll(returned);
    }

    /**
     * Runs {@code callers} at once while a first submit's work holds the committer, and lets it go once they are
     * all queued, so that they share the next commit; each caller's operation or exception, by name.
     */
    private static Map<String, Object> behindACommitInFlight(DefaultEngine engine,
                                                             Map<String, Callable<Operation>> callers)
            throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionalWork hold = c -> {
            holding.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Operation> first = pool.submit(() -> engine.submit(Submission.of("test/echo", "first"), hold));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            Map<String, Future<Operation>> futures = new LinkedHashMap<>();
            callers.forEach((name, call) -> futures.put(name, pool.submit(call)));
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.queuedSubmits() == callers.size());
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
            Map<String, Object> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Operation>> f : futures.entrySet()) {
                try {
                    outcomes.put(f.getKey(), f.getValue().get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.put(f.getKey(), e.getCause());
                }
            }
            return outcomes;
        }
    }
}
