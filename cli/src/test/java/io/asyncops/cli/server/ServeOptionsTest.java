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
