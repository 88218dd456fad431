package io.asyncops.client;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Immutable configuration of a poller. Build with {@link #custom()}; every setter validates its value at once.
 *
 * <p>Poll delay rule: the server's advice ({@code retry-after-ms}, then {@code x-ms-retry-after-ms}, then
 * {@code Retry-After} as seconds or an HTTP-date; invalid values ignored) or, when it gives none,
 * {@link #defaultPollInterval()}; then bounded by {@link #minPollInterval()} and {@link #maxPollInterval()}; then
 * lengthened by up to {@link #jitter()} of itself.
 *
 * <p>Retry rule: transient faults are retried, the start request included; so that a retried start never runs twice,
 * it carries {@code Repeatability-Request-ID} and {@code Repeatability-First-Sent} (the same on every try) unless
 * {@link Builder#repeatableStarts(boolean)} turns that off or the request brings its own idempotency key.
 * {@code x-ms-client-request-id} is a correlation id, never an idempotency key.
 *
 * <pre>{@code
 * PollerOptions options = PollerOptions.custom()
 *         .defaultPollInterval(Duration.ofSeconds(2))
 *         .timeout(Duration.ofMinutes(30))
 *         .header("x-ms-correlation-request-id", UUID.randomUUID().toString())   // one id for the whole operation
 *         .bearerToken(() -> credential.token())
 *         .build();
 * }</pre>
 */
public final class PollerOptions {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "authorization", "cookie");
    private static final PollerOptions DEFAULTS = custom().build();

    private final Duration defaultPollInterval;
    private final Duration minPollInterval;
    private final Duration maxPollInterval;
    private final double jitter;
    private final Duration timeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Backoff backoff;
    private final Map<String, String> headers;
    private final Supplier<String> bearerToken;
    private final Supplier<? extends CookieHandler> cookieJar;
    private final Duration longPollWait;
    private final String classicVersion;
    private final Clock clock;
    private final boolean repeatableStarts;

    private PollerOptions(Builder b) {
        this.defaultPollInterval = b.defaultPollInterval;
        this.minPollInterval = b.minPollInterval;
        this.maxPollInterval = b.maxPollInterval;
        this.jitter = b.jitter;
        this.timeout = b.timeout;
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.repeatableStarts = b.repeatableStarts;
        this.backoff = b.backoff;
        this.headers = Map.copyOf(b.headers);
        this.bearerToken = b.bearerToken;
        this.cookieJar = b.cookieJar;
        this.longPollWait = b.longPollWait;
        this.classicVersion = b.classicVersion;
        this.clock = b.clock;
    }

    /** The defaults: 1 s default poll interval, no floor, 60 s ceiling, no jitter, no total timeout, 5 retries. */
    public static PollerOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The wait between polls when the server advises none. */
    public Duration defaultPollInterval() {
        return defaultPollInterval;
    }

    /** The shortest wait between polls, whatever the server advises. */
    public Duration minPollInterval() {
        return minPollInterval;
    }

    /** The longest wait between polls, whatever the server advises. */
    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    /** The fraction (0 to 1) by which a poll delay is randomly lengthened. */
    public double jitter() {
        return jitter;
    }

    /** The bound on the whole wait, from the start request to the result; empty for none. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The bound on one HTTP exchange. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** How many times one request is retried after a transient fault before giving up. */
    public int maxRetries() {
        return maxRetries;
    }

    /** Whether start requests carry repeatability headers so that their retries are idempotent; default true. */
    public boolean repeatableStarts() {
        return repeatableStarts;
    }

    /** The wait between such retries (a 429 or 503 with {@code Retry-After} uses that instead). */
    public Backoff backoff() {
        return backoff;
    }

    /** Headers sent with every request, polls included (e.g. {@code x-ms-client-request-id}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** Supplies the bearer token for each request (so a refreshed token is used); empty for none. */
    public Optional<Supplier<String>> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** Makes the cookie jar of each new poller (a fresh {@link CookieManager} by default). */
    public Supplier<? extends CookieHandler> cookieJar() {
        return cookieJar;
    }

    /** The asyncops long-poll wait sent as {@code Prefer: wait=N} on polls; empty when off (the default). */
    public Optional<Duration> longPollWait() {
        return Optional.ofNullable(longPollWait);
    }

    /** The {@code x-ms-version} sent on classic polls unless {@link #headers()} names one. */
    public String classicVersion() {
        return classicVersion;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "PollerOptions[defaultPollInterval=" + defaultPollInterval + ", minPollInterval=" + minPollInterval
                + ", maxPollInterval=" + maxPollInterval + ", jitter=" + jitter + ", timeout=" + timeout
                + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
                + ", bearerToken=" + (bearerToken != null ? "set" : "none") + ", longPollWait=" + longPollWait + "]";
    }

    /** Builds {@link PollerOptions}; each setter rejects a bad value with a message that names it. */
    public static final class Builder {
        private Duration defaultPollInterval = Duration.ofSeconds(1);
        private Duration minPollInterval = Duration.ZERO;
        private Duration maxPollInterval = Duration.ofSeconds(60);
        private double jitter;
        private Duration timeout;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRetries = 5;
        private boolean repeatableStarts = true;
        private Backoff backoff = Backoff.defaultBackoff();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Supplier<String> bearerToken;
        private Supplier<? extends CookieHandler> cookieJar = CookieManager::new;
        private Duration longPollWait;
        private String classicVersion = "2013-04-26";
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private Builder(PollerOptions o) {
            defaultPollInterval = o.defaultPollInterval;
            minPollInterval = o.minPollInterval;
            maxPollInterval = o.maxPollInterval;
            jitter = o.jitter;
            timeout = o.timeout;
            requestTimeout = o.requestTimeout;
            maxRetries = o.maxRetries;
            repeatableStarts = o.repeatableStarts;
            backoff = o.backoff;
            headers.putAll(o.headers);
            bearerToken = o.bearerToken;
            cookieJar = o.cookieJar;
            longPollWait = o.longPollWait;
            classicVersion = o.classicVersion;
            clock = o.clock;
        }

        /** The wait between polls when the server sends no {@code Retry-After}; default 1 s. */
        public Builder defaultPollInterval(Duration interval) {
            defaultPollInterval = notNegative(interval, "defaultPollInterval");
            return this;
        }

        /** The floor on every poll delay; default zero. */
        public Builder minPollInterval(Duration interval) {
            minPollInterval = notNegative(interval, "minPollInterval");
            return this;
        }

        /** The ceiling on every poll delay; default 60 s. */
        public Builder maxPollInterval(Duration interval) {
            maxPollInterval = notNegative(interval, "maxPollInterval");
            return this;
        }

        /** Lengthens each poll delay by a random fraction up to this (0 to 1); default 0. */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0.0 && fraction <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1: " + fraction);
            }
            jitter = fraction;
            return this;
        }

        /** Bounds the whole wait; must be positive. Default: none. */
        public Builder timeout(Duration total) {
            timeout = positive(total, "timeout");
            return this;
        }

        /** Removes the total timeout. */
        public Builder noTimeout() {
            timeout = null;
            return this;
        }

        /** Bounds one HTTP exchange; must be positive; default 60 s. */
        public Builder requestTimeout(Duration perRequest) {
            requestTimeout = positive(perRequest, "requestTimeout");
            return this;
        }

        /** Retries of one request after transient faults; 0 to 100, default 5. */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > 100) {
                throw new IllegalArgumentException("maxRetries must be between 0 and 100: " + retries);
            }
            maxRetries = retries;
            return this;
        }

        /**
         * Whether start requests carry {@code Repeatability-Request-ID} and {@code Repeatability-First-Sent} (Azure
         * REST API guidelines), the same on each retry, so a server that keeps them runs a retried start once;
         * default true. A request with its own {@code Repeatability-Request-ID} or {@code Idempotency-Key} keeps it.
         */
        public Builder repeatableStarts(boolean value) {
            repeatableStarts = value;
            return this;
        }

        /** The wait between retries after transient faults. */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff == null");
            return this;
        }

        /**
         * A header sent with every request, polls and the final GET included. Replaces an earlier value of the same
         * name. {@code Authorization} and {@code Cookie} are refused: use {@link #bearerToken} and the cookie jar.
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            checkHeader(name, value);
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /** Sends {@code Authorization: Bearer <token>} on each request to the host the operation started on. */
        public Builder bearerToken(Supplier<String> tokens) {
            bearerToken = Objects.requireNonNull(tokens, "tokens == null");
            return this;
        }

        /** Makes the cookie jar of each poller (one jar per poller keeps operations apart). */
        public Builder cookieJar(Supplier<? extends CookieHandler> jars) {
            cookieJar = Objects.requireNonNull(jars, "jars == null");
            return this;
        }

        /** Asks for asyncops long polls ({@code Prefer: wait=N}), 1 to 60 s in whole seconds. */
        public Builder longPoll(Duration wait) {
            Objects.requireNonNull(wait, "wait == null");
            if (wait.compareTo(Duration.ofSeconds(1)) < 0 || wait.compareTo(Duration.ofSeconds(60)) > 0
                    || wait.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("longPoll wait must be whole seconds from 1 to 60: " + wait);
            }
            longPollWait = wait;
            return this;
        }

        /** Stops asking for long polls (the default). */
        public Builder noLongPoll() {
            longPollWait = null;
            return this;
        }

        /** The {@code x-ms-version} of classic polls, e.g. {@code 2013-04-26} (the default). */
        public Builder classicVersion(String version) {
            Objects.requireNonNull(version, "version == null");
            if (!version.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new IllegalArgumentException("classicVersion must look like 2013-04-26: '" + version + "'");
            }
            classicVersion = version;
            return this;
        }

        /** The clock HTTP-date {@code Retry-After} values are measured against (tests). */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException when the floor exceeds the ceiling
         */
        public PollerOptions build() {
            if (minPollInterval.compareTo(maxPollInterval) > 0) {
                throw new IllegalArgumentException("minPollInterval (" + minPollInterval
                        + ") must not exceed maxPollInterval (" + maxPollInterval + ")");
            }
            return new PollerOptions(this);
        }

        private static Duration notNegative(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name + " == null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        static void checkHeader(String name, String value) {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("Not a valid header name: '" + name + "'");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Header '" + name + "' cannot be set here"
                        + (name.equalsIgnoreCase("authorization") ? ": use bearerToken(...)" : ""));
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Header '" + name + "' has a line break in its value");
            }
        }
    }
}
