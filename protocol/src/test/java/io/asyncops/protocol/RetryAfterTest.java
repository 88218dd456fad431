package io.asyncops.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("20", NOW)).contains(Duration.ofSeconds(20));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void readsHttpDates() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/bar", "-1", "1.5", "soon", "99999999999999999999999"})
    void ignoresInvalidValues(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
        assertThat(RetryAfter.parseMillis(value)).isEmpty();
    }

    @Test
    void readsMillis() {
        assertThat(RetryAfter.parseMillis("250")).contains(Duration.ofMillis(250));
    }

    @Test
    void formatsWholeSecondsRoundedUp() {
        assertThat(RetryAfter.format(Duration.ofMillis(1))).isEqualTo("1");
        assertThat(RetryAfter.format(Duration.ofSeconds(20))).isEqualTo("20");
        assertThat(RetryAfter.format(Duration.ofMillis(-5))).isEqualTo("0");
    }
}
