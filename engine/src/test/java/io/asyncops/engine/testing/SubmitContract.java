package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Engine;
import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.Submission;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Submitting: durability, the submit transaction, idempotency keys and exclusive resources. */
public interface SubmitContract extends EngineFixture {

    /** An engine that only submits and reads, so operations stay {@code Accepted}. */
    default Engine front() {
        return engine(b -> b.runWorkers(false));
    }

    @Test
    default void submitIsStoredBeforeItReturns() {
        Operation op = front().submit(Submission.of("test/echo", "{\"a\":1}").withSubscription("sub-1")
                .withResource("/r/1").withRequestId("req-1").withOwner("alice"));

        assertThat(op.status()).isEqualTo(OperationStatus.ACCEPTED);
        assertThat(op.version()).isEqualTo(1);
        assertThat(op.attempt()).isZero();
        assertThat(op.requestId()).isEqualTo("req-1");
        // another instance, with nothing cached, reads exactly the same snapshot from the database
        assertThat(front().get(op.id())).contains(op);
    }

    @Test
    default void operationsAreFoundByTheirRequestId() {
        Engine engine = front();
        Operation older = engine.submit(Submission.of("test/echo", null).withRequestId("req-a"));
        engine.submit(Submission.of("test/echo", null).withRequestId("req-b"));

        assertThat(engine.getByRequestId("req-a")).contains(older);
        assertThat(engine.getByRequestId("req-unknown")).isEmpty();
    }

    @Test
    default void submitOfAKindWithoutHandlerIsRefused() {
        Engine engine = engine(b -> b.handler("known", ctx -> Outcome.succeeded()));

        assertThatThrownBy(() -> engine.submit(Submission.of("unknown", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
        assertThat(engine.list(OperationQuery.bySubscription(null, 10)).items()).isEmpty();
    }

    @Test
    default void workRunsInTheSubmitTransaction() {
        createEffectTable();
        Engine engine = front();
        Submission s = Submission.of("test/echo", null);

        Operation op = engine.submit(s, EngineFixture.effect("submit", "submitted"));
        assertThat(column("select count(*) from test_effect")).containsExactly("1");
        assertThat(engine.get(op.id())).isPresent();

        assertThatThrownBy(() -> engine.submit(s, c -> {
            EngineFixture.effect("submit", "then-failed").execute(c);
            throw new IllegalStateException("work failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.submit(s, c -> {
            throw new SQLException("work failed in SQL");
        })).isInstanceOf(StoreException.class);
        // neither the failed work nor its operations were kept
        assertThat(column("select count(*) from test_effect")).containsExactly("1");
        assertThat(engine.list(OperationQuery.bySubscription(null, 10)).items()).hasSize(1);
    }

    @Test
    default void sameKeyAndInputReturnsTheSameOperationWithoutRunningTheWorkAgain() {
        Engine engine = front();
        AtomicInteger works = new AtomicInteger();
        Submission s = Submission.of("test/echo", "{}").withSubscription("sub").withIdempotencyKey("k1");

        Operation first = engine.submit(s, c -> works.incrementAndGet());
        Operation again = engine.submit(s, c -> works.incrementAndGet());

        assertThat(again).isEqualTo(first);
        assertThat(works).hasValue(1);
    }

    @Test
    default void sameKeyWithAnotherInputIsAConflict() {
        Engine engine = front();
        Operation first = engine.submit(Submission.of("test/echo", "{\"v\":1}").withIdempotencyKey("k"));

        assertThatThrownBy(() -> engine.submit(Submission.of("test/echo", "{\"v\":2}").withIdempotencyKey("k")))
                .isInstanceOfSatisfying(IdempotencyConflictException.class,
                        e -> assertThat(e.existing()).isEqualTo(first.id()));
    }

    @Test
    default void keysAreScopedBySubscription() {
        Engine engine = front();
        Submission s = Submission.of("test/echo", "{}").withIdempotencyKey("k");

        Operation a = engine.submit(s.withSubscription("a"));
        Operation b = engine.submit(s.withSubscription("b"));
        Operation none = engine.submit(s);

        assertThat(List.of(a.id(), b.id(), none.id())).doesNotHaveDuplicates();
        assertThat(engine.submit(s).id()).isEqualTo(none.id());
    }

    @Test
    default void concurrentDuplicateSubmitsMakeOneOperation() throws Exception {
        Engine engine = front();
        Submission s = Submission.of("test/echo", "{}").withSubscription("sub").withIdempotencyKey("same");

        List<Operation> results = concurrently(16, () -> engine.submit(s));

        assertThat(results).extracting(Operation::id).containsOnly(results.get(0).id());
        assertThat(engine.list(OperationQuery.bySubscription("sub", 100)).items()).hasSize(1);
    }

    @Test
    default void exclusiveResourceIsBusyUntilItsOperationEnds() {
        Engine engine = front();
        Operation holder = engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/x")
                .withIdempotencyKey("create-x"));

        assertThatThrownBy(() -> engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/x")))
                .isInstanceOfSatisfying(ResourceBusyException.class, e -> {
                    assertThat(e.holder()).isEqualTo(holder.id());
                    assertThat(e.resourceId()).isEqualTo("/r/x");
                });
        // a replay of the holder's own submit is not "busy"; a non-exclusive operation may run alongside
        assertThat(engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/x")
                .withIdempotencyKey("create-x")).id()).isEqualTo(holder.id());
        assertThat(engine.submit(Submission.of("test/echo", "{}").withResource("/r/x")).resourceId())
                .isEqualTo("/r/x");

        engine.cancel(holder.id());

        assertThat(engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/x")).id())
                .isNotEqualTo(holder.id());
    }

    @Test
    default void concurrentExclusiveSubmitsLetOneThrough() throws Exception {
        Engine engine = front();
        AtomicInteger busy = new AtomicInteger();

        List<Operation> results = concurrently(12, () -> {
            try {
                return engine.submit(Submission.of("test/echo", "{}").withExclusiveResource("/r/race"));
            } catch (ResourceBusyException e) {
                busy.incrementAndGet();
                return null;
            }
        });

        assertThat(results.stream().filter(java.util.Objects::nonNull)).hasSize(1);
        assertThat(busy).hasValue(11);
    }

    /** Runs {@code task} on {@code n} threads released together; their results in thread order. */
    static <T> List<T> concurrently(int n, Callable<T> task) throws InterruptedException, ExecutionException {
        CyclicBarrier start = new CyclicBarrier(n);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
