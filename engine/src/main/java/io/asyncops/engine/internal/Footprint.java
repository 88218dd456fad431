package io.asyncops.engine.internal;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationError;

/**
 * What a kept snapshot takes of the heap, in bytes, as a 64-bit JVM with compressed references lays it out (12-byte
 * object headers, 8-byte alignment): strings at one byte a character when every character fits in Latin-1 (the
 * JVM's compact strings), two otherwise. The strings most snapshots repeat (kind, subscription, owner) are shared
 * across snapshots ({@link #shared}) and count only as a reference. {@code SnapshotsFootprintTest} checks the sum
 * against a heap histogram.
 */
final class Footprint {
    /** The cache's own entry (Caffeine's node with its weight, expiry and order links, and the map's node). */
    static final int ENTRY = 120;
    /** The record (17 references, an int, a boolean, a long), its id and UUID. */
    private static final int OPERATION = 96 + 16 + 32;
    private static final int INSTANT = 24;
    private static final int DOUBLE = 16;
    private static final int ERROR = 32;

    private Footprint() {
    }

    /** {@code op} with its kind, subscription and owner replaced by the JVM's one copy of each. */
    static Operation shared(Operation op) {
        return new Operation(op.id(), op.requestId(), op.kind().intern(), intern(op.subscription()), op.resourceId(),
                op.status(), op.percentComplete(), op.createdAt(), op.startedAt(), op.endedAt(), op.expectedEndAt(),
                op.input(), op.result(), op.error(), op.attempt(), op.checkpoint(), op.idempotencyKey(),
                intern(op.owner()), op.cancelRequested(), op.version());
    }

    /** The bytes {@code op}, kept after {@link #shared}, holds beyond what other snapshots share. */
    static int of(Operation op) {
        long bytes = ENTRY + OPERATION
                + string(op.requestId()) + string(op.resourceId()) + string(op.input()) + string(op.result())
                + string(op.checkpoint()) + string(op.idempotencyKey())
                + (op.percentComplete() == null ? 0 : DOUBLE)
                + instant(op.createdAt()) + instant(op.startedAt()) + instant(op.endedAt()) + instant(op.expectedEndAt())
                + error(op.error());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A string's object and its array of one byte a character (Latin-1) or two. */
    static long string(String s) {
        if (s == null) {
            return 0;
        }
        long chars = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                chars *= 2;
                break;
            }
        }
        return 24 + align(16 + chars);
    }

    private static long error(OperationError e) {
        if (e == null) {
            return 0;
        }
        long bytes = ERROR + string(e.code()) + string(e.message()) + string(e.target());
        for (OperationError d : e.details()) {
            bytes += 16 + error(d); // its slot in the list, with the list's own object amortized
        }
        return bytes;
    }

    private static int instant(Object t) {
        return t == null ? 0 : INSTANT;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
