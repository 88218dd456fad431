package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Engine;
import io.asyncops.engine.LeaseLostException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Purging: every operation goes, with the caller's work, and a running handler writes nothing after it. */
public interface PurgeContract extends EngineFixture {

    @Test
    default void purgeDeletesEveryOperationAndStopsRunningHandlersWithoutAWrite() throws Exception {
        createEffectTable();
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Engine engine = engine(b -> b
                .handler("test/quick", ctx -> Outcome.succeeded("done"))
                .handler("test/long", ctx -> {
                    running.countDown();
                    try {
                        ctx.sleep(Duration.ofMinutes(5));
                        return Outcome.succeeded(null, EngineFixture.effect(ctx.operation().id(), "long-ended"));
                    } catch (RuntimeException e) {
                        stoppedBy.set(e);
                        throw e;
                    } finally {
                        stopped.countDown();
                    }
                }));
        Operation quick = engine.submit(Submission.of("test/quick", null).withSubscription("s1")
                .withIdempotencyKey("key-1"));
        Operation ended = awaitEnd(engine, quick.id());
        assertThat(ended.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(engine.get(quick.id())).contains(ended); // now in the engine's cache of terminal snapshots
        Operation longOp = engine.submit(Submission.of("test/long", null).withSubscription("s1")
                .withExclusiveResource("/r/long"));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        int purged = engine.purge(EngineFixture.effect("purge", "purged"));

        assertThat(purged).isEqualTo(2);
        assertThat(column("select tag from test_effect where op_id = 'purge'")).containsExactly("purged");
        assertThat(engine.get(quick.id())).isEmpty();
        assertThat(engine.get(longOp.id())).isEmpty();
        assertThat(engine.list(OperationQuery.bySubscription("s1", 10)).items()).isEmpty();
        // the running handler is told at once, and its ending (with its effect) is never written
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stoppedBy.get()).isInstanceOf(LeaseLostException.class);
        assertThat(column("select count(*) from asyncops_operation")).containsExactly("0");
        assertThat(effects(longOp.id())).isEmpty();
        // keys and held resources went with their operations
        Operation again = engine.submit(Submission.of("test/quick", null).withSubscription("s1")
                .withIdempotencyKey("key-1"));
        assertThat(again.id()).isNotEqualTo(quick.id());
        assertThat(engine.submit(Submission.of("test/quick", null).withExclusiveResource("/r/long"))).isNotNull();
    }

    @Test
    default void aPurgeWhoseWorkFailsDeletesNothing() {
        Engine engine = engine(b -> b.runWorkers(false));
        Operation op = engine.submit(Submission.of("test/echo", null));

        assertThatThrownBy(() -> engine.purge(c -> {
            throw new IllegalStateException("work failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(engine.get(op.id())).isPresent();
    }
}
