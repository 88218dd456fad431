package io.asyncops.client;

/**
 * Told about the operation after the start request and after every poll, e.g. to draw progress. Called on the
 * thread that handled the response; keep it short. An exception thrown here ends the wait with that exception.
 */
@FunctionalInterface
public interface PollListener {
    /** The state of the operation right after a response. */
    void onPoll(PollSnapshot snapshot);
}
