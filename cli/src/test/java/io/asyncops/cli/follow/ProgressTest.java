package io.asyncops.cli.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.client.PollSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live line (status, bar, countdown, polls) and the plain lines. */
class ProgressTest {
    private static PollSnapshot snapshot(Double percent) {
        return new PollSnapshot("InProgress", percent, 200, 4, URI.create("http://h/ops/1"), Duration.ofSeconds(3),
                Duration.ofSeconds(12), false);
    }

    @Test
    void theLiveLineShowsStatusBarCountdownAndPolls() {
        String line = Progress.LiveLine.render(snapshot(40.0), Duration.ofMillis(3200), Duration.ofSeconds(12), '|', 100);
        assertThat(line).isEqualTo("| InProgress [########............] 40%  next poll in 3.2s  polls 4  12.0s");
    }

    @Test
    void theLiveLineHasNoBarWithoutPercentAndFitsTheWidth() {
        String line = Progress.LiveLine.render(snapshot(null), Duration.ofMillis(-5), Duration.ofMinutes(2), '/', 100);
        assertThat(line).isEqualTo("/ InProgress  next poll in 0ms  polls 4  2m0s");
        assertThat(Progress.LiveLine.render(snapshot(99.0), Duration.ZERO, Duration.ZERO, '/', 40)).hasSize(39);
    }

    @Test
    void theLiveLineRedrawsInPlaceAndClearsAtTheEnd() {
        StringWriter err = new StringWriter();
        try (Progress.LiveLine live = new Progress.LiveLine(new PrintWriter(err), 100)) {
            live.update(snapshot(40.0));
            live.say("done");
        }
        assertThat(err.toString()).startsWith("\r| InProgress [########").contains("\rasyncops: done")
                .endsWith("\r");
    }

    @Test
    void plainLinesAreOnePerPoll() {
        StringWriter err = new StringWriter();
        Progress plain = new Progress.PlainLines(new PrintWriter(err));
        plain.update(snapshot(40.0));
        plain.update(new PollSnapshot("Succeeded", 100.0, 200, 5, null, Duration.ZERO, Duration.ZERO, true));
        assertThat(err.toString()).isEqualTo("asyncops: poll 4: InProgress 40% (HTTP 200), next poll in 3.0s"
                + System.lineSeparator());
    }
}
