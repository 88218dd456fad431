package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.ActionContext;
import io.asyncops.emulator.ActionRequest;
import io.asyncops.emulator.Answer;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Lookup;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.TransactionalWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * POST actions: on a resource (it must exist; a long-running action holds it, and may show a state while it runs)
 * or of a provider at its own path. Synchronous ones answer their result at once.
 */
public final class Actions {
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
        ObjectNode input = action.behaviour().input(request);
        Resource resource = target == null ? null : Jdbc.run(core.dataSource(), c -> {
            target.read(c, false).checkParents(false);
            return target.existing().resource();
        });
        action.behaviour().check(request, input, resource);
        if (!action.style().longRunning()) {
            JsonNode result = action.behaviour().result(new Context(input, resource, path, null, Duration.ZERO,
                    core.now(), new Lookups(core.dataSource())));
            return new Answer.Done(result == null ? 204 : 200, null, result);
        }
        if (resource != null && resource.isTransitional()) {
            throw type.conflict(resource.name());
        }
        String holds = action.behaviour().stateWhileRunning();
        ObjectNode shown = resource == null ? null : action.behaviour().bodyWhileRunning(request, resource);
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
        OperationInput in = new OperationInput(Verb.POST, type.type(), id, name, input, null);
        try {
            Operation op = core.submitter().submit(caller, type.kind(name), id, in, work);
            String location = resource != null ? target.location(resource.location())
                    : path.getOrDefault("location", "global");
            return new Answer.Started(op, type.namespace(), location, action.style(), false, null, null);
        } catch (ResourceBusyException e) {
            throw type.conflict(resource == null ? name : resource.name());
        }
    }

    /** An {@link ActionContext}. */
    record Context(ObjectNode input, Resource target, Map<String, String> path, Operation operation,
                   Duration duration, Instant now, Lookup lookup) implements ActionContext {
        @Override
        public ObjectNode input() {
            return input.deepCopy();
        }
    }
}
