package io.asyncops.engine;

import java.util.Set;

/**
 * A page request over operations, newest first.
 *
 * @param subscription       only this tenant's operations; null for all
 * @param statuses           only these statuses; empty for all
 * @param limit              page size, 1..1000
 * @param pageToken          the {@link Page#nextPageToken()} of the previous page, null for the first
 * @param kind               only operations of this kind (exact); null for all
 * @param resourceIdContains only operations whose resource id contains this text, compared without case; null
 *                           for all
 */
public record OperationQuery(String subscription, Set<OperationStatus> statuses, int limit, String pageToken,
                             String kind, String resourceIdContains) {
    /** The longest {@code kind} or {@code resourceIdContains} accepted. */
    public static final int MAX_FILTER_LENGTH = 200;

    public OperationQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000: " + limit);
        }
        if (kind != null && (kind.isEmpty() || kind.length() > MAX_FILTER_LENGTH)) {
            throw new IllegalArgumentException("kind must be 1.." + MAX_FILTER_LENGTH + " characters");
        }
        if (resourceIdContains != null && (resourceIdContains.isEmpty()
                || resourceIdContains.length() > MAX_FILTER_LENGTH)) {
            throw new IllegalArgumentException("resourceIdContains must be 1.." + MAX_FILTER_LENGTH + " characters");
        }
    }

    /** A query without kind or resource filters. */
    public OperationQuery(String subscription, Set<OperationStatus> statuses, int limit, String pageToken) {
        this(subscription, statuses, limit, pageToken, null, null);
    }

    /** The first page of a subscription's operations, of any status. */
    public static OperationQuery bySubscription(String subscription, int limit) {
        return new OperationQuery(subscription, Set.of(), limit, null);
    }
}
