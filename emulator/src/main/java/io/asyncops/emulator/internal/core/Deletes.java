package io.asyncops.emulator.internal.core;

import io.asyncops.emulator.Answer;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Conditions;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * DELETE of any type: nothing there is {@code 204} (a resource group: {@code 404}); synchronous types delete at once
 * ({@code 200}); long-running ones mark the resource {@code Deleting} in the operation's transaction, and a DELETE
 * while one runs answers the running one.
 */
public final class Deletes {
    private final Core core;

    public Deletes(Core core) {
        this.core = core;
    }

    public Answer delete(ResourceType type, Map<String, String> path, Caller caller, Conditions conditions) {
        VerbStyle style = type.style(Verb.DELETE).orElseThrow(() -> Errors.methodNotAllowed("DELETE", "GET"));
        Target target = Target.of(core.types(), type, path);
        if (!style.longRunning()) {
            return Jdbc.inTransaction(core.dataSource(), c -> {
                target.read(c, false).checkParents(false);
                target.lockSelf(c);
                Resource existing = found(target, conditions);
                if (existing == null) {
                    return new Answer.Done(204, null, null);
                }
                if (existing.isTransitional()) {
                    throw type.conflict(existing.name());
                }
                ResourceStore.deleteTree(c, target.self);
                return new Answer.Done(200, null, null);
            });
        }
        Resource existing = Jdbc.run(core.dataSource(), c -> {
            target.read(c, false).checkParents(false);
            return found(target, conditions);
        });
        if (existing == null) {
            return new Answer.Done(204, null, null);
        }
        String location = target.location(existing.location());
        Instant now = core.now();
        String etag = Core.newEtag();
        String key = ResourceStore.key(existing.id());
        OperationInput input = new OperationInput(Verb.DELETE, type.type(), existing.id(), null, null, null);
        var shown = type.hooks().whileDeleting(existing, caller);
        try {
            Operation op = core.submitter().submit(caller, type.kind(Verb.DELETE), existing.id(), input, c -> {
                if (!ResourceStore.replace(c, key, existing.etag(), shown, null,
                        ProvisioningState.DELETING, etag, now)) {
                    throw type.conflict(existing.name());
                }
            });
            return new Answer.Started(op, type.namespace(), location, style, false, null, null);
        } catch (ResourceBusyException e) {
            Optional<Operation> running = core.submitter().holder(e)
                    .filter(op -> op.kind().equals(type.kind(Verb.DELETE)));
            return new Answer.Started(running.orElseThrow(() -> type.conflict(existing.name())), type.namespace(),
                    location, style, false, null, null);
        }
    }

    /** The resource, checked against the preconditions; null when there is none (a group: 404). */
    private static Resource found(Target target, Conditions conditions) {
        Row row = target.self;
        if (row == null && target.type.type().equalsIgnoreCase(ResourceGroups.TYPE)) {
            throw target.notFound();
        }
        Resource existing = row == null ? null : row.resource();
        Writes.Preconditions.check(conditions, existing);
        return existing;
    }
}
