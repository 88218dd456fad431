package io.asyncops.client;

import java.time.Duration;

/** Options for tests: millisecond polls and retries, and a timeout so a broken rule fails instead of hanging. */
final class Fast {
    private Fast() {
    }

    static PollerOptions.Builder options() {
        return PollerOptions.custom()
                .defaultPollInterval(Duration.ofMillis(1))
                .backoff(Backoff.fixed(Duration.ofMillis(1)))
                .timeout(Duration.ofSeconds(20));
    }

    static LroClient client() {
        return LroClient.create(options().build());
    }
}
