package io.asyncops.server.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreferTest {

    @Test
    void waitIsReadAndCapped() {
        assertThat(Prefer.waitOf(Optional.of("wait=10"))).contains(Duration.ofSeconds(10));
        assertThat(Prefer.waitOf(Optional.of("respond-async, WAIT = 5"))).contains(Duration.ofSeconds(5));
        assertThat(Prefer.waitOf(Optional.of("wait=\"7\"; foo=bar"))).contains(Duration.ofSeconds(7));
        assertThat(Prefer.waitOf(Optional.of("wait=600"))).contains(Duration.ofSeconds(60));
        assertThat(Prefer.waitOf(Optional.of("wait=0"))).contains(Duration.ZERO);
    }

    @Test
    void malformedOrAbsentWaitIsIgnored() {
        assertThat(Prefer.waitOf(Optional.empty())).isEmpty();
        assertThat(Prefer.waitOf(Optional.of("respond-async"))).isEmpty();
        assertThat(Prefer.waitOf(Optional.of("wait=-1"))).isEmpty();
        assertThat(Prefer.waitOf(Optional.of("wait=abc"))).isEmpty();
        assertThat(Prefer.waitOf(Optional.of("wait=99999999999999"))).isEmpty();
        assertThat(Prefer.waitOf(Optional.of("wait="))).isEmpty();
    }
}
