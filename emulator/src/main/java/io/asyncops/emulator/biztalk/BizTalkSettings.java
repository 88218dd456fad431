package io.asyncops.emulator.biztalk;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the BizTalk Services provider.
 *
 * @param clock     the clock of creation times
 * @param timeScale multiplies every emulated duration: 0.1 makes everything ten times faster; above 0, at most 1000
 * @param timings   the durations at time scale 1
 */
public record BizTalkSettings(Clock clock, double timeScale, BizTalkTimings timings) {
    public BizTalkSettings {
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(timings, "timings == null");
        if (!(timeScale > 0) || timeScale > 1000) {
            throw new IllegalArgumentException("timeScale must be above 0 and at most 1000: " + timeScale);
        }
    }

    /** The system clock and the default timings, at {@code timeScale}. */
    public static BizTalkSettings of(double timeScale) {
        return new BizTalkSettings(Clock.systemUTC(), timeScale, BizTalkTimings.DEFAULT);
    }

    /** {@code duration} multiplied by the time scale, to the millisecond. */
    public Duration scaled(Duration duration) {
        return Duration.ofMillis(Math.round(duration.toMillis() * timeScale));
    }
}
