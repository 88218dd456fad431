package io.asyncops.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The state of an operation as the last response showed it.
 *
 * @param status          the status the server reported ({@code InProgress}, {@code Accepted}, a provisioning state,
 *                        {@code Succeeded}...), or {@code InProgress} when the protocol in use carries none
 * @param percentComplete the status monitor's {@code percentComplete}, or null when not reported
 * @param httpStatus      the HTTP status of the last response
 * @param polls           the number of polls sent so far (the start request and retries not counted)
 * @param pollingUrl      the URL the next poll goes to (or the last one polled, once done)
 * @param nextPollIn      the wait before the next poll; zero once done
 * @param elapsed         the time since the poller was created
 * @param done            true once the operation reached a terminal state
 */
public record PollSnapshot(
        String status,
        Double percentComplete,
        int httpStatus,
        int polls,
        URI pollingUrl,
        Duration nextPollIn,
        Duration elapsed,
        boolean done) {

    public PollSnapshot {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(nextPollIn, "nextPollIn == null");
        Objects.requireNonNull(elapsed, "elapsed == null");
    }
}
