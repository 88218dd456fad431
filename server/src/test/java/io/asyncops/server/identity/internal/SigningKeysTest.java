package io.asyncops.server.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import io.asyncops.engine.Database;
import io.asyncops.engine.testing.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first key of a new database, made ahead while the server starts: it becomes the stored signing key (with
 * its creation time as {@code iat}), is used once, and a failure to make it fails the key's creation.
 */
class SigningKeysTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aKeyMadeAheadBecomesTheFirstSigningKeyAndOnlyThat() throws Exception {
        Path data = dir.resolve("db");
        assertThat(Database.h2Missing(data)).isTrue();
        FutureTask<RSAKey> ahead = SigningKeys.makeAhead();
        try (Database db = Database.h2(data)) {
            assertThat(Database.h2Missing(data)).isFalse();
            SettableClock clock = new SettableClock(T0);
            SigningKeys keys = Issuer.open(db.dataSource(), clock, Duration.ofDays(2)).keys();
            keys.useAhead(ahead);

            RSAKey first = keys.signingKey();
            RSAKey made = ahead.get();
            assertThat(first.getKeyID()).isEqualTo(made.getKeyID());
            assertThat(first.getModulus()).isEqualTo(made.getModulus());
            assertThat(first.isPrivate()).isTrue();
            assertThat(first.getIssueTime().toInstant()).isEqualTo(T0);
            // what another node (or a restart) reads from the database is the same key
            RSAKey stored = Issuer.open(db.dataSource(), clock, Duration.ofDays(2)).keys().signingKey();
            assertThat(stored.getKeyID()).isEqualTo(made.getKeyID());
            assertThat(stored.getModulus()).isEqualTo(made.getModulus());

            // within a day of the first key's end the next key is made: a new pair, not the one made ahead again
            clock.set(T0.plus(Duration.ofHours(36)));
            keys.signingKey();
            assertThat(keys.publicKeys().getKeys()).hasSize(2);
            assertThat(keys.publicKeys().getKeys()).extracting(k -> k.toRSAKey().getModulus())
                    .containsOnlyOnce(made.getModulus());
        }
    }

    @Test
    void aKeyThatCouldNotBeMadeAheadFailsTheFirstKey() {
        try (Database db = Database.h2(dir.resolve("db"))) {
            SigningKeys keys = Issuer.open(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC)).keys();
            FutureTask<RSAKey> failed = new FutureTask<>(() -> {
                throw new IllegalStateException("no entropy");
            });
            failed.run();
            keys.useAhead(failed);
            assertThatThrownBy(keys::signingKey).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot generate an RSA key").hasRootCauseMessage("no entropy");
            // nothing was stored: the next attempt makes its own key
            assertThat(keys.signingKey().isPrivate()).isTrue();
        }
    }
}
