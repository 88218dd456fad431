package io.asyncops.server.internal.console;

import io.asyncops.emulator.Resource;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationEvent;
import io.asyncops.engine.OperationHistory;
import io.asyncops.engine.OperationStats;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.OperationStatusMonitor;
import io.asyncops.server.internal.operations.MonitorPaths;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The console's JSON: an operation's row, its detail, and counts per status. Times are ISO-8601 UTC. */
final class OperationView {
    private OperationView() {
    }

    /**
     * One row of the operations table.
     *
     * @param status     the engine's status ({@code Accepted}, {@code InProgress}, {@code Succeeded},
     *                   {@code Failed}, {@code Canceled}), finer than the wire's
     * @param statusPath the status monitor's path (the console calls it, and cancels through it)
     */
    record Summary(String id, String kind, String resourceId, String status, Double percentComplete,
                   String createdAt, String startedAt, String endedAt, int attempt, String errorCode,
                   boolean cancelRequested, long version, String statusPath) {
    }

    /** A step of the timeline. */
    record Step(String type, String at, int attempt, String node, Double percentComplete, String detail) {
    }

    /** The commands that follow the operation from a shell, with {@code $TOKEN} standing for the token. */
    record Commands(String waitCommand, String curlCommand) {
    }

    /** The detail view: the row, ids, the monitor JSON as the status URL answers it, the timeline, commands. */
    record Detail(Summary operation, String requestId, String correlationId, String statusUrl, String resultUrl,
                  OperationStatusMonitor monitor, List<Step> timeline, Commands commands) {
    }

    /** A resource of the resources view; a resource group is its own group. */
    record ResourceRow(String resourceGroup, String id, String name, String type, String location,
                       String provisioningState) {
    }

    static final String RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";

    /** The row of a stored resource; a resource group is its own group. */
    static ResourceRow resource(Resource r) {
        String group = r.type().equalsIgnoreCase(RESOURCE_GROUP_TYPE) ? r.name()
                : r.resourceGroup() != null ? r.resourceGroup() : "(none)";
        return new ResourceRow(group, r.id(), r.name(), r.type(), r.location(), r.provisioningState());
    }

    static Summary summary(Operation op) {
        return new Summary(op.id().toString(), op.kind(), op.resourceId(), op.status().wireName(),
                op.status() == OperationStatus.SUCCEEDED ? Double.valueOf(100.0) : op.percentComplete(),
                time(op.createdAt()), time(op.startedAt()), time(op.endedAt()), op.attempt(),
                op.error() == null ? null : op.error().code(), op.cancelRequested(), op.version(),
                MonitorPaths.status(op));
    }

    static Detail detail(OperationHistory history, String base) {
        Operation op = history.operation();
        String statusUrl = base + MonitorPaths.status(op) + "?api-version=" + MonitorPaths.API_VERSION;
        String resultUrl = base + MonitorPaths.result(op) + "?api-version=" + MonitorPaths.API_VERSION;
        List<Step> timeline = history.events().stream().map(OperationView::step).toList();
        Commands commands = new Commands("bin/asyncops wait '" + statusUrl + "' --token \"$TOKEN\"",
                "curl -s -H \"Authorization: Bearer $TOKEN\" '" + statusUrl + "'");
        return new Detail(summary(op), op.requestId(), history.correlationId(), statusUrl, resultUrl,
                MonitorPaths.monitor(op), timeline, commands);
    }

    /** {@code {"Accepted": 1, "InProgress": 2, ...}}, every status present. */
    static Map<String, Long> counts(OperationStats stats) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (OperationStatus s : OperationStatus.values()) {
            counts.put(s.wireName(), stats.count(s));
        }
        return counts;
    }

    private static Step step(OperationEvent e) {
        return new Step(e.type().name(), time(e.at()), e.attempt(), e.node(), e.percentComplete(), e.detail());
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
