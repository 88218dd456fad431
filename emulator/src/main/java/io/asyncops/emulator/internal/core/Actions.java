package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.Answer;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Lookup;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.TransactionalWork;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Actions: on a resource (it must exist; a long-running action holds it, and may show a state while it runs) or of
 * a provider at its own path. Synchronous ones answer their result at once, after storing what they change.
 */
public final class Actions {
    /** The most children one action replaces. */
    private static final int MAX_CHILDREN = 10_000;
    private final Core core;

    public Actions(Core core) {
        this.core = core;
    }

    public Answer act(ResourceType type, String name, Map<String, String> path, JsonNode body, Caller caller) {
        ResourceType.Action action = type.actions().get(name);
        if (action == null) {
            throw new IllegalArgumentException(type.type() + " has no action " + name);
        }
        Target target = action.onResource() ? Target.of(core.types(), type, path) : null;
        ActionRequest request = new ActionRequest(type, name, target == null ? null : target.requestedId, path, body,
                caller, core.now());
        ResourceAction behaviour = action.behaviour();
        ObjectNode input = behaviour.input(request);
        Resource resource = target == null ? null : Jdbc.run(core.dataSource(), c -> {
            target.read(c, false).checkParents(false);
            return target.existing().resource();
        });
        behaviour.check(request, input, resource);
        if (!action.style().longRunning()) {
            return now(type, action, input, resource, path, caller);
        }
        if (resource != null && resource.isTransitional()) {
            throw type.conflict(resource.name());
        }
        String holds = behaviour.stateWhileRunning();
        ObjectNode shown = resource == null ? null : behaviour.bodyWhileRunning(request, resource);
        TransactionalWork work = TransactionalWork.none();
        if (resource != null && (holds != null || shown != null)) {
            Instant now = core.now();
            String etag = Core.newEtag();
            String state = holds != null ? holds : resource.provisioningState();
            ObjectNode stored = shown != null ? shown : resource.body();
            work = c -> {
                if (!ResourceStore.replace(c, ResourceStore.key(resource.id()), resource.etag(), stored, null,
                        state, etag, now)) {
                    throw type.conflict(resource.name());
                }
            };
        }
        String id = resource == null ? null : resource.id();
        OperationInput in = new OperationInput(Verb.POST, type.type(), id, name, input, null, caller.apiVersion());
        try {
            Operation op = core.submitter().submit(caller, type.kind(name), id, in, work);
            String location = resource != null ? target.location(resource.location())
                    : path.getOrDefault("location", "global");
            return new Answer.Started(op, type.namespace(), location, action.style(), false, null, null);
        } catch (ResourceBusyException e) {
            throw type.conflict(resource == null ? name : resource.name());
        }
    }

    /**
     * A synchronous action: what it changes is stored first (fenced by the etag read: a change meanwhile is
     * {@code 409}), then its result is computed on the target as it is now.
     */
    private Answer now(ResourceType type, ResourceType.Action action, ObjectNode input, Resource resource,
                       Map<String, String> path, Caller caller) {
        ResourceAction behaviour = action.behaviour();
        Context context = new Context(input, resource, path, null, Duration.ZERO, core.now(),
                new Lookups(core.dataSource()), caller.apiVersion());
        if (resource != null && behaviour.removesTarget()) {
            if (resource.isTransitional()) {
                throw type.conflict(resource.name());
            }
            Jdbc.inTransaction(core.dataSource(), c -> {
                Optional<Row> row = ResourceStore.lock(c, ResourceStore.key(resource.id()));
                if (row.isPresent()) {
                    ResourceStore.deleteTree(c, row.get());
                }
                return null;
            });
        }
        ObjectNode body = resource == null || behaviour.removesTarget() ? null : behaviour.change(context);
        if (body != null) {
            Resource changed = changed(type, resource, body, core.now());
            boolean stored = !resource.isTransitional() && Jdbc.run(core.dataSource(), c -> ResourceStore.replace(c,
                    ResourceStore.key(resource.id()), resource.etag(), changed.body(), null,
                    changed.provisioningState(), changed.etag(), changed.changedAt()));
            if (!stored) {
                throw type.conflict(resource.name());
            }
            context = context.on(changed);
        }
        ResourceAction.Children children = resource == null ? null : behaviour.children(context);
        if (children != null) {
            replace(type, action, resource, children, path, caller);
        }
        JsonNode result = behaviour.result(context);
        return new Answer.Done(result == null ? 204 : 200, null, result);
    }

    /** Replaces the children of {@code target} of one type, in one transaction ({@link ResourceAction.Children}). */
    private void replace(ResourceType type, ResourceType.Action action, Resource target,
                         ResourceAction.Children children, Map<String, String> path, Caller caller) {
        ResourceType child = core.types().find(children.type())
                .filter(t -> core.types().parentOf(t).filter(p -> p.type().equals(type.type())).isPresent())
                .orElseThrow(() -> new IllegalArgumentException(children.type() + " is not a child type of "
                        + type.type()));
        List<String> actionNames = action.path().parameterNames();
        List<String> childNames = child.path().parameterNames();
        Writes writes = new Writes(core);
        Set<String> named = new HashSet<>();
        children.bodies().keySet().forEach(n -> named.add(n.toLowerCase(Locale.ROOT)));
        Jdbc.inTransaction(core.dataSource(), c -> {
            for (Row row : ResourceStore.list(c, new ResourceStore.Scope.Parent(target.id()), child.type(), null,
                    MAX_CHILDREN)) {
                if (!named.contains(row.resource().name().toLowerCase(Locale.ROOT))) {
                    if (row.resource().isTransitional()) {
                        throw child.conflict(row.resource().name());
                    }
                    ResourceStore.deleteTree(c, row);
                }
            }
            for (Map.Entry<String, ObjectNode> e : children.bodies().entrySet()) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < childNames.size() - 1 && i < actionNames.size(); i++) {
                    values.put(childNames.get(i), path.get(actionNames.get(i)));
                }
                values.put(childNames.get(childNames.size() - 1), e.getKey());
                writes.putIn(c, child, values, e.getValue(), caller);
            }
            return null;
        });
    }

    /** {@code target} with its body replaced by {@code body} (the envelope kept), a new etag, changed {@code now}. */
    static Resource changed(ResourceType type, Resource target, ObjectNode body, Instant now) {
        ObjectNode wrapped = Envelope.wrap(type, target.id(), target.name(),
                type.tracked() ? target.location() : null, body);
        return new Resource(target.id(), target.type(), target.name(), target.subscription(), target.resourceGroup(),
                target.location(), wrapped, target.provisioningState(), Core.newEtag(), target.createdAt(), now);
    }

    /** An {@link ActionContext}. */
    record Context(ObjectNode input, Resource target, Map<String, String> path, Operation operation,
                   Duration duration, Instant now, Lookup lookup, String apiVersion) implements ActionContext {
        @Override
        public ObjectNode input() {
            return input.deepCopy();
        }

        /** This context on {@code changed}, the target as the action left it. */
        Context on(Resource changed) {
            return new Context(input, changed, path, operation, duration, now, lookup, apiVersion);
        }
    }
}
