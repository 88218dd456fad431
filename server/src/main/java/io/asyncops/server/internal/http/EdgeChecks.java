package io.asyncops.server.internal.http;

import io.asyncops.protocol.Limits;
import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.ApiVersions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The URL rules every request meets before any route sees it ({@link Limits}): each path segment and query value
 * decodes as UTF-8, holds no control character, fits its length, and no path segment encodes a {@code /} or
 * {@code \} (ARM names cannot hold one; decoding it would silently route the request elsewhere). Violations are
 * {@code 400} with a specific code, and the message never repeats the offending characters.
 */
final class EdgeChecks {
    private static final String ARM_ROOT = "subscriptions";

    private EdgeChecks() {
    }

    /** Checks {@code rawPath} (as sent, still percent-encoded). */
    static void path(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        boolean arm = segments.length > 1 && segments[1].equalsIgnoreCase(ARM_ROOT);
        boolean classic = segments.length > 2 && !arm && (segments[2].equalsIgnoreCase("cloudservices")
                || segments[2].equalsIgnoreCase("operations"));
        int total = 0;
        for (int i = 1; i < segments.length; i++) {
            String raw = segments[i];
            String decoded = decode(raw, "InvalidUri", "The request path is not validly percent-encoded UTF-8.");
            if (hasControl(decoded)) {
                throw ApiException.badRequest("InvalidUri", "The request path contains a control character, which no"
                        + " name may hold.");
            }
            if (raw.indexOf('%') >= 0 && (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0)) {
                throw ApiException.badRequest("InvalidResourceName", "The path segment '" + shown(decoded)
                        + "' encodes a '/' or '\\', which no resource name may contain.");
            }
            boolean subscription = (arm && i == 2) || (classic && i == 1);
            if (subscription && decoded.length() > Limits.SUBSCRIPTION_ID) {
                throw ApiException.badRequest("InvalidSubscriptionId", "The provided subscription identifier '"
                        + shown(decoded) + "' is malformed or invalid: it has more than " + Limits.SUBSCRIPTION_ID
                        + " characters.");
            }
            if (decoded.length() > Limits.PATH_SEGMENT) {
                throw ApiException.badRequest("InvalidResourceName", "A path segment has " + decoded.length()
                        + " characters; names have at most " + Limits.PATH_SEGMENT + ".");
            }
            total += decoded.length() + 1;
            if (total > Limits.RESOURCE_ID) {
                throw ApiException.badRequest("InvalidResourceName", "The request path is longer than "
                        + Limits.RESOURCE_ID + " characters, the longest resource id.");
            }
        }
    }

    /** Checks {@code rawQuery} (as sent, without the {@code ?}; may be empty). */
    static void query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String part : rawQuery.split("&", -1)) {
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq), "InvalidQueryParameterValue",
                    "The query string is not validly percent-encoded UTF-8.");
            boolean apiVersion = name.equalsIgnoreCase(ApiVersions.PARAMETER);
            String code = apiVersion ? "InvalidApiVersionParameter" : "InvalidQueryParameterValue";
            String value = eq < 0 ? "" : decode(part.substring(eq + 1), code,
                    "The value of the query parameter '" + shown(name) + "' is not validly percent-encoded UTF-8.");
            if (hasControl(name) || hasControl(value)) {
                throw ApiException.badRequest(code, "The query parameter '" + shown(name) + "' contains a control"
                        + " character.");
            }
            int max = apiVersion ? Limits.API_VERSION : Limits.QUERY_VALUE;
            if (value.length() > max || name.length() > Limits.QUERY_VALUE) {
                throw ApiException.badRequest(code, "The query parameter '" + shown(name) + "' is too long: at most "
                        + max + " characters.");
            }
        }
    }

    /** A header value: at most {@code max} characters and no control character. */
    static String header(String name, String value, int max, String code) {
        if (value.length() > max) {
            throw ApiException.badRequest(code, "The " + name + " header must be at most " + max
                    + " characters long; it has " + value.length() + ".");
        }
        if (hasControl(value)) {
            throw ApiException.badRequest(code, "The " + name + " header contains a control character.");
        }
        return value;
    }

    /** Whether {@code s} holds a C0 or C1 control character (tab included) or DEL. */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} shortened to 64 characters, for messages. */
    static String shown(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    /** Strict percent-decoding to UTF-8: a malformed escape or byte sequence is a 400 with {@code code}. */
    static String decode(String raw, String code, String message) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length()) {
                throw ApiException.badRequest(code, message);
            }
            int hi = Character.digit(raw.charAt(i + 1), 16);
            int lo = Character.digit(raw.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw ApiException.badRequest(code, message);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(code, message);
        }
    }
}
