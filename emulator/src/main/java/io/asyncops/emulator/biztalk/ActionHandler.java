package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.emulator.internal.Simulation;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.TransactionalWork;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Runs one management action: links the operation to its handle, takes the action's emulated time, then ends with
 * the deployment's final state ({@link Endings}) committed with the operation's status. An injected fault runs half
 * way, then fails.
 */
final class ActionHandler implements OperationHandler {
    static final double FAULT_AT = 0.5;

    private final BizTalkAction action;
    private final DataSource dataSource;
    private final BizTalkSettings settings;

    ActionHandler(BizTalkAction action, DataSource dataSource, BizTalkSettings settings) {
        this.action = action;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    @Override
    public Outcome run(OperationContext ctx) throws Exception {
        Operation op = ctx.operation();
        ActionInput in = ActionInput.parse(ctx.input());
        String handle = op.requestId();
        if (handle != null) {
            Jdbc.run(dataSource, c -> {
                OperationTable.link(c, handle, op.id());
                return null;
            });
        }
        Duration total = settings.scaled(settings.timings().of(action));
        try {
            Simulation.run(ctx, total, in.fault() != null ? FAULT_AT : 1.0);
        } catch (OperationCanceledException e) {
            return Outcome.canceled(Endings.of(action, OperationStatus.CANCELED, in.name(), handle));
        }
        if (in.fault() != null) {
            String message = "The " + action.wireName().toLowerCase(java.util.Locale.ROOT) + " of the BizTalk service '"
                    + in.name() + "' failed with error code '" + in.fault() + "' because its request carried the tag '"
                    + CreateRequest.FAULT_TAG + "' (a failure injected on purpose by asyncops).";
            return Outcome.failed(OperationError.of(in.fault(), message, CreateRequest.faultStatus(in.fault())),
                    Endings.of(action, OperationStatus.FAILED, in.name(), handle));
        }
        ctx.progress(100);
        return Outcome.succeeded(null, Endings.of(action, OperationStatus.SUCCEEDED, in.name(), handle));
    }

    /** A cancel before any worker ran the action ends it as a canceled run would: linked, and the deployment's state. */
    @Override
    public TransactionalWork canceledWithoutWorker(Operation op) {
        ActionInput in = ActionInput.parse(op.input());
        String handle = op.requestId();
        TransactionalWork ending = Endings.of(action, OperationStatus.CANCELED, in.name(), handle);
        return tx -> {
            if (handle != null) {
                OperationTable.link(tx, handle, op.id());
            }
            ending.execute(tx);
        };
    }
}
