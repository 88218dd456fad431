package io.asyncops.server.internal.operations;

import io.asyncops.engine.Operation;
import io.asyncops.protocol.OperationStatusMonitor;
import io.asyncops.server.spi.ArmPaths;

/**
 * Where the generic status routes serve an operation found by other means than its URL (a listing, the console):
 * the provider namespace is its kind's first segment, the location its input's top-level {@code location} (else
 * {@code global}, which the generic routes accept as well).
 */
public final class MonitorPaths {
    /** The api-version put in the URLs of listed operations (the generic routes accept any well-formed one). */
    public static final String API_VERSION = "2021-11-01";

    private MonitorPaths() {
    }

    /** {@code /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{id}}. */
    public static String status(Operation op) {
        return path(op, "operationStatuses");
    }

    /** {@code /subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{id}}. */
    public static String result(Operation op) {
        return path(op, "operationResults");
    }

    /** The status monitor the status URL answers for {@code op}. */
    public static OperationStatusMonitor monitor(Operation op) {
        return Monitors.of(status(op), op);
    }

    /** The wire status ({@code Accepted} shows as {@code InProgress}). */
    public static String wireStatus(Operation op) {
        return Monitors.wireStatus(op.status());
    }

    private static String path(Operation op, String collection) {
        return ArmPaths.operation(op.subscription(), namespace(op), OperationListService.locationOf(op), collection,
                op.id());
    }

    static String namespace(Operation op) {
        int slash = op.kind().indexOf('/');
        return slash < 0 ? op.kind() : op.kind().substring(0, slash);
    }
}
