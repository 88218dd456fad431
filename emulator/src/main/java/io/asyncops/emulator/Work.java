package io.asyncops.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.engine.OperationContext;

/**
 * A long-running PUT or PATCH while a worker runs it ({@link ResourceHooks#provision}): its plan, what the resource
 * will be, and the engine's context (progress, checkpoints, cancellation, lease-aware sleep).
 */
public interface Work {

    /** The engine's context of this run. */
    OperationContext context();

    /** The plan {@link ResourceHooks#plan} returned. */
    Plan plan();

    /** The resource as stored now. */
    Resource resource();

    /** What the resource will be (a copy, free to change and return). */
    ObjectNode desired();

    /** The operation's input. */
    ObjectNode input();

    /**
     * Sleeps through the plan's duration in steps, reporting progress and the time left and checkpointing, resuming
     * where an earlier run stopped; stops at the plan's {@code failAt} when it fails. Throws the engine's
     * {@code OperationCanceledException} when a cancel arrives.
     */
    void simulate() throws InterruptedException;
}
