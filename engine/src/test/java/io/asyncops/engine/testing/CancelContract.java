package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.IllegalTransitionException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationNotFoundException;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.StoreException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancellation, and the status table it must respect: a terminal status never changes. */
public interface CancelContract extends EngineFixture {

    @Test
    default void statusTableAllowsOnlyForwardMoves() {
        for (OperationStatus from : OperationStatus.values()) {
            for (OperationStatus to : OperationStatus.values()) {
                boolean allowed = switch (from) {
                    case ACCEPTED -> to != OperationStatus.ACCEPTED;
                    case IN_PROGRESS -> to.isTerminal();
                    case SUCCEEDED, FAILED, CANCELED -> false;
                };
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
                if (!allowed) {
                    assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(IllegalTransitionException.class);
                }
            }
        }
        assertThat(EnumSet.allOf(OperationStatus.class).stream().filter(OperationStatus::isTerminal))
                .containsExactlyInAnyOrder(OperationStatus.SUCCEEDED, OperationStatus.FAILED, OperationStatus.CANCELED);
    }

    @Test
    default void cancelOfAQueuedOperationEndsItAtOnce() {
        AtomicInteger ended = new AtomicInteger();
        Engine engine = engine(b -> b.runWorkers(false).listener(new EngineListener() {
            @Override
            public void ended(Operation operation) {
                ended.incrementAndGet();
            }
        }));
        Operation op = engine.submit(Submission.of("test/echo", null).withExclusiveResource("/r/q"));

        Operation canceled = engine.cancel(op.id());

        assertThat(canceled.status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(canceled.error()).isEqualTo(OperationError.canceled());
        assertThat(canceled.endedAt()).isNotNull();
        assertThat(canceled.cancelRequested()).isFalse();
        assertThat(canceled.version()).isGreaterThan(op.version());
        assertThat(ended).hasValue(1);
        assertThat(engine(b -> b.runWorkers(false)).get(op.id())).contains(canceled);
        // the resource it held is free again
        assertThat(engine.submit(Submission.of("test/echo", null).withExclusiveResource("/r/q"))).isNotNull();
    }

    @Test
    default void cancelWithoutAWorkerCommitsTheHandlersUndoWithIt() {
        createEffectTable();
        OperationHandler handler = new OperationHandler() {
            @Override
            public Outcome run(OperationContext context) {
                return Outcome.succeeded();
            }

            @Override
            public TransactionalWork canceledWithoutWorker(Operation operation) {
                if ("refuse".equals(operation.input())) {
                    return c -> {
                        throw new SQLException("cannot undo");
                    };
                }
                return EngineFixture.effect(operation.id(), "undone");
            }
        };
        Engine engine = engine(b -> b.runWorkers(false).handler("test/undoable", handler));
        Operation op = engine.submit(Submission.of("test/undoable", "ok"));
        Operation stuck = engine.submit(Submission.of("test/undoable", "refuse"));

        assertThat(engine.cancel(op.id()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(effects(op.id())).containsExactly("undone");

        // the undo and the status commit together or not at all
        assertThatThrownBy(() -> engine.cancel(stuck.id())).isInstanceOf(StoreException.class);
        assertThat(engine.get(stuck.id()).orElseThrow().status()).isEqualTo(OperationStatus.ACCEPTED);
    }

    @Test
    default void cancelOfARunningOperationEndsItAtTheNextSafePoint() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Engine engine = engine(b -> b.handler("test/long", ctx -> {
            started.countDown();
            ctx.sleep(Duration.ofMinutes(5));
            return Outcome.succeeded("slept");
        }));
        Operation op = engine.submit(Submission.of("test/long", null).withExclusiveResource("/r/long"));
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        Operation requested = engine.cancel(op.id());
        assertThat(requested.cancelRequested()).isTrue();
        assertThat(requested.status()).isEqualTo(OperationStatus.IN_PROGRESS);

        Operation done = awaitEnd(engine, op.id());
        assertThat(done.status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(done.error().code()).isEqualTo("OperationCanceled");
        assertThat(done.cancelRequested()).isFalse();
        assertThat(engine.submit(Submission.of("test/long", null).withExclusiveResource("/r/long"))).isNotNull();
    }

    @Test
    default void cancelThroughAnotherInstanceReachesTheRunningHandler() throws Exception {
        createEffectTable();
        CountDownLatch started = new CountDownLatch(1);
        // on H2 instances send no notices: the worker learns of the cancellation when its next heartbeat misses
        Engine worker = engine(b -> b.heartbeatInterval(Duration.ofMillis(100)).handler("test/long", ctx -> {
            started.countDown();
            while (true) {
                // a handler that undoes its work when asked to stop
                if (ctx.cancelRequested()) {
                    return Outcome.canceled(EngineFixture.effect(ctx.operation().id(), "rolled-back"));
                }
                Thread.sleep(10);
            }
        }));
        Engine front = engine(b -> b.runWorkers(false));
        Operation op = front.submit(Submission.of("test/long", null));
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        front.cancel(op.id());

        Operation done = awaitEnd(front, op.id());
        assertThat(done.status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(effects(op.id())).containsExactly("rolled-back");
        assertThat(worker.get(op.id())).contains(done);
    }

    @Test
    default void cancelOfAFinishedOperationChangesNothing() {
        Engine engine = engine(b -> b.handler("test/quick", ctx -> Outcome.succeeded("r")));
        Operation done = awaitEnd(engine, engine.submit(Submission.of("test/quick", null)).id());

        assertThat(engine.cancel(done.id())).isEqualTo(done);
        assertThat(engine(b -> b.runWorkers(false)).cancel(done.id())).isEqualTo(done);
    }

    @Test
    default void cancelOfAnUnknownOperationIsNotFound() {
        Engine engine = engine(b -> b.runWorkers(false));
        OperationId unknown = OperationId.random();

        assertThatThrownBy(() -> engine.cancel(unknown)).isInstanceOfSatisfying(OperationNotFoundException.class,
                e -> assertThat(e.id()).isEqualTo(unknown));
    }

    @Test
    default void handlerMayFinishDespiteACancellationRequest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Engine engine = engine(b -> b.handler("test/stubborn", ctx -> {
            ctx.estimateRemaining(Duration.ofMinutes(5));
            started.countDown();
            proceed.await(20, TimeUnit.SECONDS);
            return Outcome.succeeded("too late to cancel", TransactionalWork.none());
        }));
        Operation op = engine.submit(Submission.of("test/stubborn", null));
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();

        Operation canceling = engine.cancel(op.id());
        // the handler expects five more minutes, but a pending cancel is advised the floor: the end is near
        assertThat(canceling.cancelRequested()).isTrue();
        assertThat(engine.retryAfter(canceling)).isEqualTo(Duration.ofSeconds(1));
        proceed.countDown();

        Operation done = awaitEnd(engine, op.id());
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.result()).isEqualTo("too late to cancel");
        assertThat(done.cancelRequested()).isFalse();
    }
}
