package io.asyncops.engine.internal.store;

import java.time.Instant;

/**
 * What a running handler reports, written together so that each write is one fenced update.
 *
 * @param percentComplete 0..100, or null when never reported
 * @param checkpoint      the handler's resumable state, may be null
 * @param expectedEndAt   the handler's estimate of the end, may be null
 */
public record Progress(Double percentComplete, String checkpoint, Instant expectedEndAt) {
}
