package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.testing.TestOpsPlane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig c = ServerConfig.builder().build();
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.httpsPort()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("asyncops-data"));
        assertThat(c.jdbcUrl()).isEmpty();
        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(c.retryAfterFloor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryAfterCeiling()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.auth().devTokens()).isTrue();
    }

    @Test
    void everySetterNamesTheBadValue() {
        assertThatThrownBy(() -> ServerConfig.builder().httpPort(-1)).hasMessageContaining("httpPort").hasMessageContaining("-1");
        assertThatThrownBy(() -> ServerConfig.builder().timeScale(Double.NaN)).hasMessageContaining("timeScale");
        assertThatThrownBy(() -> ServerConfig.builder().maxBodyBytes(10)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> ServerConfig.builder().publicBaseUrl(URI.create("ftp://x"))).hasMessageContaining("http");
        assertThatThrownBy(() -> ServerConfig.builder().publicBaseUrl(URI.create("https://x/?a=b")))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> ServerConfig.builder().database("postgres://x", null, null)).hasMessageContaining("JDBC");
        assertThatThrownBy(() -> ServerConfig.builder().retryAfterFloor(Duration.ofSeconds(10))
                .retryAfterCeiling(Duration.ofSeconds(5)).build()).hasMessageContaining("above");
        assertThatThrownBy(() -> ServerConfig.builder().httpPort(8443).httpsPort(8443).build())
                .hasMessageContaining("both");
        assertThatThrownBy(() -> ServerConfig.builder().tlsPem(Path.of("c"), Path.of("k")).build())
                .hasMessageContaining("httpsPort");
        assertThatThrownBy(() -> ServerConfig.builder().addPlane(new TestOpsPlane()).addPlane(new TestOpsPlane()).build())
                .hasMessageContaining("two planes");
    }

    @Test
    void authNeedsSomethingToCheck() {
        // without dev tokens and a JWKS, the identity endpoint's service principals still sign in
        assertThat(AuthConfig.builder().devTokens(false).build().devTokens()).isFalse();
        assertThatThrownBy(() -> AuthConfig.builder().jwksUrl(URI.create("https://k")).build())
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> AuthConfig.builder().jwksUrl(URI.create("file:///k"))).hasMessageContaining("http");
        assertThatThrownBy(() -> AuthConfig.builder().clockSkew(Duration.ofHours(1))).hasMessageContaining("clockSkew");
    }
}
