package io.asyncops.engine;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many operations there are per status, and since when the oldest non-terminal one waits ({@link Engine#stats}).
 *
 * @param counts             per status; a status without operations counts 0
 * @param oldestActiveSince  the creation time of the oldest Accepted or InProgress operation, null when none
 */
public record OperationStats(Map<OperationStatus, Long> counts, Instant oldestActiveSince) {
    public OperationStats {
        Map<OperationStatus, Long> all = new EnumMap<>(OperationStatus.class);
        for (OperationStatus s : OperationStatus.values()) {
            all.put(s, counts == null ? 0L : counts.getOrDefault(s, 0L));
        }
        counts = Map.copyOf(all);
    }

    /** The count of {@code status}. */
    public long count(OperationStatus status) {
        return counts.get(status);
    }
}
