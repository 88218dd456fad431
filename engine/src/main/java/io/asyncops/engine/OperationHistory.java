package io.asyncops.engine;

import java.util.List;
import java.util.Objects;

/**
 * An operation with its timeline, for people looking at one operation (a console, a support tool); not for
 * polling, which reads {@link Engine#get}.
 *
 * @param operation     the current snapshot
 * @param correlationId the correlation id of the request that started it ({@link Submission#correlationId()}),
 *                      may be null
 * @param events        accepted, each start (takeovers included), progress and checkpoints (the first
 *                      {@value #MAX_STEPS_PER_RUN} of each run), cancel requests, and the end, in order
 */
public record OperationHistory(Operation operation, String correlationId, List<OperationEvent> events) {
    /** How many progress and checkpoint steps one run of a handler records; later ones update only the row. */
    public static final int MAX_STEPS_PER_RUN = 50;

    public OperationHistory {
        Objects.requireNonNull(operation, "operation == null");
        events = List.copyOf(events);
    }
}
