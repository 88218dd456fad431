package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.OperationError;
import java.time.Duration;

/** What {@link ResourceHooks#plan} and {@link ResourceAction#plan} see when a worker starts an operation. */
public interface PlanContext {

    /** The verb that started it. */
    Verb verb();

    /** The action's name for {@link Verb#POST}, else null. */
    String action();

    /** Whether the operation creates its resource (a PUT that found none). */
    boolean creating();

    /** The resource as stored now (for a create: as shown while it is created); null for an action outside one. */
    Resource resource();

    /** What the resource will be after a PUT or PATCH (a copy); null for DELETE and actions. */
    ObjectNode desired();

    /** The operation's input: what {@link ResourceHooks#normalize} or {@link ResourceAction#input} returned. */
    ObjectNode input();

    /** The verb's duration from the description, scaled by the time scale. */
    Duration duration();

    /** {@code atScaleOne} multiplied by the time scale. */
    Duration scaled(Duration atScaleOne);

    /** The error the request's {@code asyncops-fault} tag asks for, null without the tag. */
    OperationError fault();

    /** Reads of the store (e.g. what a resource group holds). */
    Lookup lookup();

    /** The default plan: {@link #duration()}, failing half way with {@link #fault()} when the tag asked for it. */
    default Plan defaultPlan() {
        return Plan.of(duration()).failing(fault(), Plan.FAULT_AT);
    }
}
