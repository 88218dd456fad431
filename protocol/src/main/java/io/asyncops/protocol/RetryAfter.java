package io.asyncops.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses and formats poll delays: {@code Retry-After} (integer seconds or an HTTP-date) and the
 * millisecond headers {@code retry-after-ms} / {@code x-ms-retry-after-ms}.
 *
 * <p>Rule: an invalid value is not an error, it is absent ({@link Optional#empty()}); a date in the past
 * is a zero delay.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * Reads a {@code Retry-After} value.
     *
     * @param value the header value, may be null
     * @param now   the instant an HTTP-date is measured from
     * @return the delay, or empty when the value is missing or invalid
     */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (isDigits(v)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * Reads a millisecond delay ({@code retry-after-ms}, {@code x-ms-retry-after-ms}).
     *
     * @return the delay, or empty when the value is missing or not a non-negative integer
     */
    public static Optional<Duration> parseMillis(String value) {
        if (value == null || !isDigits(value.trim())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Long.parseLong(value.trim())));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Formats a delay as whole seconds, rounded up, never below zero: the form asyncops sends. */
    public static String format(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return "0";
        }
        long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
