package io.asyncops.emulator.openapi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What generated values are derived from, so they are plausible and the same on every call: the resource's id,
 * name, namespace, location, creation time and provisioning state, and a generation number (another one gives
 * other keys and UUIDs).
 */
public record Seed(String id, String name, String namespace, String location, Instant createdAt, String state,
                   int generation) {
    /** Host names of the endpoints a namespace's resources get ({@code {name}.<suffix>}). */
    private static final Map<String, String> HOSTS = Map.of(
            "microsoft.storage", "core.windows.net",
            "microsoft.keyvault", "vault.azure.net",
            "microsoft.appconfiguration", "azconfig.io",
            "microsoft.sql", "database.windows.net",
            "microsoft.documentdb", "documents.azure.com",
            "microsoft.servicebus", "servicebus.windows.net",
            "microsoft.eventhub", "servicebus.windows.net",
            "microsoft.web", "azurewebsites.net");

    /** The URL of an endpoint named {@code member} ({@code blob} gives {@code https://acct.blob.core.windows.net/}). */
    String url(String member) {
        String ns = namespace.toLowerCase(Locale.ROOT);
        String host = HOSTS.get(ns);
        String label = name.toLowerCase(Locale.ROOT);
        if ("microsoft.storage".equals(ns)) {
            return "https://" + label + "." + member.toLowerCase(Locale.ROOT) + "." + host + "/";
        }
        if (host == null) {
            host = ns.substring(ns.indexOf('.') + 1) + ".azure.net";
        }
        return "https://" + label + "." + host + "/";
    }

    /** A UUID only this resource and {@code salt} give. */
    UUID uuid(String salt) {
        return UUID.nameUUIDFromBytes((id + "|" + salt + "|" + generation).getBytes(StandardCharsets.UTF_8));
    }

    /** A 64-byte key in Base64 (88 characters, as Azure's account keys), derived from the resource and {@code salt}. */
    String key(String salt) {
        byte[] a = digest(id + "|" + salt + "|" + generation + "|a");
        byte[] b = digest(id + "|" + salt + "|" + generation + "|b");
        byte[] both = new byte[64];
        System.arraycopy(a, 0, both, 0, 32);
        System.arraycopy(b, 0, both, 32, 32);
        return Base64.getEncoder().encodeToString(both);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
