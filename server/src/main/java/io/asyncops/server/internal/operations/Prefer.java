package io.asyncops.server.internal.operations;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}), capped at 60 seconds. A malformed or
 * negative value is ignored, as RFC 7240 asks of preferences a server does not understand.
 */
final class Prefer {
    static final int MAX_WAIT_SECONDS = 60;

    private Prefer() {
    }

    /** The honoured wait of the header's {@code wait} preference, empty when there is none or it is malformed. */
    static Optional<Duration> waitOf(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        for (String preference : header.get().split(",")) {
            String token = preference.split(";", 2)[0].trim();
            int eq = token.indexOf('=');
            if (eq < 0 || !token.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("wait")) {
                continue;
            }
            String value = token.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofSeconds(Math.min(Integer.parseInt(value), MAX_WAIT_SECONDS)));
        }
        return Optional.empty();
    }
}
