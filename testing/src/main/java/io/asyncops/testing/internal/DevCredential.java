package io.asyncops.testing.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * An azure-core credential that hands out the emulator's dev tokens for a fixed set of subscriptions. The scopes
 * the SDK asks for are not checked: every token of the emulator has the same audience.
 */
public final class DevCredential implements TokenCredential {
    /** How long each token is valid; azure-core asks again before it runs out. */
    public static final Duration TTL = Duration.ofHours(1);

    private final Function<List<String>, String> mint;
    private final List<String> subscriptions;

    /**
     * @param mint          mints a token granting the subscriptions it is given, valid for {@link #TTL}
     * @param subscriptions what the tokens grant
     */
    public DevCredential(Function<List<String>, String> mint, List<String> subscriptions) {
        this.mint = mint;
        this.subscriptions = List.copyOf(subscriptions);
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(this::token);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return token();
    }

    private AccessToken token() {
        // a minute of margin: the token outlives what the SDK believes
        return new AccessToken(mint.apply(subscriptions), OffsetDateTime.now().plus(TTL).minusMinutes(1));
    }

    @Override
    public String toString() {
        return "asyncops dev credential for " + subscriptions;
    }
}
