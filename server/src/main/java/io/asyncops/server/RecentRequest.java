package io.asyncops.server;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One request the server answered, as its ring of recent requests keeps it
 * ({@link ServerConfig.Builder#recentRequests(int)}, {@link AsyncOpsServer#recentRequests()}): what a failed test
 * prints to show what its code sent. Bodies and headers are not kept (they may carry secrets).
 *
 * @param at              when the request arrived
 * @param method          the HTTP method
 * @param path            the raw path and query, cut at {@value #MAX_PATH} characters
 * @param status          the answer's status code
 * @param duration        how long the answer took
 * @param requestId       the {@code x-ms-request-id} the server gave it
 * @param clientRequestId the caller's {@code x-ms-client-request-id}, null when none was sent
 */
public record RecentRequest(Instant at, String method, String path, int status, Duration duration, String requestId,
                            String clientRequestId) {
    /** Longest path (with query) kept; longer ones are cut and end with {@code ...}. */
    public static final int MAX_PATH = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** Checks the required values and cuts a long path. */
    public RecentRequest {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(duration, "duration == null");
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH - 3) + "...";
        }
    }

    /** One line: {@code 12:00:01.123Z PUT /subscriptions/... -> 202 in 12 ms (x-ms-request-id ...)}. */
    @Override
    public String toString() {
        return TIME.format(at) + "Z " + method + " " + path + " -> " + status + " in " + duration.toMillis() + " ms"
                + " (x-ms-request-id " + requestId
                + (clientRequestId == null ? "" : ", x-ms-client-request-id " + clientRequestId) + ")";
    }
}
