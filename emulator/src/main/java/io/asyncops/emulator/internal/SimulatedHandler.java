package io.asyncops.emulator.internal;

import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.SqlDatabase;
import io.asyncops.emulator.SqlServer;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationCanceledException;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationHandler;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.TransactionalWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The shape of every emulated operation: read the resource's row, plan (how long, whether it fails, what it
 * produces), sleep through the plan with progress, then end with the resource's final state committed together with
 * the operation's: {@code Succeeded}, {@code Failed} (an injected fault, or a realistic failure) or {@code Canceled}.
 */
abstract class SimulatedHandler implements OperationHandler {
    /** Where in its duration an injected fault ends an operation: it runs half way, then fails. */
    static final double FAULT_AT = 0.5;

    final DataSource dataSource;
    final EmulatorSettings settings;

    SimulatedHandler(DataSource dataSource, EmulatorSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /**
     * What an operation will do.
     *
     * @param duration  its emulated duration (already scaled)
     * @param failure   the error it ends with, null to succeed
     * @param failAt    the fraction of the duration after which it fails
     * @param result    its result JSON on success, may be null
     * @param onSuccess the resource's final state on success
     * @param onFailure the resource's state after a failure
     * @param onCancel  the resource's state after a cancellation
     */
    record Plan(Duration duration, OperationError failure, double failAt, String result,
                TransactionalWork onSuccess, TransactionalWork onFailure, TransactionalWork onCancel) {
        Plan {
            Objects.requireNonNull(duration, "duration == null");
            Objects.requireNonNull(onSuccess, "onSuccess == null");
            Objects.requireNonNull(onFailure, "onFailure == null");
            Objects.requireNonNull(onCancel, "onCancel == null");
        }
    }

    /** The plan, or an immediate outcome (thrown as {@link Interrupted}) when the resource is gone. */
    abstract Plan plan(Connection c, Operation op, ArmInput input) throws SQLException;

    @Override
    public final Outcome run(OperationContext ctx) throws Exception {
        ArmInput input = ArmInput.parse(ctx.input());
        Plan plan;
        try {
            plan = Jdbc.run(dataSource, c -> plan(c, ctx.operation(), input));
        } catch (Interrupted e) {
            return Outcome.failed(e.error);
        }
        double stop = plan.failure() != null ? plan.failAt() : 1.0;
        try {
            Simulation.run(ctx, plan.duration(), stop);
        } catch (OperationCanceledException e) {
            return Outcome.canceled(plan.onCancel());
        }
        if (plan.failure() != null) {
            return Outcome.failed(plan.failure(), plan.onFailure());
        }
        ctx.progress(100);
        return Outcome.succeeded(plan.result(), plan.onSuccess());
    }

    /**
     * A cancel before any worker ran the operation leaves the resource as a canceled run would (a create leaves
     * nothing, an update or delete its resource {@code Canceled}), in the transaction that ends the operation.
     */
    @Override
    public final TransactionalWork canceledWithoutWorker(Operation op) {
        ArmInput input = ArmInput.parse(op.input());
        return tx -> {
            Plan plan;
            try {
                plan = plan(tx, op, input);
            } catch (Interrupted gone) {
                return;
            }
            plan.onCancel().execute(tx);
        };
    }

    /** The database the input names, in a provisioning state {@code inState} accepts, or {@link Interrupted}. */
    static SqlDatabase database(Connection c, ArmInput in, Predicate<String> inState) throws SQLException {
        SqlServer server = SqlServerTable.find(c, in.subscription(), in.resourceGroup(), in.server())
                .orElseThrow(() -> new Interrupted(in.server()));
        return SqlDatabaseTable.find(c, server, in.database())
                .filter(d -> inState.test(d.provisioningState()))
                .orElseThrow(() -> new Interrupted(in.database()));
    }

    /** The fault the input asks for, or null. */
    static OperationError fault(ArmInput input, String kind) {
        return input.fault() == null ? null : Tags.faultError(input.fault(), kind);
    }

    /** Thrown by {@link #plan} when the resource was removed by another operation before this one ran. */
    static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient OperationError error;

        Interrupted(String resource) {
            super(resource);
            this.error = OperationError.of("OperationInterrupted", "The operation on the resource '" + resource
                    + "' could not be completed because it was interrupted by another operation on the same"
                    + " resource.", 409);
        }
    }
}
