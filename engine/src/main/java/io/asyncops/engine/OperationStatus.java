package io.asyncops.engine;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life cycle of an operation. Allowed moves are a table: {@code Accepted -> InProgress -> {Succeeded |
 * Failed | Canceled}}, and {@code Accepted} may end directly (canceled or failed before a worker started it).
 * A terminal status never changes.
 */
public enum OperationStatus {
    ACCEPTED("Accepted"),
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    CANCELED("Canceled");

    private final String wireName;

    OperationStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in the database, e.g. {@code InProgress}. */
    public String wireName() {
        return wireName;
    }

    /** True for Succeeded, Failed and Canceled. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    /** The statuses this one may move to; empty for terminal statuses. */
    public Set<OperationStatus> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, SUCCEEDED, FAILED, CANCELED);
            case IN_PROGRESS -> EnumSet.of(SUCCEEDED, FAILED, CANCELED);
            case SUCCEEDED, FAILED, CANCELED -> EnumSet.noneOf(OperationStatus.class);
        };
    }

    /** True when the table allows moving from this status to {@code target}. */
    public boolean canMoveTo(OperationStatus target) {
        return next().contains(target);
    }

    /**
     * Checks a move against the table.
     *
     * @throws IllegalTransitionException when the move is not allowed
     */
    public void checkMoveTo(OperationStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }

    /**
     * The status with this wire name, compared without case.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static OperationStatus fromWireName(String name) {
        for (OperationStatus s : values()) {
            if (s.wireName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown operation status: " + name);
    }

    @Override
    public String toString() {
        return wireName;
    }

    /** Lower-case wire name, for logs and metrics tags. */
    public String tag() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
