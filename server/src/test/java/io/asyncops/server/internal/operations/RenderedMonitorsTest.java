package io.asyncops.server.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedMonitorsTest {
    private static final String PATH = "/subscriptions/s/providers/Test.Ops/locations/westus/operationStatuses/x";

    @Test
    void keptMonitorsAreRenderedOncePerVersionAndNoneAreKeptWithASizeOfZero() {
        AtomicInteger renders = new AtomicInteger();
        RenderedMonitors kept = new RenderedMonitors(1024 * 1024);
        RenderedMonitors none = new RenderedMonitors(0);
        Operation v3 = op(3);

        String first = json(kept, v3, renders);
        assertThat(json(kept, v3, renders)).isEqualTo(first);
        assertThat(renders).hasValue(1);
        assertThat(json(kept, op(4), renders)).contains("\"version\":4");
        assertThat(renders).hasValue(2);

        assertThat(json(none, v3, renders)).isEqualTo(first);
        assertThat(json(none, v3, renders)).isEqualTo(first);
        assertThat(renders).hasValue(4);
    }

    private static String json(RenderedMonitors monitors, Operation op, AtomicInteger renders) {
        return new String(monitors.json(PATH, op, () -> {
            renders.incrementAndGet();
            return Map.of("version", op.version());
        }), StandardCharsets.UTF_8);
    }

    private static Operation op(long version) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Operation(new OperationId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")),
                "req-1", "Test.Ops/things/write", "s", "/r/1", OperationStatus.SUCCEEDED, null, t, t, t, null, null,
                null, null, 1, null, null, null, false, version);
    }
}
