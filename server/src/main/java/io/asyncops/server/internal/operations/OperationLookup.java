package io.asyncops.server.internal.operations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Principal;
import java.time.Duration;
import java.util.Locale;

/**
 * Finds the operation a status URL names, for the caller who asks. Rule: an operation of a subscription the caller
 * may not see, of another subscription or namespace than the URL says, a malformed id and an unknown or pruned id
 * all answer the same {@code 404 OperationNotFound}. Terminal snapshots are cached briefly: they never change.
 */
final class OperationLookup {
    private final Engine engine;
    private final Cache<OperationId, Operation> terminal = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    OperationLookup(Engine engine) {
        this.engine = engine;
    }

    Operation find(Principal principal, String subscription, String namespace, String id) {
        OperationId opId = parse(id);
        if (!principal.canSee(subscription)) {
            throw notFound(id);
        }
        Operation op = terminal.getIfPresent(opId);
        if (op == null) {
            op = engine.get(opId).orElseThrow(() -> notFound(id));
            remember(op);
        }
        if (!belongs(op, subscription, namespace)) {
            throw notFound(id);
        }
        return op;
    }

    /** Keeps {@code op} if it is terminal. */
    void remember(Operation op) {
        if (op.isTerminal()) {
            terminal.put(op.id(), op);
        }
    }

    static boolean belongs(Operation op, String subscription, String namespace) {
        if (op.subscription() == null || !op.subscription().equalsIgnoreCase(subscription)) {
            return false;
        }
        if (namespace == null) {
            return true;
        }
        int slash = op.kind().indexOf('/');
        String kindNamespace = slash < 0 ? op.kind() : op.kind().substring(0, slash);
        return kindNamespace.toLowerCase(Locale.ROOT).equals(namespace.toLowerCase(Locale.ROOT));
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
