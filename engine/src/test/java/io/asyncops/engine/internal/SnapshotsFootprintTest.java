package io.asyncops.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.testing.HeapHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The snapshot cache's weights against the heap: the bytes a heap histogram (after a full collection) finds added
 * by keeping many snapshots are what the cache weighed them, within 15%, so its byte bound holds what it says.
 */
class SnapshotsFootprintTest {
    private static final int N = 20_000;

    @Test
    void weightsMatchTheHeapForLatin1Snapshots() throws Exception {
        check(false);
    }

    @Test
    void weightsMatchTheHeapWhenTextNeedsTwoBytesACharacter() throws Exception {
        check(true);
    }

    @Test
    void weightsMatchTheHeapForStatusEntries() throws Exception {
        long each = check(false, true);
        // the status columns only: about half the whole snapshot of the same operation
        assertThat(each).isLessThan(700);
    }

    private static long check(boolean wide) throws Exception {
        return check(wide, false);
    }

    /** Fills {@link #N} entries, whole snapshots or statuses; the weight of one. */
    private static long check(boolean wide, boolean statuses) throws Exception {
        Snapshots snapshots = new Snapshots(Duration.ofHours(1), Duration.ofHours(1), 1L << 30);
        Operation[] source = new Operation[1];
        snapshots.get(OperationId.random(), id -> Optional.empty()); // the cache's lazily made parts
        long before = HeapHistogram.liveBytes();
        for (int i = 0; i < N; i++) {
            source[0] = statuses ? statusOf(operation(i, wide)) : operation(i, wide);
            if (statuses) {
                snapshots.status(source[0].id(), id -> Optional.of(source[0]));
            } else {
                snapshots.get(source[0].id(), id -> Optional.of(source[0]));
            }
        }
        source[0] = null;
        long measured = HeapHistogram.liveBytes() - before;
        assertThat(snapshots.size()).isEqualTo(N);
        double ratio = snapshots.weightedBytes() / (double) measured;
        System.out.printf("%s (%s): measured %,d bytes (%d each), weighed %,d (%d each), ratio %.3f%n",
                statuses ? "statuses" : "snapshots", wide ? "two bytes a character" : "Latin-1", measured, measured / N, snapshots.weightedBytes(),
                snapshots.weightedBytes() / N, ratio);
        assertThat(ratio).isBetween(0.85, 1.15);
        return snapshots.weightedBytes() / N;
    }

    /** What a status read makes of {@code op}: request id, resource id, input, checkpoint, key and owner null. */
    private static Operation statusOf(Operation op) {
        return new Operation(op.id(), null, op.kind(), op.subscription(), null, op.status(), op.percentComplete(),
                op.createdAt(), op.startedAt(), op.endedAt(), op.expectedEndAt(), null, op.result(), op.error(),
                op.attempt(), null, null, null, op.cancelRequested(), op.version());
    }

    /** An operation as a read from the database makes it: every string a fresh copy. */
    private static Operation operation(int i, boolean wide) {
        String sub = "00000000-0000-0000-0000-" + String.format("%012d", i % 50);
        String name = (wide ? "sérvér-Ω" : "server-") + Integer.toHexString(i * 7919);
        String resource = "/subscriptions/" + sub + "/resourceGroups/rg" + (i % 7)
                + "/providers/Microsoft.Sql/servers/" + name;
        String input = "{\"verb\":\"PUT\",\"id\":\"" + resource + "\",\"body\":{\"location\":\"westus\"}}";
        OperationStatus status = switch (i % 10) {
            case 0 -> OperationStatus.FAILED;
            case 1 -> OperationStatus.IN_PROGRESS;
            default -> OperationStatus.SUCCEEDED;
        };
        String result = status == OperationStatus.SUCCEEDED ? "{\"id\":\"" + resource + "\",\"name\":\"" + name
                + "\",\"properties\":{\"state\":\"Ready\",\"provisioningState\":\"Succeeded\"}}" : null;
        OperationError error = status == OperationStatus.FAILED
                ? OperationError.of(fresh("QuotaExceeded"), "The quota of " + name + " was exceeded.", 409) : null;
        Instant created = Instant.parse("2026-01-01T00:00:00Z").plusMillis(i * 1_001L);
        boolean terminal = status.isTerminal();
        return new Operation(new OperationId(new UUID(i * 31L + 1, i)), UUID.randomUUID().toString(),
                fresh("Microsoft.Sql/servers/write"), fresh(sub), resource, status, terminal ? null : 40.0, created,
                created.plusMillis(5), terminal ? created.plusSeconds(30) : null, null, input, result, error, 1,
                terminal ? null : "{\"step\":" + i + "}", null, fresh("bench"), false, 3);
    }

    private static String fresh(String s) {
        return new String(s.toCharArray());
    }
}
