package io.asyncops.client;

import io.asyncops.client.internal.Delays;
import io.asyncops.client.internal.Urls;
import io.asyncops.protocol.HeaderNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Drives one operation: sends polls as {@link Rules} decide, waits as the server advises, keeps the latest snapshot,
 * the result or the failure. Non-blocking; {@link SyncPoller} and {@link AsyncPoller} are its two faces. One poll at
 * a time: a second concurrent call fails with {@link IllegalStateException}.
 */
final class Operation {
    private final PollerOptions options;
    private final Transport transport;
    private final PollState state;
    private final Deadline deadline;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Exchange last;
    private volatile Duration nextDelay = Duration.ZERO;
    private volatile PollSnapshot latest;
    private volatile LroResult result;
    private volatile LroException failure;

    private Operation(PollerOptions options, Transport transport, PollState state) {
        this.options = options;
        this.transport = transport;
        this.state = state;
        this.deadline = Deadline.of(options.timeout());
        this.latest = snapshot(false);
    }

    /** Sends the start request; completes with the operation, or fails when the start request failed. */
    static CompletableFuture<Operation> begin(HttpClient http, PollerOptions options, LroRequest request) {
        PollState s = new PollState();
        s.method = request.method();
        s.originalUri = request.uri();
        s.finalStateVia = request.finalStateVia();
        s.classicPolling = request.classicPolling();
        s.classicVersion = header(request.headers(), HeaderNames.X_MS_VERSION);
        if (s.classicVersion == null) {
            s.classicVersion = header(options.headers(), HeaderNames.X_MS_VERSION);
        }
        Operation op = new Operation(options, new Transport(http, options, options.cookieJar().get(), request.uri()), s);
        Transport.Call call = new Transport.Call(request.method(), request.uri(), startHeaders(options, request),
                request.body(), false);
        return op.transport.send(call, op.deadline)
                .thenCompose(r -> op.apply(Rules.initial(s, r), r))
                .handle((snapshot, error) -> {
                    if (error != null) {
                        throw new CompletionException(op.translate(error));
                    }
                    return op;
                });
    }

    /**
     * The start request's headers: its own, plus a {@code Repeatability-Request-ID} and {@code
     * Repeatability-First-Sent} that stay the same on every retry of it, unless it or the options already name an
     * idempotency key or repeatable starts are off.
     */
    static Map<String, String> startHeaders(PollerOptions options, LroRequest request) {
        boolean keyed = Stream.of(HeaderNames.REPEATABILITY_REQUEST_ID, HeaderNames.IDEMPOTENCY_KEY)
                .anyMatch(h -> header(request.headers(), h) != null || header(options.headers(), h) != null);
        if (!options.repeatableStarts() || keyed) {
            return request.headers();
        }
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(HeaderNames.REPEATABILITY_REQUEST_ID, UUID.randomUUID().toString());
        headers.put(HeaderNames.REPEATABILITY_FIRST_SENT, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                options.clock().instant().atOffset(ZoneOffset.UTC)));
        return headers;
    }

    /** Follows an operation started elsewhere, from its status, Location, resource or classic status URL. */
    static Operation follow(HttpClient http, PollerOptions options, URI url) {
        Objects.requireNonNull(url, "url == null");
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        }
        PollState s = new PollState();
        s.pollingUri = url;
        s.mode = Urls.isBizTalkStatus(url) ? Mode.CLASSIC_BIZTALK
                : Urls.isServiceManagementOperation(url) ? Mode.CLASSIC_OPERATIONS : Mode.AUTO;
        s.classicVersion = header(options.headers(), HeaderNames.X_MS_VERSION);
        return new Operation(options, new Transport(http, options, options.cookieJar().get(), url), s);
    }

    /** Picks up an operation from a resume token. */
    static Operation resume(HttpClient http, PollerOptions options, String token) {
        var jar = options.cookieJar().get();
        PollState s = ResumeTokens.read(token, jar);
        URI origin = s.originalUri != null ? s.originalUri : s.pollingUri;
        Operation op = new Operation(options, new Transport(http, options, jar, origin), s);
        if (s.mode == Mode.NONE) {
            throw new IllegalArgumentException("The resume token is of an operation that had already ended");
        }
        return op;
    }

    PollSnapshot latest() {
        return latest;
    }

    boolean isDone() {
        return result != null || failure != null;
    }

    String resumeToken() {
        return ResumeTokens.write(state, transport);
    }

    /** Sends one poll now (or the pending final GET); completes with the snapshot after it. */
    CompletableFuture<PollSnapshot> pollOnce() {
        if (result != null) {
            return CompletableFuture.completedFuture(latest);
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (!busy.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("A poll of this operation is already running"));
        }
        CompletableFuture<PollSnapshot> step;
        if (state.pendingFetch != null) {
            step = fetch(state.pendingFetch);
        } else {
            step = transport.send(Transport.Call.get(state.pollingUri, pollHeaders(), true), deadline)
                    .thenCompose(r -> {
                        state.polls++;
                        return apply(Rules.poll(state, r), r);
                    });
        }
        return step.handle((snapshot, error) -> {
            busy.set(false);
            if (error != null) {
                throw new CompletionException(translate(error));
            }
            return snapshot;
        });
    }

    /** Polls until the end, telling {@code listener} after each poll; cancel the future to stop. */
    CompletableFuture<LroResult> untilDone(PollListener listener) {
        CompletableFuture<LroResult> target = new CompletableFuture<>();
        target.whenComplete((r, e) -> {
            if (target.isCancelled()) {
                transport.stop();
            }
        });
        next(target, listener);
        return target;
    }

    private void next(CompletableFuture<LroResult> target, PollListener listener) {
        if (target.isDone()) {
            return;
        }
        if (result != null) {
            target.complete(result);
            return;
        }
        if (failure != null) {
            target.completeExceptionally(failure);
            return;
        }
        Duration wait = state.pendingFetch != null ? Duration.ZERO : nextDelay;
        if (!deadline.fits(wait)) {
            target.completeExceptionally(timeout("The next poll (in " + human(wait) + ") would come after the "
                    + human(deadline.timeout()) + " timeout"));
            return;
        }
        transport.sleep(wait).thenCompose(x -> pollOnce()).whenComplete((snapshot, error) -> {
            try {
                if (error != null) {
                    Throwable cause = unwrap(error);
                    if (cause instanceof OperationEndedException && listener != null) {
                        listener.onPoll(latest);
                    }
                    target.completeExceptionally(cause);
                    return;
                }
                if (listener != null) {
                    listener.onPoll(snapshot);
                }
                next(target, listener);
            } catch (RuntimeException | Error listenerFailure) {
                target.completeExceptionally(listenerFailure);
            }
        });
    }

    /** asyncops' cancel call, when the operation has a status monitor with an api-version; false otherwise. */
    CompletableFuture<Boolean> cancelOperation() {
        if (state.mode == Mode.AUTO && !isDone()) {
            // followed, not yet polled: one poll tells whether the URL is a status monitor (what cancel needs)
            return pollOnce().thenCompose(first -> cancelOperation());
        }
        if (state.statusUri == null || isDone()) {
            return CompletableFuture.completedFuture(false);
        }
        return Urls.cancelUrl(state.statusUri)
                .map(url -> transport.detached().send(new Transport.Call("POST", url, Map.of(), null, false), Deadline.of(
                        java.util.Optional.of(options.requestTimeout().multipliedBy(2)))).thenApply(r -> {
                            if (r.ok()) {
                                // the operation ends at its next safe point: the cancel answer's advice replaces
                                // the wait the last poll advised (which counted on the work running to its end)
                                nextDelay = delayAfter(r);
                            }
                            return r.ok();
                        }))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    /** Cuts short the request or wait in flight; the operation is left as it was at the server. */
    void stop() {
        transport.stop();
    }

    private CompletableFuture<PollSnapshot> apply(Step step, Exchange r) {
        last = r;
        return switch (step) {
            case Step.Poll poll -> {
                nextDelay = delayAfter(r);
                latest = snapshot(false);
                yield CompletableFuture.completedFuture(latest);
            }
            case Step.Fetch fetch -> {
                state.pendingFetch = fetch.uri();
                yield fetch(fetch.uri());
            }
            case Step.Done done -> {
                state.pendingFetch = null;
                Exchange source = done.response();
                result = new LroResult(source.status(), done.withBody() ? source.body() : "",
                        done.withBody() ? source.contentType() : null, source.uri(), state.polls, elapsed());
                state.mode = Mode.NONE;
                nextDelay = Duration.ZERO;
                latest = snapshot(true);
                yield CompletableFuture.completedFuture(latest);
            }
        };
    }

    private CompletableFuture<PollSnapshot> fetch(URI url) {
        return transport.send(Transport.Call.get(url, Map.of(), false), deadline)
                .thenCompose(r -> apply(Rules.result(state, r), r));
    }

    private Map<String, String> pollHeaders() {
        if (state.mode != Mode.CLASSIC_BIZTALK && state.mode != Mode.CLASSIC_OPERATIONS) {
            return Map.of();
        }
        String version = state.classicVersion != null ? state.classicVersion : options.classicVersion();
        return Map.of(HeaderNames.X_MS_VERSION, version, "Content-Type", "application/xml", "Accept", "application/xml");
    }

    private Duration delayAfter(Exchange r) {
        boolean longPolled = r.header(HeaderNames.PREFERENCE_APPLIED)
                .map(v -> v.toLowerCase(Locale.ROOT).contains("wait")).orElse(false);
        // With long polls asked for, the server holds the poll instead of the client waiting: after the start
        // request, and after every poll the server held, poll again at once.
        boolean firstPollOfALongPoller = state.polls == 0 && options.longPollWait().isPresent();
        if (longPolled || firstPollOfALongPoller) {
            return options.minPollInterval();
        }
        return Delays.pollDelay(Delays.advised(r.headers(), options.clock().instant()), options.defaultPollInterval(),
                options.minPollInterval(), options.maxPollInterval(), options.jitter());
    }

    /** Maps what failed to the typed error, and remembers terminal failures. */
    private Throwable translate(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof DeadlineReached reached) {
            return timeout(reached.getMessage());
        }
        if (cause instanceof OperationEndedException
                || cause instanceof HttpErrorException
                || cause instanceof ProtocolViolationException) {
            failure = (LroException) cause;
            latest = snapshot(true);
        }
        return cause;
    }

    private OperationTimeoutException timeout(String message) {
        return new OperationTimeoutException(message, deadline.timeout(), latest,
                state.mode == Mode.NONE && state.pollingUri == null ? null : resumeToken());
    }

    private PollSnapshot snapshot(boolean done) {
        URI url = state.currentUrl();
        return new PollSnapshot(state.status, state.percentComplete, state.lastHttpStatus, state.polls,
                url, done ? Duration.ZERO : nextDelay, elapsed(), done);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String human(Duration d) {
        if (d == null) {
            return "none";
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 120) {
            long tenths = d.toMillis() / 100;
            return tenths % 10 == 0 ? (tenths / 10) + "s" : String.format(Locale.ROOT, "%.1fs", tenths / 10.0);
        }
        return d.toMinutes() + "m" + (d.toSecondsPart() > 0 ? d.toSecondsPart() + "s" : "");
    }
}
