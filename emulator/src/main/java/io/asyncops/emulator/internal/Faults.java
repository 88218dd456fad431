package io.asyncops.emulator.internal;

import io.asyncops.engine.OperationError;
import java.util.Locale;

/**
 * The one fault table of both planes: the HTTP status an error code reports, after what Azure's codes of that
 * family answer ({@code *NotFound} 404, {@code Conflict}/{@code *AlreadyExists}/{@code *InProgress} 409,
 * {@code TooManyRequests}/{@code *Throttled} 429, {@code ServiceUnavailable}/{@code ServerBusy} 503 as Azure Storage,
 * SQL and Service Bus answer a busy server, {@code InternalServerError}/{@code *Timeout} 500), 400 for anything else.
 * Used for injected faults ({@code asyncops-fault}) on the ARM and the classic plane alike.
 */
public final class Faults {
    private Faults() {
    }

    /** The HTTP status of an error {@code code}. */
    public static int status(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.contains("notfound")) {
            return 404;
        }
        if (c.contains("conflict") || c.contains("alreadyexists") || c.contains("inprogress")) {
            return 409;
        }
        if (c.contains("toomanyrequests") || c.contains("throttl")) {
            return 429;
        }
        if (c.contains("unavailable") || c.contains("busy")) {
            return 503;
        }
        if (c.contains("internal") || c.contains("timedout") || c.contains("timeout")) {
            return 500;
        }
        return 400;
    }

    /** The error an injected fault ends an operation of {@code kind} with. */
    public static OperationError injected(String code, String kind) {
        return OperationError.of(code, "The operation '" + kind + "' failed with error code '"
                + code + "' because its request carried the tag '" + Tags.FAULT + ": " + code + "' (a failure"
                + " injected on purpose by asyncops).", status(code));
    }
}
