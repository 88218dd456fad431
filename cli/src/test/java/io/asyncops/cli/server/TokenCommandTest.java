package io.asyncops.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.asyncops.cli.AsyncOpsCli;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.internal.auth.InstallSecret;
import io.asyncops.server.internal.auth.JwtAuthenticator;
import io.asyncops.server.spi.Principal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {

    @Test
    void printsOnlyATokenTheServerOfTheDataDirAccepts(@TempDir Path data) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = run(out, err, "token", "--data-dir", data.toString(), "--subscription", "sub-a",
                "--subscription", "sub-b", "--ttl", "10m");
        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        String token = lines[0].trim();
        Principal p = new JwtAuthenticator(AuthConfig.defaults(), InstallSecret.loadOrCreate(data), Clock.systemUTC())
                .authenticate(token);
        assertThat(p.canSee("sub-a")).isTrue();
        assertThat(p.canSee("sub-b")).isTrue();
        assertThat(p.canSee("sub-c")).isFalse();
        Instant exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(Instant.now(), exp)).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
    }

    @Test
    void missingSubscriptionOrBadTtlIsAUsageError(@TempDir Path data) {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "token", "--data-dir", data.toString())).isEqualTo(2);
        assertThat(run(out, new StringWriter(), "token", "--data-dir", data.toString(), "--subscription", "s",
                "--ttl", "soon")).isEqualTo(2);
        assertThat(run(out, new StringWriter(), "token", "--data-dir", data.toString(), "--subscription", "s",
                "--ttl", "0s")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = AsyncOpsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
