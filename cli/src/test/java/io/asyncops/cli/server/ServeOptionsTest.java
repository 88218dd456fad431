package io.asyncops.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.server.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeOptionsTest {

    @Test
    void optionsBecomeTheServerConfiguration(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        ServeCommand serve = parse("--port", "0", "--tls-port", "0", "--data-dir", dir.toString(), "--time-scale", "0.1",
                "--retry-after-floor", "2s", "--retry-after-ceiling", "30s", "--public-url", "https://ops.test",
                "--jwks", jwks.toString(), "--issuer", "iss1", "--audience", "aud1", "--grant", "bob=s1, s2",
                "--db", "jdbc:postgresql://localhost/x", "--db-user", "u", "--db-password", "p");
        ServerConfig config = serve.config();
        assertThat(config.httpPort()).isZero();
        assertThat(config.httpsPort()).contains(0);
        assertThat(config.dataDir()).isEqualTo(dir);
        assertThat(config.timeScale()).isEqualTo(0.1);
        assertThat(config.retryAfterFloor()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.retryAfterCeiling()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.publicBaseUrl()).contains(URI.create("https://ops.test"));
        assertThat(config.jdbcUrl()).contains("jdbc:postgresql://localhost/x");
        assertThat(config.dbUser()).contains("u");
        assertThat(config.auth().jwksFile()).contains(jwks);
        assertThat(config.auth().issuers()).containsExactly("iss1");
        assertThat(config.auth().subscriptionsByPrincipal()).containsEntry("bob", Set.of("s1", "s2"));
        assertThat(config.auth().devTokens()).isTrue();
    }

    @Test
    void connectionTokenAndThrottlingOptions(@TempDir Path dir) {
        ServerConfig defaults = parse("--data-dir", dir.toString()).config();
        assertThat(defaults.headerTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.bodyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.maxConnections()).isEqualTo(16_384);
        assertThat(defaults.throttling().enforced()).isFalse();
        assertThat(defaults.throttling().reads()).isEqualTo(12_000);

        ServerConfig config = parse("--data-dir", dir.toString(), "--header-timeout", "5s", "--body-timeout", "30s",
                "--idle-timeout", "1m", "--max-connections", "100", "--max-token-lifetime", "1d", "--throttle",
                "--throttle-reads", "10/1m", "--throttle-writes", "2/1m").config();
        assertThat(config.headerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.bodyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.maxConnections()).isEqualTo(100);
        assertThat(config.auth().maxTokenLifetime()).isEqualTo(Duration.ofDays(1));
        assertThat(config.throttling()).isEqualTo(new io.asyncops.server.Throttling(true, 10, 2, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> parse("--throttle-reads", "10/1m", "--throttle-writes", "2/1h").config())
                .hasMessageContaining("same window");
        assertThatThrownBy(() -> parse("--throttle-reads", "lots").config()).hasMessageContaining("--throttle-reads");
        assertThatThrownBy(() -> parse("--header-timeout", "0s").config()).hasMessageContaining("headerTimeout");
    }

    @Test
    void badCombinationsAreRefusedWithAMessage(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("--tls-port", "0", "--tls-cert", "c.pem").config())
                .hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> parse("--jwks", "https://keys.test/jwks").config()).hasMessageContaining("issuer");
        assertThatThrownBy(() -> parse("--time-scale", "0").config()).hasMessageContaining("timeScale");
        assertThatThrownBy(() -> parse("--retry-after-floor", "90s").config()).hasMessageContaining("retryAfterFloor");
        assertThatThrownBy(() -> parse("--port", "70000").config()).hasMessageContaining("httpPort");
    }

    static ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }
}
