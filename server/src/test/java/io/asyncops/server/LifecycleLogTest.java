package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.server.internal.logging.LifecycleLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the lifecycle log writes for each engine call: the facts as key-value pairs (fields of their own in JSON
 * logs), the starting request's id in the MDC of worker lines. The engine's contract tests prove when it makes
 * these calls (takeovers and pruning included).
 */
class LifecycleLogTest {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LifecycleLog.LOGGER);
    private final LifecycleLog log = new LifecycleLog("node-b");

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        MDC.clear();
    }

    @Test
    void eachStepIsOneLineWithItsFacts() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        Operation submitted = op(OperationStatus.ACCEPTED, 0, t, null, null);
        MDC.put("x-ms-request-id", "req-of-the-submit");
        log.submitted(submitted);
        MDC.clear();
        Operation running = op(OperationStatus.IN_PROGRESS, 2, t, null, null);
        log.started(running);
        log.takenOver(running, "node-a");
        log.ended(op(OperationStatus.FAILED, 2, t, t.plusMillis(1500), OperationError.of("QuotaExceeded", "no", 409)));
        log.pruned(7);

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "operation submitted", "operation started", "operation taken over from a node whose lease expired",
                "operation ended", "operations pruned");
        assertThat(facts(0)).containsEntry("operationId", submitted.id().toString())
                .containsEntry("kind", "Test.Ops/things/write").containsEntry("resourceId", "/r/1");
        assertThat(appender.list.get(0).getMDCPropertyMap()).containsEntry("x-ms-request-id", "req-of-the-submit");
        assertThat(facts(1)).containsEntry("node", "node-b").containsEntry("attempt", "2");
        assertThat(appender.list.get(1).getMDCPropertyMap()).containsEntry("x-ms-request-id", "req-1");
        assertThat(facts(2)).containsEntry("previousNode", "node-a").containsEntry("node", "node-b");
        assertThat(appender.list.get(2).getLevel().toString()).isEqualTo("WARN");
        assertThat(facts(3)).containsEntry("status", "Failed").containsEntry("durationMs", "1500")
                .containsEntry("errorCode", "QuotaExceeded");
        assertThat(facts(4)).containsEntry("count", "7");
        assertThat(MDC.get("x-ms-request-id")).as("a worker's MDC is left clean").isNull();
    }

    private Map<String, String> facts(int i) {
        Map<String, String> facts = new LinkedHashMap<>();
        appender.list.get(i).getKeyValuePairs().forEach(kv -> facts.put(kv.key, String.valueOf(kv.value)));
        return facts;
    }

    private static Operation op(OperationStatus status, int attempt, Instant created, Instant ended, OperationError error) {
        return new Operation(new OperationId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")),
                "req-1", "Test.Ops/things/write", "sub", "/r/1", status, null, created, created, ended, null, null, null,
                error, attempt, null, null, null, false, 3);
    }
}
