package io.asyncops.server.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the server authenticates bearer tokens (PROTOCOL §1). Immutable; build with {@link #builder()}.
 *
 * <p>Three kinds of token are accepted, all RS256 (or ES256) JWTs:
 * <ul>
 *   <li>dev tokens ({@link TokenMinter}), issuer and audience {@value TokenMinter#DEV_ISSUER}, signed with the
 *       deployment's keys kept in its database; on by default, off with {@code devTokens(false)};</li>
 *   <li>tokens of the deployment's identity endpoint (service principals signing in, e.g. {@code az login}),
 *       signed with the same keys; always on (no principal exists until one is made);</li>
 *   <li>production tokens of an external issuer, verified against a JWKS file or URL, checked against the
 *       configured issuers and audiences (both required when a JWKS is set).</li>
 * </ul>
 * A token grants the subscriptions of its {@code subscriptions} claim plus those the principal map gives its
 * subject. A token whose lifetime exceeds {@link #maxTokenLifetime()} is refused.
 */
public final class AuthConfig {
    private final boolean devTokens;
    private final Path jwksFile;
    private final URI jwksUrl;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final Map<String, Set<String>> subscriptionsByPrincipal;
    private final String subscriptionsClaim;
    private final int tokenCacheSize;
    private final Duration maxTokenLifetime;

    private AuthConfig(Builder b) {
        this.maxTokenLifetime = b.maxTokenLifetime;
        this.devTokens = b.devTokens;
        this.jwksFile = b.jwksFile;
        this.jwksUrl = b.jwksUrl;
        this.issuers = Set.copyOf(b.issuers);
        this.audiences = Set.copyOf(b.audiences);
        this.clockSkew = b.clockSkew;
        Map<String, Set<String>> map = new LinkedHashMap<>();
        b.subscriptionsByPrincipal.forEach((k, v) -> map.put(k, Set.copyOf(v)));
        this.subscriptionsByPrincipal = Map.copyOf(map);
        this.subscriptionsClaim = b.subscriptionsClaim;
        this.tokenCacheSize = b.tokenCacheSize;
        if (jwksFile != null && jwksUrl != null) {
            throw new IllegalArgumentException("configure a JWKS file or a JWKS URL, not both");
        }
        if (jwksFile != null || jwksUrl != null) {
            if (issuers.isEmpty() || audiences.isEmpty()) {
                throw new IllegalArgumentException("a JWKS needs at least one issuer and one audience to check");
            }
        }
    }

    /** A builder with dev tokens on, no JWKS, 60 s clock skew, a 10,000-token cache and a 366-day lifetime cap. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: dev tokens only. */
    public static AuthConfig defaults() {
        return builder().build();
    }

    public boolean devTokens() {
        return devTokens;
    }

    public Optional<Path> jwksFile() {
        return Optional.ofNullable(jwksFile);
    }

    public Optional<URI> jwksUrl() {
        return Optional.ofNullable(jwksUrl);
    }

    /** Accepted {@code iss} values of JWKS-verified tokens. */
    public Set<String> issuers() {
        return issuers;
    }

    /** Accepted {@code aud} values of JWKS-verified tokens (a token must name at least one). */
    public Set<String> audiences() {
        return audiences;
    }

    /** Tolerance of {@code exp} and {@code nbf} checks. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Subscriptions granted by subject ({@code sub}), in addition to the token's claim. */
    public Map<String, Set<String>> subscriptionsByPrincipal() {
        return subscriptionsByPrincipal;
    }

    /** The name of the claim that lists a token's subscriptions. */
    public String subscriptionsClaim() {
        return subscriptionsClaim;
    }

    /** How many verified tokens are kept; 0 turns the cache off. */
    public int tokenCacheSize() {
        return tokenCacheSize;
    }

    /**
     * The longest lifetime a token may claim ({@code exp} after {@code iat}, or after now without {@code iat});
     * longer-lived tokens are refused ({@code 401 InvalidAuthenticationToken}), so a leaked one cannot last for years.
     */
    public Duration maxTokenLifetime() {
        return maxTokenLifetime;
    }

    /** Builds an {@link AuthConfig}; every setter checks its value. */
    public static final class Builder {
        private boolean devTokens = true;
        private Path jwksFile;
        private URI jwksUrl;
        private final Set<String> issuers = new LinkedHashSet<>();
        private final Set<String> audiences = new LinkedHashSet<>();
        private Duration clockSkew = Duration.ofSeconds(60);
        private final Map<String, Set<String>> subscriptionsByPrincipal = new LinkedHashMap<>();
        private String subscriptionsClaim = "subscriptions";
        private int tokenCacheSize = 10_000;
        private Duration maxTokenLifetime = TokenMinter.MAX_TTL;

        private Builder() {
        }

        /** The longest lifetime a token may claim; default {@link TokenMinter#MAX_TTL}, 1 minute to 10 years. */
        public Builder maxTokenLifetime(Duration value) {
            Objects.requireNonNull(value, "maxTokenLifetime == null");
            if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(3653)) > 0) {
                throw new IllegalArgumentException("maxTokenLifetime must be 1 minute..10 years: " + value);
            }
            this.maxTokenLifetime = value;
            return this;
        }

        /** Accept dev tokens ({@link TokenMinter}). */
        public Builder devTokens(boolean value) {
            this.devTokens = value;
            return this;
        }

        /** Verify RS256/ES256 tokens against the JSON Web Key Set in this file. */
        public Builder jwksFile(Path value) {
            this.jwksFile = Objects.requireNonNull(value, "jwksFile == null");
            return this;
        }

        /** Verify RS256/ES256 tokens against the JSON Web Key Set at this URL (fetched and cached). */
        public Builder jwksUrl(URI value) {
            Objects.requireNonNull(value, "jwksUrl == null");
            String scheme = value.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("jwksUrl must be http(s): " + value);
            }
            this.jwksUrl = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuers.add(nonBlank("issuer", value));
            return this;
        }

        public Builder audience(String value) {
            this.audiences.add(nonBlank("audience", value));
            return this;
        }

        public Builder clockSkew(Duration value) {
            Objects.requireNonNull(value, "clockSkew == null");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("clockSkew must be 0..10 minutes: " + value);
            }
            this.clockSkew = value;
            return this;
        }

        /** Grants {@code subject} the given subscriptions ({@code "*"}: all). */
        public Builder grant(String subject, Set<String> subscriptions) {
            nonBlank("subject", subject);
            Objects.requireNonNull(subscriptions, "subscriptions == null");
            subscriptionsByPrincipal.computeIfAbsent(subject, k -> new LinkedHashSet<>()).addAll(subscriptions);
            return this;
        }

        public Builder subscriptionsClaim(String value) {
            this.subscriptionsClaim = nonBlank("subscriptionsClaim", value);
            return this;
        }

        public Builder tokenCacheSize(int value) {
            if (value < 0 || value > 10_000_000) {
                throw new IllegalArgumentException("tokenCacheSize must be 0..10000000: " + value);
            }
            this.tokenCacheSize = value;
            return this;
        }

        public AuthConfig build() {
            return new AuthConfig(this);
        }

        private static String nonBlank(String name, String value) {
            Objects.requireNonNull(value, name + " == null");
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
            return value;
        }
    }
}
