package io.asyncops.client;

import io.asyncops.protocol.HeaderNames;
import java.net.URI;

/**
 * The mutable state of one operation: what the rules learnt so far. Only the operation's own (serialised) steps
 * touch it, so it needs no locking of its own; fields are volatile for readers such as snapshots.
 */
final class PollState {
    /** The method of the start request, or null when following a URL. */
    volatile String method;
    volatile URI originalUri;
    volatile FinalStateVia finalStateVia;
    volatile ClassicPolling classicPolling;
    /** The x-ms-version the start request carried, if any (classic polls reuse it). */
    volatile String classicVersion;

    volatile Mode mode = Mode.NONE;
    volatile URI pollingUri;
    /** The header the status monitor URL came from (Azure-AsyncOperation or Operation-Location). */
    volatile String monitorHeader = HeaderNames.AZURE_ASYNC_OPERATION;
    /** The Location of the first response: where final-state-via=location reads the result. */
    volatile URI locationUri;
    /** The status monitor URL, the base of asyncops' cancel call. */
    volatile URI statusUri;
    /** A final GET decided but not yet answered (kept so a retry after a failure does not poll again). */
    volatile URI pendingFetch;

    volatile String status = "InProgress";
    volatile Double percentComplete;
    volatile int polls;
    volatile int lastHttpStatus;

    boolean isWrite() {
        return "PUT".equals(method) || "PATCH".equals(method);
    }

    URI currentUrl() {
        if (pollingUri != null) {
            return pollingUri;
        }
        return originalUri;
    }
}
