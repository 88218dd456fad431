package io.asyncops.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Starts and follows Azure-style long-running operations. Thread-safe; one client serves many operations, each
 * with its own cookie jar.
 *
 * <pre>{@code
 * LroClient client = LroClient.create(PollerOptions.custom().bearerToken(() -> token).build());
 * SyncPoller poller = client.begin(LroRequest.put(serverUrl, body));
 * LroResult created = poller.waitForCompletion(s -> System.err.println(s.status() + " " + s.percentComplete()));
 * }</pre>
 */
public final class LroClient {
    private final PollerOptions options;
    private final HttpClient http;

    private LroClient(PollerOptions options, HttpClient http) {
        this.options = options;
        this.http = http;
    }

    /** A client with the default options. */
    public static LroClient create() {
        return create(PollerOptions.defaults());
    }

    /** A client with these options and its own HTTP client (HTTP/1.1, no redirects followed). */
    public static LroClient create(PollerOptions options) {
        Objects.requireNonNull(options, "options == null");
        return new LroClient(options, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
    }

    /**
     * A client on a given HTTP client, e.g. one with a custom {@code SSLContext}. Its cookie handler, if any, is
     * used in addition to the poller's jar.
     */
    public static LroClient create(PollerOptions options, HttpClient httpClient) {
        Objects.requireNonNull(options, "options == null");
        Objects.requireNonNull(httpClient, "httpClient == null");
        return new LroClient(options, httpClient);
    }

    /** The options. */
    public PollerOptions options() {
        return options;
    }

    /**
     * Sends the start request (retrying transient faults) and returns a poller for the operation it started. An
     * operation that completed at once (204, a terminal provisioningState) is already done.
     *
     * @throws HttpErrorException          when the start request was refused
     * @throws ProtocolViolationException  when its answer breaks the protocol
     * @throws OperationFailedException    when it reports the operation already Failed (Canceled alike)
     */
    public SyncPoller begin(LroRequest request) {
        Objects.requireNonNull(request, "request == null");
        return new SyncPoller(SyncPoller.await(Operation.begin(http, options, request)));
    }

    /** {@link #begin} without blocking. */
    public CompletableFuture<AsyncPoller> beginAsync(LroRequest request) {
        Objects.requireNonNull(request, "request == null");
        return Operation.begin(http, options, request).thenApply(AsyncPoller::new);
    }

    /**
     * Follows an operation started elsewhere: a status monitor ({@code Azure-AsyncOperation}), a {@code Location}, a
     * resource whose {@code provisioningState} is changing, or a classic status URL ({@code ?OperationStatus/{id}},
     * {@code /{subscription}/operations/{id}}). The first poll is sent at once.
     */
    public SyncPoller follow(URI url) {
        return new SyncPoller(Operation.follow(http, options, url));
    }

    /** {@link #follow} for the async poller. */
    public AsyncPoller followAsync(URI url) {
        return new AsyncPoller(Operation.follow(http, options, url));
    }

    /**
     * Picks up an operation from {@link SyncPoller#resumeToken()} (of this or another process).
     *
     * @throws IllegalArgumentException when the token is not valid
     */
    public SyncPoller resume(String resumeToken) {
        return new SyncPoller(Operation.resume(http, options, resumeToken));
    }

    /** {@link #resume} for the async poller. */
    public AsyncPoller resumeAsync(String resumeToken) {
        return new AsyncPoller(Operation.resume(http, options, resumeToken));
    }
}
