package io.asyncops.server.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status routes render what {@code Engine.status} reads (no request id, resource id, input, checkpoint, key or
 * owner): the monitor of such a status is byte for byte that of the whole snapshot, in every status.
 */
class MonitorsStatusOnlyTest {
    private static final String ID = "/subscriptions/s/providers/Test.Ops/locations/westus/operationStatuses/x";

    @Test
    void aStatusOnlySnapshotRendersTheSameMonitorAsTheWholeOne() throws Exception {
        OperationError error = new OperationError("Quota", "over quota", "servers/a",
                List.of(new OperationError("Detail", "a detail", null, List.of(), 409)), 409);
        List<Operation> all = List.of(
                op(OperationStatus.SUCCEEDED, null, "{\"properties\":{\"state\":\"Ready\"}}", null),
                op(OperationStatus.SUCCEEDED, null, "not an object", null),
                op(OperationStatus.FAILED, null, null, error),
                op(OperationStatus.FAILED, null, null, null),
                op(OperationStatus.CANCELED, null, null, null),
                op(OperationStatus.IN_PROGRESS, 40.0, null, null),
                op(OperationStatus.ACCEPTED, null, null, null));
        for (Operation whole : all) {
            Operation status = new Operation(whole.id(), null, whole.kind(), whole.subscription(), null,
                    whole.status(), whole.percentComplete(), whole.createdAt(), whole.startedAt(), whole.endedAt(),
                    whole.expectedEndAt(), null, whole.result(), whole.error(), whole.attempt(), null, null, null,
                    whole.cancelRequested(), whole.version());
            String expected = Json.mapper().writeValueAsString(Monitors.of(ID, whole));
            assertThat(Json.mapper().writeValueAsString(Monitors.of(ID, status))).isEqualTo(expected);
            assertThat(OperationLookup.belongs(status, "S", "test.ops")).isTrue();
        }
    }

    private static Operation op(OperationStatus status, Double percent, String result, OperationError error) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = status.isTerminal() ? t.plusSeconds(30) : null;
        return new Operation(new OperationId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")),
                "req-1", "Test.Ops/things/write", "s", "/r/1", status, percent, t, t.plusMillis(5), end,
                t.plusSeconds(60), "{\"input\":true}", result, error, 1, "{\"step\":2}", "key-1", "alice", false, 7);
    }
}
