package io.asyncops.server.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.testing.HeapHistogram;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rendered monitors' weights against the heap: the bytes a heap histogram (after a full collection) finds added
 * by keeping many monitors are what the cache weighed them, within 15%.
 */
class RenderedMonitorsFootprintTest {
    private static final int N = 20_000;

    @Test
    void weightsMatchTheHeap() throws Exception {
        RenderedMonitors monitors = new RenderedMonitors(1L << 30);
        monitors.json("/warm-up", op(-1), () -> "x"); // the cache's lazily made parts
        long before = HeapHistogram.liveBytes();
        for (int i = 0; i < N; i++) {
            Operation op = op(i);
            // the path as a request gives it: a fresh string per request
            String path = new String(("/subscriptions/00000000-0000-0000-0000-" + String.format("%012d", i % 50)
                    + "/providers/Microsoft.Sql/locations/westus/operationStatuses/" + op.id()).toCharArray());
            String name = "server-" + Integer.toHexString(i * 7919);
            monitors.json(path, op, () -> new Monitor(path, op.id().toString(), "Succeeded",
                    "{\"id\":\"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Sql/servers/" + name
                            + "\",\"properties\":{\"state\":\"Ready\",\"provisioningState\":\"Succeeded\"}}"));
        }
        long measured = HeapHistogram.liveBytes() - before;
        assertThat(monitors.size()).isEqualTo(N + 1);
        double ratio = monitors.weightedBytes() / (double) measured;
        System.out.printf("rendered monitors: measured %,d bytes (%d each), weighed %,d (%d each), ratio %.3f%n",
                measured, measured / N, monitors.weightedBytes(), monitors.weightedBytes() / N, ratio);
        assertThat(ratio).isBetween(0.85, 1.15);
    }

    record Monitor(String id, String name, String status, String properties) {
    }

    private static Operation op(long i) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i);
        return new Operation(new OperationId(new UUID(i * 31 + 7, i)), null, "Microsoft.Sql/servers/write", "s",
                null, OperationStatus.SUCCEEDED, null, t, t, t, null, null, null, null, 1, null, null, null, false, 3);
    }
}
