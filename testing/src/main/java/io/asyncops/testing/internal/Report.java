package io.asyncops.testing.internal;

import io.asyncops.engine.Operation;
import io.asyncops.server.RecentRequest;
import io.asyncops.testing.AsyncOpsEmulator;
import java.util.List;

/** The text a failed test prints about its emulator: where it is, what it was asked, what it ran. */
public final class Report {
    private Report() {
    }

    /**
     * The report of {@code emulator}: its address, its recent requests (oldest first) and its newest
     * {@code operations} operations.
     */
    public static String of(AsyncOpsEmulator emulator, int operations) {
        StringBuilder sb = new StringBuilder(emulator.toString()).append('\n');
        List<RecentRequest> requests = emulator.recentRequests();
        sb.append("recent requests (").append(requests.size()).append(", oldest first):\n");
        if (requests.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (RecentRequest r : requests) {
            sb.append("  ").append(r).append('\n');
        }
        List<Operation> ops = emulator.operations().newest(operations);
        sb.append("operations (").append(ops.size()).append(ops.size() == operations ? " newest" : "")
                .append(", newest first):\n");
        if (ops.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (Operation op : ops) {
            sb.append("  ").append(line(op)).append('\n');
        }
        return sb.toString();
    }

    static String line(Operation op) {
        StringBuilder sb = new StringBuilder()
                .append(op.id()).append(' ').append(op.kind()).append(' ').append(op.status().wireName());
        if (op.percentComplete() != null && !op.isTerminal()) {
            sb.append(' ').append(Math.round(op.percentComplete())).append('%');
        }
        if (op.resourceId() != null) {
            sb.append(' ').append(op.resourceId());
        }
        if (op.error() != null) {
            sb.append(" error ").append(op.error().code()).append(": ").append(op.error().message());
        }
        return sb.toString();
    }
}
