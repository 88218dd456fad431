package io.asyncops.server.internal.operations;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Principal;

/**
 * Finds the operation a status URL names, for the caller who asks. Rule: an operation of a subscription the caller
 * may not see, of another subscription or namespace than the URL says, a malformed id and an unknown or pruned id
 * all answer the same {@code 404 OperationNotFound}. No cache here: the engine keeps the snapshots (and forgets
 * them when it purges).
 */
final class OperationLookup {
    private final Engine engine;

    OperationLookup(Engine engine) {
        this.engine = engine;
    }

    /** The operation's status ({@link Engine#status}): what the monitor, the result and a cancel need. */
    Operation find(Principal principal, String subscription, String namespace, String id) {
        return find(principal, subscription, namespace, id, false);
    }

    /**
     * With {@code whole}, the whole snapshot ({@link Engine#get}): for a caller that goes on to wait
     * ({@link Engine#await} reads whole snapshots, and finds the one kept here instead of reading the row again).
     */
    Operation find(Principal principal, String subscription, String namespace, String id, boolean whole) {
        OperationId opId = parse(id);
        if (!principal.canSee(subscription)) {
            throw notFound(id);
        }
        Operation op = (whole ? engine.get(opId) : engine.status(opId)).orElseThrow(() -> notFound(id));
        if (!belongs(op, subscription, namespace)) {
            throw notFound(id);
        }
        return op;
    }

    static boolean belongs(Operation op, String subscription, String namespace) {
        if (op.subscription() == null || !op.subscription().equalsIgnoreCase(subscription)) {
            return false;
        }
        if (namespace == null) {
            return true;
        }
        int slash = op.kind().indexOf('/');
        int length = slash < 0 ? op.kind().length() : slash;
        return namespace.length() == length && op.kind().regionMatches(true, 0, namespace, 0, length);
    }

    static OperationId parse(String id) {
        try {
            return OperationId.parse(id);
        } catch (IllegalArgumentException malformed) {
            throw notFound(id);
        }
    }

    static ApiException notFound(String id) {
        return new ApiException(404, "OperationNotFound", "The operation '" + id + "' was not found.");
    }
}
