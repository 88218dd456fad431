package io.asyncops.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the provider core. Build with {@link #builder()}; every setter checks its value.
 * Defaults: the system clock, time scale 1 (the durations the types describe).
 */
public final class EmulatorSettings {
    private final Clock clock;
    private final double timeScale;

    private EmulatorSettings(Builder b) {
        this.clock = b.clock;
        this.timeScale = b.timeScale;
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

    /** {@code duration} multiplied by the time scale, to the millisecond. */
    public Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.round(duration.toMillis() * timeScale));
    }

    /** Builds {@link EmulatorSettings}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private double timeScale = 1.0;

        private Builder() {
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
