package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.Plan;
import io.asyncops.emulator.ProvisioningState;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.ResourceAction;
import io.asyncops.emulator.ResourceType;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.internal.Faults;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.store.ResourceStore;
import io.asyncops.emulator.internal.store.Row;
import io.asyncops.engine.AsyncOpsException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.TransactionalWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every operation of the core: reads the resource's row, asks the type for a plan, takes the plan's time (or
 * the type's real work), then ends with the resource's final state committed with the operation's end: the new body
 * on success; on failure or cancellation what {@code stateAfter} says (a create leaves nothing by default). Every
 * ending is fenced by the state the operation set, so a row another operation took over is left alone.
 */
final class CoreHandler implements OperationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CoreHandler.class);
    private final ResourceTypes types;
    private final DataSource dataSource;
    private final EmulatorSettings settings;
    private final Lookups lookup;

    CoreHandler(ResourceTypes types, DataSource dataSource, EmulatorSettings settings) {
        this.types = types;
        this.dataSource = dataSource;
        this.settings = settings;
        this.lookup = new Lookups(dataSource);
    }

    @Override
    public Outcome run(OperationContext ctx) throws Exception {
        OperationInput in = OperationInput.parse(ctx.input());
        ResourceType type = type(in);
        Row row = in.id() == null ? null
                : Jdbc.run(dataSource, c -> ResourceStore.find(c, ResourceStore.key(in.id()))).orElse(null);
        return switch (in.verb()) {
            case PUT, PATCH -> write(ctx, in, type, row);
            case DELETE -> delete(ctx, in, type, row);
            case POST -> action(ctx, in, type, row);
        };
    }

    private Outcome write(OperationContext ctx, OperationInput in, ResourceType type, Row row) throws Exception {
        String state = row == null ? null : row.resource().provisioningState();
        if (row == null || row.pending() == null
                || !(ProvisioningState.CREATING.equals(state) || ProvisioningState.UPDATING.equals(state))) {
            return Outcome.failed(interrupted(in));
        }
        boolean creating = ProvisioningState.CREATING.equals(state);
        Resource resource = row.resource();
        Plan plan;
        ObjectNode result;
        try {
            plan = type.hooks().plan(planning(in, type, creating, resource, row.pending()));
            result = type.hooks().provision(new Contexts.Working(ctx, plan, resource, row.pending(),
                    in.inputOrEmpty()));
        } catch (OperationCanceledException e) {
            return Outcome.canceled(ending(type, in.verb(), creating, OperationStatus.CANCELED, row.key(), state));
        } catch (RuntimeException e) {
            return Outcome.failed(error(e), ending(type, in.verb(), creating, OperationStatus.FAILED, row.key(),
                    state));
        }
        if (plan.fails()) {
            return Outcome.failed(plan.failure(), ending(type, in.verb(), creating, OperationStatus.FAILED,
                    row.key(), state));
        }
        ObjectNode body = Envelope.wrap(type, resource.id(), resource.name(),
                type.tracked() ? resource.location() : null, result);
        Instant now = settings.clock().instant();
        String etag = Core.newEtag();
        Resource done = new Resource(resource.id(), resource.type(), resource.name(), resource.subscription(),
                resource.resourceGroup(), resource.location(), body, ProvisioningState.SUCCEEDED, etag,
                resource.createdAt(), now);
        ctx.progress(100);
        String key = row.key();
        return Outcome.succeeded(Envelope.render(type, done).toString(),
                tx -> ResourceStore.end(tx, key, state, body, ProvisioningState.SUCCEEDED, etag, now));
    }

    private Outcome delete(OperationContext ctx, OperationInput in, ResourceType type, Row row) throws Exception {
        if (row == null || !ProvisioningState.DELETING.equals(row.resource().provisioningState())) {
            return Outcome.failed(interrupted(in));
        }
        String key = row.key();
        Plan plan;
        try {
            plan = type.hooks().plan(planning(in, type, false, row.resource(), null));
            Contexts.Working.simulate(ctx, plan);
        } catch (OperationCanceledException e) {
            return Outcome.canceled(ending(type, Verb.DELETE, false, OperationStatus.CANCELED, key,
                    ProvisioningState.DELETING));
        } catch (RuntimeException e) {
            return Outcome.failed(error(e), ending(type, Verb.DELETE, false, OperationStatus.FAILED, key,
                    ProvisioningState.DELETING));
        }
        if (plan.fails()) {
            return Outcome.failed(plan.failure(), ending(type, Verb.DELETE, false, OperationStatus.FAILED, key,
                    ProvisioningState.DELETING));
        }
        ctx.progress(100);
        return Outcome.succeeded(null, tx -> ResourceStore.deleteIfInState(tx, key, ProvisioningState.DELETING));
    }

    private Outcome action(OperationContext ctx, OperationInput in, ResourceType type, Row row) throws Exception {
        ResourceType.Action action = type.actions().get(in.action());
        ResourceAction behaviour = action.behaviour();
        String holds = behaviour.stateWhileRunning();
        if (in.id() != null && (row == null || (holds != null && !holds.equals(row.resource().provisioningState())))) {
            return Outcome.failed(interrupted(in));
        }
        Resource target = row == null ? null : row.resource();
        TransactionalWork restore = restore(row, holds);
        Plan plan;
        JsonNode result;
        try {
            plan = behaviour.plan(planning(in, type, false, target, null));
            Contexts.Working.simulate(ctx, plan);
            if (plan.fails()) {
                return Outcome.failed(plan.failure(), restore);
            }
            result = behaviour.result(new Actions.Context(in.inputOrEmpty(), target, Map.of(), ctx.operation(),
                    plan.duration(), settings.clock().instant(), lookup));
        } catch (OperationCanceledException e) {
            return Outcome.canceled(restore);
        } catch (RuntimeException e) {
            return Outcome.failed(error(e), restore);
        }
        ctx.progress(100);
        return Outcome.succeeded(result == null ? null : result.toString(), restore);
    }

    /**
     * A cancel before any worker ran the operation leaves the resource as a canceled run would, in the transaction
     * that ends the operation.
     */
    @Override
    public TransactionalWork canceledWithoutWorker(Operation op) {
        OperationInput in = OperationInput.parse(op.input());
        ResourceType type = type(in);
        if (in.id() == null) {
            return TransactionalWork.none();
        }
        String key = ResourceStore.key(in.id());
        return tx -> {
            Optional<Row> found = ResourceStore.find(tx, key);
            if (found.isEmpty()) {
                return;
            }
            String state = found.get().resource().provisioningState();
            TransactionalWork undo = switch (in.verb()) {
                case PUT, PATCH -> ProvisioningState.CREATING.equals(state) || ProvisioningState.UPDATING.equals(state)
                        ? ending(type, in.verb(), ProvisioningState.CREATING.equals(state), OperationStatus.CANCELED,
                        key, state) : TransactionalWork.none();
                case DELETE -> ProvisioningState.DELETING.equals(state)
                        ? ending(type, Verb.DELETE, false, OperationStatus.CANCELED, key, state)
                        : TransactionalWork.none();
                case POST -> restore(found.get(), type.actions().get(in.action()).behaviour().stateWhileRunning());
            };
            undo.execute(tx);
        };
    }

    /** The resource's state after a failed or canceled verb: what the type's {@code stateAfter} says. */
    private TransactionalWork ending(ResourceType type, Verb verb, boolean creating, OperationStatus status,
                                     String key, String runningState) {
        String after = type.hooks().stateAfter(verb, creating, status);
        if (after == null) {
            return tx -> ResourceStore.deleteIfInState(tx, key, runningState);
        }
        Instant now = settings.clock().instant();
        String etag = Core.newEtag();
        return tx -> ResourceStore.end(tx, key, runningState, null, after, etag, now);
    }

    /** Back to {@code Succeeded} after an action that showed {@code holds} while it ran. */
    private TransactionalWork restore(Row row, String holds) {
        if (row == null || holds == null) {
            return TransactionalWork.none();
        }
        Instant now = settings.clock().instant();
        String etag = Core.newEtag();
        String key = row.key();
        return tx -> ResourceStore.end(tx, key, holds, null, ProvisioningState.SUCCEEDED, etag, now);
    }

    private Contexts.Planning planning(OperationInput in, ResourceType type, boolean creating, Resource resource,
                                       ObjectNode desired) {
        Duration duration = in.verb() == Verb.POST ? type.actions().get(in.action()).style().duration()
                : type.style(in.verb()).orElseThrow().duration();
        String kind = in.verb() == Verb.POST ? type.kind(in.action()) : type.kind(in.verb());
        OperationError fault = in.fault() == null ? null : Faults.injected(in.fault(), kind);
        return new Contexts.Planning(in.verb(), in.action(), creating, resource, desired, in.inputOrEmpty(),
                settings.scaled(duration), settings, fault, lookup);
    }

    private ResourceType type(OperationInput in) {
        return types.find(in.type()).orElseThrow(() -> new IllegalStateException("the resource type " + in.type()
                + " of this operation is not registered on this server"));
    }

    /**
     * The error of a hook that threw: its own for an {@link AzureException}; an engine exception (lease lost, store
     * down) goes on to the engine, which retries or resumes; anything else is a bug the operation fails with, as
     * {@code InternalServerError}, so its resource is not left in a transitional state.
     */
    private static OperationError error(RuntimeException e) {
        if (e instanceof AzureException refused) {
            return OperationError.of(refused.code(), refused.getMessage(), refused.status());
        }
        if (e instanceof AsyncOpsException engine) {
            throw engine;
        }
        LOG.warn("a resource type's hook failed; its operation fails", e);
        return OperationError.internal("InternalServerError", "The operation failed on an internal error of the"
                + " resource provider.");
    }

    private static OperationError interrupted(OperationInput in) {
        String name = in.id() == null ? in.type() : in.id().substring(in.id().lastIndexOf('/') + 1);
        return OperationError.of("OperationInterrupted", "The operation on the resource '" + name + "' could not be"
                + " completed because it was interrupted by another operation on the same resource.", 409);
    }
}
