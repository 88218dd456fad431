package io.asyncops.emulator;

import io.asyncops.engine.OperationError;
import java.time.Duration;
import java.util.Objects;

/**
 * What a long-running operation will do, decided when a worker starts it ({@link ResourceHooks#plan}): how long it
 * takes (already scaled by the time scale) and, when it must fail, with which error and how far in (0..1 of the
 * duration). The resource's state follows the ending (see {@link ResourceHooks#stateAfter}).
 *
 * @param duration how long the operation takes, scaled
 * @param failure  the error it ends with, null to succeed
 * @param failAt   the fraction of {@code duration} after which it fails (ignored when it succeeds)
 */
public record Plan(Duration duration, OperationError failure, double failAt) {
    /** Where an injected fault ({@code asyncops-fault}) ends an operation: it runs half way, then fails. */
    public static final double FAULT_AT = 0.5;

    public Plan {
        Objects.requireNonNull(duration, "duration == null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        if (!(failAt >= 0 && failAt <= 1)) {
            throw new IllegalArgumentException("failAt must be within 0..1: " + failAt);
        }
    }

    /** Succeeds after {@code duration}. */
    public static Plan of(Duration duration) {
        return new Plan(duration, null, 1.0);
    }

    /** This plan, failing with {@code error} after {@code at} of its duration (a null error: succeeding). */
    public Plan failing(OperationError error, double at) {
        return new Plan(duration, error, error == null ? 1.0 : at);
    }

    /** Whether it ends Failed. */
    public boolean fails() {
        return failure != null;
    }
}
