package io.asyncops.engine;

import java.util.Set;

/**
 * A page request over operations, newest first.
 *
 * @param subscription only this tenant's operations; null for all
 * @param statuses     only these statuses; empty for all
 * @param limit        page size, 1..1000
 * @param pageToken    the {@link Page#nextPageToken()} of the previous page, null for the first
 */
public record OperationQuery(String subscription, Set<OperationStatus> statuses, int limit, String pageToken) {
    public OperationQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000: " + limit);
        }
    }

    /** The first page of a subscription's operations, of any status. */
    public static OperationQuery bySubscription(String subscription, int limit) {
        return new OperationQuery(subscription, Set.of(), limit, null);
    }
}
