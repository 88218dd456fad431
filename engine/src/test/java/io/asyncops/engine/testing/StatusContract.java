package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Submission;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#status}: the status columns read alone are exactly those of the whole snapshot, the rest null; a
 * status kept in memory follows changes like a whole snapshot, and {@code get} never answers with a status.
 */
public interface StatusContract extends EngineFixture {

    /** The whole snapshot less what a status read leaves out. */
    static Operation statusOf(Operation op) {
        return new Operation(op.id(), null, op.kind(), op.subscription(), null, op.status(), op.percentComplete(),
                op.createdAt(), op.startedAt(), op.endedAt(), op.expectedEndAt(), null, op.result(), op.error(),
                op.attempt(), null, null, null, op.cancelRequested(), op.version());
    }

    private static Submission full(String kind, String input) {
        return Submission.of(kind, input).withSubscription("sub-s").withResource("/r/" + kind)
                .withRequestId("req-" + kind).withOwner("alice").withIdempotencyKey("key-" + kind);
    }

    @Test
    default void theStatusReadHoldsWhatTheWholeReadHoldsOfTheStatus() {
        OperationError error = new OperationError("Quota", "over quota", "servers/a",
                List.of(new OperationError("Detail", "a detail", null, List.of(), 409)), 409);
        Engine worker = engine(b -> b
                .handler("test/ok", ctx -> Outcome.succeeded("{\"properties\":{\"state\":\"Ready\"}}"))
                .handler("test/fail", ctx -> Outcome.failed(error)));
        Operation ok = awaitEnd(worker, worker.submit(full("test/ok", "{\"a\":1}")).id());
        Operation failed = awaitEnd(worker, worker.submit(full("test/fail", "{\"b\":2}")).id());
        Operation accepted = engine(b -> b.runWorkers(false)).submit(full("test/later", "{\"c\":3}"));
        assertThat(failed.error()).isEqualTo(error);

        // nothing kept: every read goes to the database
        Engine reader = engine(b -> b.runWorkers(false).snapshotCacheBytes(0));
        for (Operation op : List.of(ok, failed, accepted)) {
            Operation whole = reader.get(op.id()).orElseThrow();
            assertThat(whole.input()).isNotNull();
            assertThat(whole.requestId()).isNotNull();
            assertThat(reader.status(op.id())).contains(statusOf(whole));
        }
        assertThat(reader.status(io.asyncops.engine.OperationId.random())).isEmpty();
    }

    @Test
    default void aKeptStatusFollowsChangesAndGetReadsTheWholeSnapshot() {
        Engine front = engine(b -> b.runWorkers(false));
        Operation op = front.submit(full("test/later", "{\"c\":3}"));

        Engine other = engine(b -> b.runWorkers(false));
        Operation status = other.status(op.id()).orElseThrow();
        assertThat(status).isEqualTo(statusOf(op));
        // a status kept is not a whole snapshot: get reads the whole one
        assertThat(other.get(op.id())).contains(op);
        assertThat(other.status(op.id())).contains(op);

        Engine third = engine(b -> b.runWorkers(false));
        assertThat(third.status(op.id())).contains(statusOf(op));
        third.cancel(op.id());
        assertThat(third.status(op.id()).orElseThrow().status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(third.get(op.id()).orElseThrow().input()).isEqualTo("{\"c\":3}");
    }
}
