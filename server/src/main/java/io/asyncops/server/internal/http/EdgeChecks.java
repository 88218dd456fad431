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
        // runs on every request: walks the segments in place (the first, before the leading '/', is not checked),
        // and copies one out only to decode it when it holds a '%'
        int first = rawPath.indexOf('/');
        if (first < 0) {
            return;
        }
        int end1 = segmentEnd(rawPath, first + 1);
        boolean arm = isSegment(rawPath, first + 1, end1, ARM_ROOT);
        boolean classic = false;
        if (!arm && end1 < rawPath.length()) {
            int end2 = segmentEnd(rawPath, end1 + 1);
            classic = isSegment(rawPath, end1 + 1, end2, "cloudservices")
                    || isSegment(rawPath, end1 + 1, end2, "operations");
        }
        int total = 0;
        int from = first + 1;
        int percent = rawPath.indexOf('%', from); // the next '%' at or after from, or -1
        for (int i = 1; ; i++) {
            int to = segmentEnd(rawPath, from);
            int length = to - from;
            if (percent >= 0 && percent < from) {
                percent = rawPath.indexOf('%', from);
            }
            boolean subscription = (arm && i == 2) || (classic && i == 1);
            int bad = badChar(rawPath, from, to);
            if (bad == CONTROL) {
                throw controlInPath();
            }
            if (bad == OUTSIDE_URI) {
                throw ApiException.badRequest("InvalidUri", "The request path holds a character outside the URI"
                        + " syntax (a space, a quote, <, >, \\, ^, `, {, |, }, [ or ]); such characters must be"
                        + " percent-encoded.");
            }
            if (percent >= 0 && percent < to) {
                String decoded = decode(rawPath.substring(from, to), "InvalidUri",
                        "The request path is not validly percent-encoded UTF-8.");
                if (hasControl(decoded)) {
                    throw controlInPath();
                }
                if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
                    throw ApiException.badRequest("InvalidResourceName", "The path segment '" + shown(decoded)
                            + "' encodes a '/' or '\\', which no resource name may contain.");
                }
                length = decoded.length();
                checkSegment(decoded, length, subscription);
            } else {
                if (length > (subscription ? Limits.SUBSCRIPTION_ID : Limits.PATH_SEGMENT)) {
                    checkSegment(rawPath.substring(from, to), length, subscription);
                }
            }
            total += length + 1;
            if (total > Limits.RESOURCE_ID) {
                throw ApiException.badRequest("InvalidResourceName", "The request path is longer than "
                        + Limits.RESOURCE_ID + " characters, the longest resource id.");
            }
            if (to == rawPath.length()) {
                return;
            }
            from = to + 1;
        }
    }

    /**
     * The request target's form (RFC 9112 §3.2), which the transport leaves to this check: no fragment, and a path
     * that is absolute ({@code /...}) or the absolute form's ({@code scheme:...}); a relative path is refused.
     */
    static void target(String rawPath, boolean fragment) {
        if (fragment) {
            throw ApiException.badRequest("InvalidUri", "The request target holds a fragment ('#'), which a request"
                    + " never sends.");
        }
        if (!rawPath.isEmpty() && rawPath.charAt(0) != '/' && !absoluteForm(rawPath)) {
            throw ApiException.badRequest("InvalidUri", "The request target must be an absolute path (starting"
                    + " with '/').");
        }
    }

    private static boolean absoluteForm(String target) {
        int colon = target.indexOf(':');
        if (colon <= 0 || !asciiLetter(target.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = target.charAt(i);
            if (!(asciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static final int CONTROL = 1;
    private static final int OUTSIDE_URI = 2;
    /** Per ASCII character: 0 allowed in a path as sent, else {@link #CONTROL} or {@link #OUTSIDE_URI}. */
    private static final byte[] PATH_CHARS = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            PATH_CHARS[c] = CONTROL;
        }
        PATH_CHARS[0x7F] = CONTROL;
        // what java.net.URI (RFC 2396, the transport's parser until this check took its place) refuses in a path
        for (char c : " \"<>\\^`{|}[]#".toCharArray()) {
            PATH_CHARS[c] = OUTSIDE_URI;
        }
    }

    /** The first fault among {@code path[from, to)}'s characters: 0, {@link #CONTROL} or {@link #OUTSIDE_URI}. */
    private static int badChar(String path, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (c < 128) {
                if (PATH_CHARS[c] != 0) {
                    return PATH_CHARS[c];
                }
            } else if (c <= 0x9F) {
                return CONTROL;
            }
        }
        return 0;
    }

    private static int segmentEnd(String path, int from) {
        int end = path.indexOf('/', from);
        return end < 0 ? path.length() : end;
    }

    private static boolean isSegment(String path, int from, int to, String word) {
        return to - from == word.length() && path.regionMatches(true, from, word, 0, word.length());
    }

    private static ApiException controlInPath() {
        return ApiException.badRequest("InvalidUri", "The request path contains a control character, which no"
                + " name may hold.");
    }

    /** The length rules of one decoded path segment; {@code subscription} when it is the subscription id. */
    private static void checkSegment(String decoded, int length, boolean subscription) {
        if (subscription && length > Limits.SUBSCRIPTION_ID) {
            throw ApiException.badRequest("InvalidSubscriptionId", "The provided subscription identifier '"
                    + shown(decoded) + "' is malformed or invalid: it has more than " + Limits.SUBSCRIPTION_ID
                    + " characters.");
        }
        if (length > Limits.PATH_SEGMENT) {
            throw ApiException.badRequest("InvalidResourceName", "A path segment has " + length
                    + " characters; names have at most " + Limits.PATH_SEGMENT + ".");
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
        return hasControl(s, 0, s.length());
    }

    /** Whether {@code s} holds a control character between {@code from} (inclusive) and {@code to}. */
    private static boolean hasControl(String s, int from, int to) {
        for (int i = from; i < to; i++) {
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
