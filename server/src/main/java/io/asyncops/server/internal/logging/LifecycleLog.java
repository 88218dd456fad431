package io.asyncops.server.internal.logging;

import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Operation;
import io.asyncops.protocol.HeaderNames;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Logs each operation's life on logger {@value #LOGGER}, one line per step, its facts as key-value pairs (fields of
 * their own in JSON logs): submitted (operationId, kind, resourceId), started (node, attempt), taken over (node,
 * previousNode, attempt), ended (status, durationMs, errorCode), pruned (count). A submit is logged on the request's
 * thread, so its line carries the request's ids; the others run on workers, so their lines carry the starting
 * request's {@code x-ms-request-id} (the operation's {@code requestId}) in the MDC instead.
 */
public final class LifecycleLog implements EngineListener {
    /** The lifecycle's logger name. */
    public static final String LOGGER = "io.asyncops.lifecycle";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final String node;

    public LifecycleLog(String node) {
        this.node = node;
    }

    @Override
    public void submitted(Operation op) {
        if (LOG.isInfoEnabled()) {
            common(LOG.atInfo(), op).addKeyValue("resourceId", op.resourceId()).log("operation submitted");
        }
    }

    @Override
    public void started(Operation op) {
        if (LOG.isInfoEnabled()) {
            onWorker(op, () -> common(LOG.atInfo(), op).addKeyValue("node", node)
                    .addKeyValue("attempt", op.attempt()).log("operation started"));
        }
    }

    @Override
    public void takenOver(Operation op, String previousNode) {
        if (LOG.isWarnEnabled()) {
            onWorker(op, () -> common(LOG.atWarn(), op).addKeyValue("node", node)
                    .addKeyValue("previousNode", previousNode).addKeyValue("attempt", op.attempt())
                    .log("operation taken over from a node whose lease expired"));
        }
    }

    @Override
    public void ended(Operation op) {
        if (LOG.isInfoEnabled()) {
            long millis = op.endedAt() == null ? -1 : Duration.between(op.createdAt(), op.endedAt()).toMillis();
            onWorker(op, () -> common(LOG.atInfo(), op).addKeyValue("status", op.status().wireName())
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("errorCode", op.error() == null ? null : op.error().code())
                    .log("operation ended"));
        }
    }

    @Override
    public void pruned(int count) {
        LOG.atInfo().addKeyValue("count", count).log("operations pruned");
    }

    private static LoggingEventBuilder common(LoggingEventBuilder event, Operation op) {
        return event.addKeyValue("operationId", op.id().toString()).addKeyValue("kind", op.kind());
    }

    /**
     * Runs {@code log} with the starting request's id in the MDC when the thread has none of its own (a worker);
     * a request thread (a cancel that ends an operation) keeps its own ids.
     */
    private static void onWorker(Operation op, Runnable log) {
        if (MDC.get(HeaderNames.X_MS_REQUEST_ID) != null || op.requestId() == null) {
            log.run();
            return;
        }
        MDC.put(HeaderNames.X_MS_REQUEST_ID, op.requestId());
        try {
            log.run();
        } finally {
            MDC.remove(HeaderNames.X_MS_REQUEST_ID);
        }
    }
}
