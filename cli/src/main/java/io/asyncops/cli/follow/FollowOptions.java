package io.asyncops.cli.follow;

import io.asyncops.client.LroClient;
import io.asyncops.client.PollerOptions;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code call} and {@code wait} share: those of every request, and timing and output. */
final class FollowOptions extends ConnectionOptions {

    @Option(names = "--poll-interval", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "The wait between polls when the server sends no Retry-After (default: ${DEFAULT-VALUE}).",
            defaultValue = "1s")
    Duration pollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "The longest wait between polls, whatever the server advises (default: ${DEFAULT-VALUE}).",
            defaultValue = "60s")
    Duration maxPollInterval;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Bounds the whole wait (default: ${DEFAULT-VALUE}); exit 3 when it passes.", defaultValue = "30m")
    Duration timeout;

    @Option(names = "--long-poll", paramLabel = "<seconds>",
            description = "Asks an asyncops server to hold each poll up to this many seconds (Prefer: wait=N).")
    Integer longPoll;

    @Option(names = {"-o", "--output"}, paramLabel = "body|json", defaultValue = "body",
            description = "stdout: the final body as received (body), or a JSON summary with status, polls and body (json).")
    Output output;

    @Option(names = "--progress", paramLabel = "auto|bar|plain|none", defaultValue = "auto",
            description = "Progress on stderr: a live line on a terminal, plain lines otherwise (auto).")
    Progress.Style progress;

    enum Output { body, json }

    /** Builds the client; {@code requestOnly} names headers that go on the start request alone. */
    LroClient client(Map<String, String> everyRequest) {
        PollerOptions.Builder options = PollerOptions.custom()
                .defaultPollInterval(pollInterval)
                .maxPollInterval(maxPollInterval.compareTo(pollInterval) < 0 ? pollInterval : maxPollInterval)
                .timeout(timeout);
        everyRequest.forEach(options::header);
        String bearer = bearer();
        if (bearer != null) {
            options.bearerToken(() -> bearer);
        }
        if (longPoll != null) {
            options.longPoll(Duration.ofSeconds(longPoll));
        }
        return LroClient.create(options.build(), httpClient());
    }
}
