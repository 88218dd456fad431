package io.asyncops.client;

import io.asyncops.client.internal.Delays;
import io.asyncops.client.internal.Urls;
import io.asyncops.protocol.HeaderNames;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends the requests of one operation: the poller's headers on every request, the bearer token to the origin only,
 * the operation's own cookie jar, and transient faults (I/O errors, 408, 429, 5xx but 501/505) retried with backoff
 * or the server's {@code Retry-After}. One transport per operation; requests are never concurrent.
 */
final class Transport {
    /** Runs delayed continuations; virtual threads, so waiting operations cost no platform thread. */
    static final ExecutorService TIMERS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("asyncops-poller-", 0).factory());
    private static final String USER_AGENT = "asyncops-client";

    private final HttpClient http;
    private final PollerOptions options;
    private final CookieHandler jar;
    private final URI origin;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private volatile boolean stopped;

    Transport(HttpClient http, PollerOptions options, CookieHandler jar, URI origin) {
        this.http = http;
        this.options = options;
        this.jar = jar;
        this.origin = origin;
    }

    /** One request to send: extra headers apply to it alone. */
    record Call(String method, URI uri, Map<String, String> headers, String body, boolean poll) {
        static Call get(URI uri, Map<String, String> headers, boolean poll) {
            return new Call("GET", uri, headers, null, poll);
        }
    }

    /** A transport like this one (same client, jar and origin) that {@link #stop()} does not affect. */
    Transport detached() {
        return new Transport(http, options, jar, origin);
    }

    CookieHandler jar() {
        return jar;
    }

    URI origin() {
        return origin;
    }

    /** Sends {@code call}, retrying transient faults; completes with the last response, whatever its status. */
    CompletableFuture<Exchange> send(Call call, Deadline deadline) {
        return attempt(call, deadline, 0);
    }

    /** Stops: the request or wait in flight is cancelled and no new one starts. */
    void stop() {
        stopped = true;
        inFlight.cancel(true);
    }

    /** A wait that {@link #stop()} cuts short. */
    CompletableFuture<Void> sleep(Duration delay) {
        Executor after = CompletableFuture.delayedExecutor(Math.max(0L, delay.toNanos()), TimeUnit.NANOSECONDS, TIMERS);
        CompletableFuture<Void> wait = CompletableFuture.runAsync(() -> { }, after);
        track(wait);
        return wait;
    }

    private CompletableFuture<Exchange> attempt(Call call, Deadline deadline, int retriesDone) {
        if (stopped) {
            return CompletableFuture.failedFuture(new CancellationException("The poller was stopped."));
        }
        if (deadline.expired()) {
            return CompletableFuture.failedFuture(new DeadlineReached("The timeout passed before " + call.method()
                    + " " + call.uri() + " could be sent."));
        }
        HttpRequest request = build(call, deadline);
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        track(sent);
        return sent.handle((response, error) -> {
            if (error != null) {
                return onError(call, deadline, retriesDone, unwrap(error));
            }
            storeCookies(call.uri(), response.headers());
            Exchange exchange = new Exchange(call.method(), call.uri(), response.statusCode(), response.headers(),
                    response.body());
            if (isTransient(exchange.status()) && retriesDone < options.maxRetries()) {
                Duration wait = Delays.advised(exchange.headers(), options.clock().instant())
                        .orElseGet(() -> options.backoff().delay(retriesDone + 1));
                return retryAfter(call, deadline, retriesDone, wait, exchange);
            }
            return CompletableFuture.completedFuture(exchange);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Exchange> onError(Call call, Deadline deadline, int retriesDone, Throwable error) {
        if (error instanceof CancellationException || stopped) {
            return CompletableFuture.failedFuture(error instanceof CancellationException ? error
                    : new CancellationException("The poller was stopped."));
        }
        if (deadline.expired()) {
            return CompletableFuture.failedFuture(new DeadlineReached("The timeout passed during " + call.method()
                    + " " + call.uri() + "."));
        }
        if (error instanceof IOException io) {
            if (isCertificateProblem(io)) {
                return CompletableFuture.failedFuture(new TransportException(call.method() + " " + call.uri()
                        + " failed: the server's TLS certificate is not trusted: " + describe(io), call.uri(), io));
            }
            if (retriesDone < options.maxRetries()) {
                return retryAfter(call, deadline, retriesDone, options.backoff().delay(retriesDone + 1), null);
            }
            return CompletableFuture.failedFuture(new TransportException(call.method() + " " + call.uri()
                    + " failed after " + (retriesDone + 1) + " attempts: " + describe(io), call.uri(), io));
        }
        return CompletableFuture.failedFuture(error);
    }

    private CompletableFuture<Exchange> retryAfter(Call call, Deadline deadline, int retriesDone, Duration wait,
                                                   Exchange lastAnswer) {
        if (!deadline.fits(wait)) {
            String why = lastAnswer != null ? " (it answered HTTP " + lastAnswer.status() + ")" : "";
            return CompletableFuture.failedFuture(new DeadlineReached("The timeout passes before " + call.method()
                    + " " + call.uri() + " can be retried" + why + "."));
        }
        return sleep(wait).thenCompose(x -> attempt(call, deadline, retriesDone + 1));
    }

    private HttpRequest build(Call call, Deadline deadline) {
        Duration perRequest = options.requestTimeout();
        if (call.poll() && options.longPollWait().isPresent()) {
            Duration longPoll = options.longPollWait().get().plusSeconds(15);
            perRequest = perRequest.compareTo(longPoll) < 0 ? longPoll : perRequest;
        }
        Duration remaining = deadline.remaining();
        if (remaining.compareTo(perRequest) < 0) {
            perRequest = remaining.isZero() ? Duration.ofMillis(1) : remaining;
        }
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(perRequest).method(call.method(), body);
        b.setHeader("User-Agent", USER_AGENT);
        options.headers().forEach(b::setHeader);
        call.headers().forEach(b::setHeader);
        if (call.poll()) {
            options.longPollWait().ifPresent(w -> b.setHeader(HeaderNames.PREFER, "wait=" + w.toSeconds()));
        }
        options.bearerToken().ifPresent(tokens -> {
            if (Urls.sameOrigin(origin, call.uri())) {
                String token = tokens.get();
                if (token != null && !token.isBlank()) {
                    b.setHeader("Authorization", "Bearer " + token.trim());
                }
            }
        });
        String cookies = cookieHeader(call.uri());
        if (!cookies.isEmpty()) {
            b.setHeader("Cookie", cookies);
        }
        return b.build();
    }

    /** The Cookie header the jar holds for a URL, or "". */
    String cookieHeader(URI uri) {
        try {
            Map<String, List<String>> found = jar.get(uri, Map.of());
            return String.join("; ", found.getOrDefault("Cookie", List.of()));
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private void storeCookies(URI uri, HttpHeaders headers) {
        try {
            jar.put(uri, headers.map());
        } catch (IOException | IllegalArgumentException badCookie) {
            // a malformed Set-Cookie is the server's problem; the operation goes on without it
        }
    }

    private void track(CompletableFuture<?> f) {
        inFlight = f;
        if (stopped) {
            f.cancel(true);
        }
    }

    /** An untrusted certificate or a host name mismatch: retrying cannot help. */
    static boolean isCertificateProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException
                    || c instanceof java.security.cert.CertPathValidatorException
                    || c instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(int status) {
        return status == 408 || status == 429 || (status >= 500 && status != 501 && status != 505);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
