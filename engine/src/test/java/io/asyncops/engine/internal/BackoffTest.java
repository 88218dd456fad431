package io.asyncops.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.EngineConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        EngineConfig config = EngineConfig.builder(new JdbcDataSource())
                .retryBackoff(Duration.ofMillis(500), Duration.ofSeconds(5)).build();
        Runner runner = new Runner(config, null, null, new ConcurrentHashMap<>(Map.of()), null);

        assertThat(runner.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(runner.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(runner.backoff(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(runner.backoff(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(runner.backoff(500)).isEqualTo(Duration.ofSeconds(5));
    }
}
