package io.asyncops.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.engine.OperationContext;
import io.asyncops.protocol.Json;
import java.time.Duration;

/**
 * Emulated provisioning time: sleeps through an operation's duration in about twenty steps, reporting
 * {@code percentComplete} and the time left (so Retry-After follows), and checkpointing how far it got so a resumed
 * handler continues where the previous run stopped instead of starting over. Sleeping through the context wakes up
 * at once when cancellation is requested. Shared by every emulated provider (ARM and BizTalk).
 */
public final class Simulation {
    private static final int STEPS = 20;
    private static final long MIN_STEP_MS = 20;

    private Simulation() {
    }

    /** Runs from the checkpoint until {@code fraction} (0..1) of {@code total} has passed. */
    public static void run(OperationContext ctx, Duration total, double fraction) throws InterruptedException {
        long totalMs = total.toMillis();
        long target = Math.round(totalMs * fraction);
        long done = Math.min(resumeFrom(ctx), target);
        long step = Math.max(MIN_STEP_MS, totalMs / STEPS);
        report(ctx, done, totalMs);
        while (done < target) {
            ctx.throwIfCanceled();
            long slice = Math.min(step, target - done);
            ctx.sleep(Duration.ofMillis(slice));
            done += slice;
            ctx.checkpoint("{\"elapsedMs\":" + done + "}");
            report(ctx, done, totalMs);
        }
        ctx.throwIfCanceled();
    }

    private static void report(OperationContext ctx, long done, long totalMs) {
        double percent = totalMs == 0 ? 99.0 : Math.min(99.0, Math.floor(1000.0 * done / totalMs) / 10.0);
        ctx.progress(percent);
        ctx.estimateRemaining(Duration.ofMillis(Math.max(0, totalMs - done)));
    }

    /** The elapsed time a previous run saved, 0 on the first run. */
    static long resumeFrom(OperationContext ctx) {
        return ctx.checkpoint().map(text -> {
            try {
                JsonNode node = Json.mapper().readTree(text);
                return Math.max(0, node.path("elapsedMs").asLong(0));
            } catch (Exception e) {
                return 0L;
            }
        }).orElse(0L);
    }
}
