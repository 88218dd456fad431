package io.asyncops.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Advises pollers how long to wait before asking again ({@code Retry-After}). The result is always within the
 * policy's floor and ceiling.
 */
@FunctionalInterface
public interface RetryAfterPolicy {

    /** The advised delay for a non-terminal operation at {@code now}. */
    Duration advise(Operation operation, Instant now);
}
