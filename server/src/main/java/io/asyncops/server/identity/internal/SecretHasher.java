package io.asyncops.server.identity.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets at rest: PBKDF2 with HMAC-SHA256 (the JDK's), a 16-byte random salt per secret, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), so the cost can rise later without invalidating
 * stored secrets. Verification compares in constant time.
 */
final class SecretHasher {
    /** Iterations of new hashes. */
    static final int ITERATIONS = 120_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHasher() {
    }

    /** The stored form of {@code secret}. */
    static String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(secret, salt, ITERATIONS));
    }

    /** Whether {@code secret} is the one {@code stored} was made from. */
    static boolean matches(String secret, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalStateException("unknown secret hash scheme");
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalStateException("secret hash iterations out of range: " + iterations);
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(secret, b64.decode(parts[2]), iterations));
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
