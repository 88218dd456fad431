package io.asyncops.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Immutable settings of the provider core. Build with {@link #builder()}; every setter checks its value.
 * Defaults: the system clock, time scale 1 (the durations the types describe).
 */
public final class EmulatorSettings {
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");
    private final Clock clock;
    private final double timeScale;
    private final Map<String, String> faults;

    private EmulatorSettings(Builder b) {
        this.clock = b.clock;
        this.timeScale = b.timeScale;
        this.faults = Map.copyOf(b.faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings with every default. */
    public static EmulatorSettings defaults() {
        return builder().build();
    }

    public Clock clock() {
        return clock;
    }

    /** Multiplies every emulated duration: 0.1 makes everything ten times faster. */
    public double timeScale() {
        return timeScale;
    }

    /**
     * The fault every long-running write of operation kind {@code kind} is given, as if its request carried the
     * {@code asyncops-fault} tag (a tag on the request wins): it runs half way, then ends Failed with that code.
     */
    public Optional<String> fault(String kind) {
        return Optional.ofNullable(faults.get(kind.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every configured fault: operation kind (lower case) to error code. */
    public Map<String, String> faults() {
        return faults;
    }

    /** {@code duration} multiplied by the time scale, to the millisecond. */
    public Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.round(duration.toMillis() * timeScale));
    }

    /** Builds {@link EmulatorSettings}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private double timeScale = 1.0;
        private final Map<String, String> faults = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Makes every long-running write of {@code kind} (e.g. {@code Microsoft.Sql/servers/databases/write}) fail
         * with {@code code}, as the {@code asyncops-fault} tag would.
         */
        public Builder fault(String kind, String code) {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(code, "code == null");
            if (!kind.contains("/") || kind.isBlank()) {
                throw new IllegalArgumentException("a fault's operation kind is {type}/{verb}, e.g. "
                        + "Microsoft.Sql/servers/write: " + kind);
            }
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a fault's code is a letter, then letters, digits, '.', '_' or "
                        + "'-': " + code);
            }
            faults.put(kind.toLowerCase(java.util.Locale.ROOT), code);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock == null");
            return this;
        }

        /** A factor above 0 and at most 1000. */
        public Builder timeScale(double value) {
            if (!(value > 0) || value > 1000 || Double.isNaN(value)) {
                throw new IllegalArgumentException("timeScale must be above 0 and at most 1000: " + value);
            }
            this.timeScale = value;
            return this;
        }

        public EmulatorSettings build() {
            return new EmulatorSettings(this);
        }
    }
}
