package io.asyncops.emulator.internal.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.Lookup;
import io.asyncops.emulator.Plan;
import io.asyncops.emulator.PlanContext;
import io.asyncops.emulator.Resource;
import io.asyncops.emulator.Verb;
import io.asyncops.emulator.Work;
import io.asyncops.emulator.internal.Simulation;
import io.asyncops.engine.OperationContext;
import io.asyncops.engine.OperationError;
import java.time.Duration;

/** The contexts the core gives the hooks while a worker runs an operation. */
final class Contexts {
    private Contexts() {
    }

    /** A {@link PlanContext}. */
    record Planning(Verb verb, String action, boolean creating, Resource resource, ObjectNode desiredBody,
                    ObjectNode inputBody, Duration duration, EmulatorSettings settings, OperationError fault,
                    Lookup lookup) implements PlanContext {
        @Override
        public ObjectNode desired() {
            return desiredBody == null ? null : desiredBody.deepCopy();
        }

        @Override
        public ObjectNode input() {
            return inputBody.deepCopy();
        }

        @Override
        public Duration scaled(Duration atScaleOne) {
            return settings.scaled(atScaleOne);
        }
    }

    /** A {@link Work}. */
    record Working(OperationContext context, Plan plan, Resource resource, ObjectNode desiredBody,
                   ObjectNode inputBody) implements Work {
        @Override
        public ObjectNode desired() {
            return desiredBody.deepCopy();
        }

        @Override
        public ObjectNode input() {
            return inputBody.deepCopy();
        }

        @Override
        public void simulate() throws InterruptedException {
            simulate(context, plan);
        }

        static void simulate(OperationContext context, Plan plan) throws InterruptedException {
            Simulation.run(context, plan.duration(), plan.fails() ? plan.failAt() : 1.0);
        }
    }
}
