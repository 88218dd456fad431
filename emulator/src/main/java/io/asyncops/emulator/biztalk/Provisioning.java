package io.asyncops.emulator.biztalk;

import io.asyncops.engine.OperationContext;
import java.time.Duration;

/**
 * Emulated provisioning time: sleeps through an operation's duration in about twenty steps, reporting progress and
 * the time left (Retry-After follows it) and checkpointing the time done, so a resumed run continues where the last
 * one stopped. The context's sleep wakes at once when cancellation is requested.
 */
final class Provisioning {
    private static final int STEPS = 20;
    private static final long MIN_STEP_MS = 10;

    private Provisioning() {
    }

    /** Runs from the checkpoint until {@code fraction} (0..1) of {@code total} has passed. */
    static void run(OperationContext ctx, Duration total, double fraction) throws InterruptedException {
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
            ctx.checkpoint(Long.toString(done));
            report(ctx, done, totalMs);
        }
        ctx.throwIfCanceled();
    }

    private static void report(OperationContext ctx, long done, long totalMs) {
        double percent = totalMs == 0 ? 99.0 : Math.min(99.0, Math.floor(1000.0 * done / totalMs) / 10.0);
        ctx.progress(percent);
        ctx.estimateRemaining(Duration.ofMillis(Math.max(0, totalMs - done)));
    }

    /** The milliseconds an earlier run got through, 0 on the first run or after an unreadable checkpoint. */
    static long resumeFrom(OperationContext ctx) {
        return ctx.checkpoint().map(text -> {
            try {
                return Math.max(0L, Long.parseLong(text.trim()));
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }
}
