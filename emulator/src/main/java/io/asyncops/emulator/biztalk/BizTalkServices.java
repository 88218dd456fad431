package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Migrations;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.protocol.classic.BizTalkResource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The emulated BizTalk Services provider: create, restart and delete deployments (each a long-running operation
 * whose handle is the {@code x-ms-request-id} of the request that started it), read them, and find operations by
 * handle. No HTTP here: the server's classic plane calls it.
 *
 * <p>Life cycle, matching the engine's: {@link #create}, {@link #migrate} (own tables and Flyway history), register
 * {@link #handlers()} with the engine, start the engine, then {@link #attach} it.
 *
 * <pre>{@code
 * BizTalkServices biztalk = BizTalkServices.create(dataSource, BizTalkSettings.of(0.1));
 * biztalk.migrate();
 * biztalk.handlers().forEach(config::handler);
 * biztalk.attach(Engine.start(config.build()));
 * BizTalkOperation op = biztalk.create(new BizTalkCaller(sub, user, requestId, null), "mycloudservice1",
 *         "mybiztalkservice", BizTalkResource.request("mybiztalkservice", "Standard", "Standard", "West US", null));
 * }</pre>
 */
public final class BizTalkServices {
    /** Where the provider's migrations live. */
    public static final String FLYWAY_LOCATION = "classpath:db/asyncops/biztalk";
    /** The provider's own Flyway history table. */
    public static final String FLYWAY_TABLE = "asyncops_biztalk_history";

    private final DataSource dataSource;
    private final BizTalkSettings settings;
    private final AtomicReference<Engine> engine = new AtomicReference<>();

    private BizTalkServices(DataSource dataSource, BizTalkSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** A provider keeping its deployments in {@code dataSource} (the engine's database). */
    public static BizTalkServices create(DataSource dataSource, BizTalkSettings settings) {
        return new BizTalkServices(Objects.requireNonNull(dataSource, "dataSource == null"),
                Objects.requireNonNull(settings, "settings == null"));
    }

    /** Creates or upgrades the provider's tables; safe on every start and from several nodes. */
    public void migrate() {
        Migrations.migrate(dataSource, FLYWAY_LOCATION, FLYWAY_TABLE);
    }

    /** The handler of each action's operation kind, to register with the engine. */
    public Map<String, OperationHandler> handlers() {
        Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        for (BizTalkAction action : BizTalkAction.values()) {
            handlers.put(action.kind(), new ActionHandler(action, dataSource, settings));
        }
        return Map.copyOf(handlers);
    }

    /** Gives the provider the running engine it submits to; once. */
    public void attach(Engine running) {
        Objects.requireNonNull(running, "engine == null");
        if (!engine.compareAndSet(null, running) && engine.get() != running) {
            throw new IllegalStateException("the BizTalk provider is already attached to another engine");
        }
    }

    public BizTalkSettings settings() {
        return settings;
    }

    /**
     * Starts provisioning a new deployment.
     *
     * @throws BizTalkException 400 for an invalid name or body, 409 {@code ConflictError} when the name is taken
     * @throws ResourceBusyException when an operation on the same deployment still runs
     */
    public BizTalkOperation create(BizTalkCaller caller, String cloudService, String name, BizTalkResource body) {
        checkNames(caller, cloudService, name);
        CreateRequest request = CreateRequest.validate(name, body);
        BizTalkService service = new BizTalkService(caller.subscription(), cloudService, name, request.edition(),
                request.edition(), request.region(), "1.0", request.tags(), ServiceState.CREATING,
                UUID.randomUUID().toString(), BizTalkAction.CREATE, caller.requestId(), settings.clock().instant());
        reconcile(Jdbc.run(dataSource, c -> ServiceTable.findByName(c, name)));
        ActionInput input = new ActionInput(BizTalkAction.CREATE, caller.subscription(), cloudService, name,
                request.edition(), request.fault());
        return submit(caller, input, c -> {
            ServiceTable.insert(c, service);
            OperationTable.insert(c, caller.requestId(), caller.subscription(), cloudService, name,
                    BizTalkAction.CREATE, request.edition(), settings.clock().instant());
        });
    }

    /**
     * Restarts an active deployment.
     *
     * @throws BizTalkException 404 {@code ResourceNotFound}, 409 {@code ConflictError} when it is not active
     * @throws ResourceBusyException when an operation on it still runs
     */
    public BizTalkOperation restart(BizTalkCaller caller, String cloudService, String name) {
        return act(caller, cloudService, name, BizTalkAction.RESTART, EnumSet.of(ServiceState.ACTIVE),
                ServiceState.RESTARTING);
    }

    /**
     * Deletes a deployment (active, or failed to create).
     *
     * @throws BizTalkException 404 {@code ResourceNotFound}
     * @throws ResourceBusyException when an operation on it still runs
     */
    public BizTalkOperation delete(BizTalkCaller caller, String cloudService, String name) {
        return act(caller, cloudService, name, BizTalkAction.DELETE,
                EnumSet.of(ServiceState.ACTIVE, ServiceState.FAILED), ServiceState.DELETING);
    }

    /** The deployment {@code name} of {@code cloudService} in {@code subscription}, names compared without case. */
    public Optional<BizTalkService> get(String subscription, String cloudService, String name) {
        return reconcile(Jdbc.run(dataSource, c -> ServiceTable.find(c, subscription, cloudService, name)));
    }

    /**
     * Gives a deployment whose last action ended without its handler's ending (canceled before any worker started
     * it, or failed by the engine itself) that ending now, so no deployment stays Creating, Restarting or Deleting
     * after its operation ended. Returns the deployment as it is then.
     */
    private Optional<BizTalkService> reconcile(Optional<BizTalkService> found) {
        if (found.isEmpty() || !found.get().state().isTransitional()) {
            return found;
        }
        BizTalkService s = found.get();
        Optional<Operation> last = findOperation(s.subscription(), s.lastRequestId()).map(BizTalkOperation::operation)
                .filter(Operation::isTerminal);
        if (last.isEmpty()) {
            return found;
        }
        return Jdbc.run(dataSource, c -> {
            Endings.of(s.lastAction(), last.get().status(), s.name(), s.lastRequestId()).execute(c);
            return ServiceTable.find(c, s.subscription(), s.cloudService(), s.name());
        });
    }

    /**
     * The operation whose handle is {@code requestId}, if it belongs to {@code subscription} and the engine still
     * knows it (handles of pruned operations are forgotten here).
     */
    public Optional<BizTalkOperation> findOperation(String subscription, String requestId) {
        if (subscription == null || requestId == null || requestId.length() > 64) {
            return Optional.empty();
        }
        Optional<OperationTable.Handle> handle = Jdbc.run(dataSource,
                c -> OperationTable.find(c, subscription, requestId));
        if (handle.isEmpty() || handle.get().operationId() == null) {
            return Optional.empty();
        }
        OperationTable.Handle h = handle.get();
        Optional<Operation> operation = engine().get(h.operationId());
        if (operation.isEmpty()) {
            Jdbc.run(dataSource, c -> {
                OperationTable.forget(c, h.requestId());
                return null;
            });
            return Optional.empty();
        }
        return Optional.of(new BizTalkOperation(h.requestId(), h.action(), h.subscription(), h.cloudService(),
                h.name(), h.edition(), operation.get()));
    }

    private BizTalkOperation act(BizTalkCaller caller, String cloudService, String name, BizTalkAction action,
                                 EnumSet<ServiceState> from, ServiceState to) {
        checkNames(caller, cloudService, name);
        BizTalkService service = get(caller.subscription(), cloudService, name)
                .orElseThrow(() -> notFound(cloudService, name));
        ActionInput input = new ActionInput(action, caller.subscription(), service.cloudService(), service.name(),
                service.edition(), null);
        return submit(caller, input, c -> {
            // Read again under lock: the state may have moved since the read above.
            if (ServiceTable.find(c, caller.subscription(), cloudService, name).isEmpty()) {
                throw notFound(cloudService, name);
            }
            if (ServiceTable.begin(c, name, from, to, action, caller.requestId()).isEmpty()) {
                ServiceState now = ServiceTable.find(c, caller.subscription(), cloudService, name)
                        .map(BizTalkService::state).orElse(null);
                throw BizTalkException.conflict("The BizTalk service '" + service.name() + "' cannot be "
                        + (action == BizTalkAction.RESTART ? "restarted" : "deleted") + " while it is "
                        + (now == null ? "gone" : now.wireName()) + ".");
            }
            OperationTable.insert(c, caller.requestId(), caller.subscription(), service.cloudService(),
                    service.name(), action, service.edition(), settings.clock().instant());
        });
    }

    private BizTalkOperation submit(BizTalkCaller caller, ActionInput input, TransactionalWork work) {
        Submission submission = Submission.of(input.action().kind(), input.toJson())
                .withSubscription(caller.subscription())
                .withExclusiveResource(resourceId(caller.subscription(), input.cloudService(), input.name()))
                .withIdempotencyKey(caller.idempotencyKey())
                .withRequestId(caller.requestId())
                .withOwner(caller.owner());
        Operation op;
        try {
            op = engine().submit(submission, work);
        } catch (ResourceBusyException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BizTalkException refused) {
                    throw refused;
                }
            }
            throw e;
        }
        String handle = op.requestId() != null ? op.requestId() : caller.requestId();
        Jdbc.run(dataSource, c -> {
            OperationTable.link(c, handle, op.id());
            return null;
        });
        return new BizTalkOperation(handle, input.action(), caller.subscription(), input.cloudService(),
                input.name(), input.edition(), op);
    }

    /**
     * The resource id of a deployment in operations: its classic path, lower-cased, so that operations on the same
     * deployment exclude each other whatever case the caller wrote.
     */
    public static String resourceId(String subscription, String cloudService, String name) {
        return ("/" + subscription + "/cloudservices/" + cloudService + "/resources/biztalkservices/biztalk/" + name)
                .toLowerCase(Locale.ROOT);
    }

    private static void checkNames(BizTalkCaller caller, String cloudService, String name) {
        NameRules.subscription(caller.subscription());
        NameRules.cloudService(cloudService);
        NameRules.resource(name);
    }

    private static BizTalkException notFound(String cloudService, String name) {
        return BizTalkException.notFound("BizTalk service '" + name + "' in the cloud service '" + cloudService + "'");
    }

    private Engine engine() {
        Engine e = engine.get();
        if (e == null) {
            throw new IllegalStateException("the BizTalk provider is not attached to an engine yet (call attach)");
        }
        return e;
    }
}
