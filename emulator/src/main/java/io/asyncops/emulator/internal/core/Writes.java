package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.Answer;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.Caller;
import io.asyncops.emulator.Conditions;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceHooks;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.VerbStyle;
import io.asyncops.emulator.WriteRequest;
import io.asyncops.emulator.internal.Bodies;
import io.asyncops.emulator.internal.Errors;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Locations;
import io.asyncops.emulator.internal.Tags;
import io.asyncops.emulator.internal.store.NewRow;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.resources.ResourceGroups;
import io.asyncops.engine.Operation;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * PUT and PATCH of any type: the core's checks, the type's hooks, then either the write (synchronous) or the
 * operation with the resource's new state in its transaction (long-running).
 */
public final class Writes {
    private final Core core;

    public Writes(Core core) {
        this.core = core;
    }

    /** A PUT or a PATCH of {@code type} at {@code path}. */
    public Answer write(Verb verb, ResourceType type, Map<String, String> path, JsonNode body, Caller caller,
                       Conditions conditions) {
        VerbStyle style = type.style(verb).orElseThrow(() -> Errors.methodNotAllowed(verb.name(), "GET"));
        Target target = Target.of(core.types(), type, path);
        if (verb == Verb.PUT) {
            type.nameRule().check(target.name);
        }
        ObjectNode b = Bodies.object(body).deepCopy();
        String fault = envelope(verb, type, b);
        if (fault == null) {
            fault = core.settings().fault(type.kind(verb)).orElse(null);
        }
        WriteRequest request = new WriteRequest(verb, type, target.requestedId, target.name, b, path, caller,
                core.now());
        ObjectNode input = type.hooks().normalize(request);
        return style.longRunning()
                ? start(request, input, fault, target, style, conditions)
                : writeNow(request, input, target, conditions);
    }

    /**
     * Checks and normalizes what the core owns in the body: {@code location} (required by a PUT of a tracked type)
     * and {@code tags}; returns the fault the tags ask for.
     */
    private static String envelope(Verb verb, ResourceType type, ObjectNode b) {
        if (type.tracked()) {
            String location = Bodies.text(b, "location", "location");
            if (verb == Verb.PUT) {
                b.put("location", type.type().equalsIgnoreCase(ResourceGroups.TYPE)
                        ? Locations.forResourceGroup(location) : Locations.forResourceType(location, type.type()));
            } else if (location != null) {
                b.put("location", Locations.normalize(location));
            }
        }
        if (!b.has("tags") && !(type.tracked() && verb == Verb.PUT)) {
            return null;
        }
        Map<String, String> tags = Tags.read(b.get("tags"));
        String fault = Tags.fault(tags).orElse(null);
        b.set("tags", Json.mapper().valueToTree(new TreeMap<>(Tags.withoutFault(tags))));
        return fault;
    }

    /** A synchronous write; an identical concurrent create that won the insert makes this one an update. */
    private Answer writeNow(WriteRequest request, ObjectNode input, Target target, Conditions conditions) {
        try {
            return Jdbc.inTransaction(core.dataSource(), c -> writeNow(c, request, input, target, conditions));
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            Target again = Target.of(core.types(), request.type(), request.path());
            return Jdbc.inTransaction(core.dataSource(), c -> writeNow(c, request, input, again, conditions));
        }
    }

    private Answer writeNow(Connection c, WriteRequest request, ObjectNode input, Target target,
                            Conditions conditions) throws SQLException {
        ResourceType type = request.type();
        Planned planned = plan(c, request, input, target, conditions, true);
        if (planned.existing != null && planned.existing.isTransitional()) {
            throw type.conflict(planned.existing.name());
        }
        Instant now = core.now();
        String etag = Core.newEtag();
        Resource stored;
        if (planned.existing == null) {
            ResourceStore.insert(c, newRow(target, planned, planned.desired, null, ProvisioningState.SUCCEEDED,
                    etag, now));
            stored = resource(target, planned, planned.desired, ProvisioningState.SUCCEEDED, etag, now, now);
        } else {
            if (!ResourceStore.replace(c, target.self.key(), planned.existing.etag(), planned.desired, null,
                    ProvisioningState.SUCCEEDED, etag, now)) {
                throw type.conflict(planned.existing.name());
            }
            stored = resource(target, planned, planned.desired, ProvisioningState.SUCCEEDED, etag,
                    planned.existing.createdAt(), now);
        }
        return new Answer.Done(planned.existing == null ? 201 : 200, stored, Envelope.render(type, stored));
    }

    /** A long-running write: decide on one connection, then submit (the store's write in the operation's commit). */
    private Answer start(WriteRequest request, ObjectNode input, String fault, Target target, VerbStyle style,
                         Conditions conditions) {
        ResourceType type = request.type();
        Planned planned;
        try {
            planned = Jdbc.run(core.dataSource(), c -> plan(c, request, input, target, conditions, false));
        } catch (AzureException refused) {
            if (request.caller().idempotencyKey() == null) {
                throw refused;
            }
            return replayOrRefuse(request, input, fault, target, style, refused);
        }
        Resource existing = planned.existing;
        ObjectNode shown = Envelope.wrap(type, planned.id, planned.name, planned.location,
                type.hooks().whileRunning(planned.desired.deepCopy(), existing));
        String state = existing == null ? ProvisioningState.CREATING : ProvisioningState.UPDATING;
        Instant now = core.now();
        String etag = Core.newEtag();
        TransactionalWork work = existing == null
                ? c -> insertOrConflict(c, type, newRow(target, planned, shown, planned.desired, state, etag, now),
                planned.name)
                : c -> {
                    if (!ResourceStore.replace(c, target.self.key(), existing.etag(), shown, planned.desired, state,
                            etag, now)) {
                        throw type.conflict(existing.name());
                    }
                };
        OperationInput in = new OperationInput(request.verb(), type.type(), planned.id, null, input, fault);
        Operation op;
        try {
            op = core.submitter().submit(request.caller(), type.kind(request.verb()), planned.id, in, work);
        } catch (ResourceBusyException e) {
            throw type.conflict(planned.name);
        }
        Resource running = resource(target, planned, shown, state, etag, existing == null ? now
                : existing.createdAt(), now);
        return new Answer.Started(op, type.namespace(), target.location(planned.location), style, existing == null,
                running, Envelope.render(type, running));
    }

    /**
     * A keyed request the state refuses may be the retry of one that was accepted (its create is done, or runs):
     * the engine answers the operation of the first, or runs the work that refuses.
     */
    private Answer replayOrRefuse(WriteRequest request, ObjectNode input, String fault, Target target,
                                  VerbStyle style, AzureException refused) {
        ResourceType type = request.type();
        String id = target.canonicalId();
        OperationInput in = new OperationInput(request.verb(), type.type(), id, null, input, fault);
        Operation op;
        try {
            op = core.submitter().submit(request.caller(), type.kind(request.verb()), id, in, c -> {
                throw refused;
            });
        } catch (ResourceBusyException e) {
            throw refused;
        }
        return new Answer.Started(op, type.namespace(), target.location(null), style, false, null, null);
    }

    private static void insertOrConflict(Connection c, ResourceType type, NewRow row, String name)
            throws SQLException {
        try {
            ResourceStore.insert(c, row);
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw type.conflict(name);
            }
            throw e;
        }
    }

    /**
     * What the write will store, decided on the state read: parents, preconditions, names, then the hooks. A
     * synchronous write ({@code lock}) holds the resource's row until it commits.
     */
    private Planned plan(Connection c, WriteRequest request, ObjectNode input, Target target, Conditions conditions,
                         boolean lock) throws SQLException {
        ResourceType type = request.type();
        ResourceHooks hooks = type.hooks();
        target.read(c, true).checkParents(true);
        if (lock) {
            target.lockSelf(c);
        }
        Resource existing = target.self == null ? null : target.self.resource();
        if (existing == null && request.isPatch()) {
            throw target.notFound();
        }
        Preconditions.check(conditions, existing);
        if (existing == null && target.nameHolder != null) {
            throw hooks.nameTaken(request, target.nameHolder.resource());
        }
        hooks.check(request, input, existing, target.parentResource());
        String wanted = request.body().path("location").asText(null);
        if (type.tracked() && existing != null && wanted != null && existing.location() != null
                && !wanted.equals(existing.location())) {
            throw Errors.locationChanged(type.type(), existing.name(), existing.location(), target.group, wanted);
        }
        String location = type.tracked() ? (existing != null && existing.location() != null ? existing.location()
                : wanted) : target.location(null);
        String id = target.canonicalId();
        String name = existing != null ? existing.name() : target.name;
        ObjectNode desired = Envelope.wrap(type, id, name, type.tracked() ? location : null,
                hooks.desired(request, input, existing, target.parentResource()));
        return new Planned(existing, id, name, location, desired);
    }

    /** A write decided: the resource as it is (null: none), its id, name and region, and its body after the write. */
    private record Planned(Resource existing, String id, String name, String location, ObjectNode desired) {
    }

    private static NewRow newRow(Target target, Planned p, ObjectNode body, ObjectNode pending, String state,
                                 String etag, Instant now) {
        ResourceType type = target.type;
        return new NewRow(p.id, type.type(), target.parentKey(), target.subscription, target.group, p.name,
                type.globallyUniqueNames(), p.location, body, pending, state, etag, now);
    }

    private static Resource resource(Target target, Planned p, ObjectNode body, String state, String etag,
                                     Instant created, Instant changed) {
        return new Resource(p.id, target.type.type(), p.name, target.subscription, target.group, p.location, body,
                state, etag, created, changed);
    }

    /** Refuses a write whose {@code If-Match} / {@code If-None-Match} the resource does not satisfy. */
    static final class Preconditions {
        private Preconditions() {
        }

        static void check(Conditions conditions, Resource existing) {
            String etag = existing == null ? null : existing.etag();
            if (!conditions.ifMatchAllows(etag)) {
                throw AzureException.preconditionFailed(existing == null
                        ? "The resource does not exist, so the If-Match condition cannot be met."
                        : "The resource's ETag does not match the If-Match condition; it changed since it was read.");
            }
            if (!conditions.ifNoneMatchAllows(etag)) {
                throw AzureException.preconditionFailed("The resource exists, so the If-None-Match condition cannot"
                        + " be met.");
            }
        }
    }
}
