package io.asyncops.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Options and requests are validated per setter, with messages that name the value. */
class PollerOptionsTest {

    @Test
    void defaultsAreSensible() {
        PollerOptions d = PollerOptions.defaults();
        assertThat(d.defaultPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxPollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.timeout()).isEmpty();
        assertThat(d.longPollWait()).isEmpty();
        assertThat(d.maxRetries()).isEqualTo(5);
        assertThat(d.cookieJar().get()).isNotSameAs(d.cookieJar().get());
    }

    @Test
    void badValuesAreRefusedAtTheSetter() {
        PollerOptions.Builder b = PollerOptions.custom();
        assertThatThrownBy(() -> b.defaultPollInterval(Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> b.jitter(2)).hasMessageContaining("2.0");
        assertThatThrownBy(() -> b.maxRetries(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> b.longPoll(Duration.ofSeconds(61))).hasMessageContaining("PT1M1S");
        assertThatThrownBy(() -> b.longPoll(Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> b.header("Authorization", "x")).hasMessageContaining("bearerToken");
        assertThatThrownBy(() -> b.header("bad name", "x")).hasMessageContaining("bad name");
        assertThatThrownBy(() -> b.header("X-A", "a\r\nX-Injected: 1")).hasMessageContaining("line break");
        assertThatThrownBy(() -> b.classicVersion("latest")).hasMessageContaining("latest");
        assertThatThrownBy(() -> b.backoff(null)).isInstanceOf(NullPointerException.class).hasMessage("backoff == null");
        assertThatThrownBy(() -> PollerOptions.custom().minPollInterval(Duration.ofSeconds(5))
                .maxPollInterval(Duration.ofSeconds(1)).build()).hasMessageContaining("PT5S");
    }

    @Test
    void toBuilderKeepsEverything() {
        PollerOptions o = PollerOptions.custom().header("a", "1").timeout(Duration.ofMinutes(3)).jitter(0.1).build();
        PollerOptions copy = o.toBuilder().build();
        assertThat(copy.headers()).containsEntry("a", "1");
        assertThat(copy.timeout()).contains(Duration.ofMinutes(3));
        assertThat(copy.jitter()).isEqualTo(0.1);
        assertThat(o.toString()).doesNotContain("1\"").contains("headers=[a]");
    }

    @Test
    void requestsAreValidated() {
        assertThatThrownBy(() -> LroRequest.of("GET", URI.create("/relative"))).hasMessageContaining("/relative");
        assertThatThrownBy(() -> LroRequest.of("GET", URI.create("ftp://h/x"))).hasMessageContaining("ftp://h/x");
        assertThatThrownBy(() -> LroRequest.of("GE T", URI.create("http://h/x"))).hasMessageContaining("GE T");
        LroRequest r = LroRequest.put(URI.create("http://h/x"), "{}").withHeader("content-type", "text/json");
        assertThat(r.headers()).hasSize(1).containsEntry("content-type", "text/json");
        assertThat(LroRequest.of("patch", URI.create("http://h/x")).method()).isEqualTo("PATCH");
    }
}
