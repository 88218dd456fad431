package io.asyncops.emulator;

/**
 * A write's preconditions (RFC 9110, as ARM applies them): {@code If-Match} (an etag, a list of etags, or {@code *})
 * and {@code If-None-Match} ({@code *} on PUT: only create). Either may be null. A failed precondition is
 * {@code 412 PreconditionFailed} and changes nothing.
 *
 * @param ifMatch     the {@code If-Match} header, or null
 * @param ifNoneMatch the {@code If-None-Match} header, or null
 */
public record Conditions(String ifMatch, String ifNoneMatch) {
    /** No precondition. */
    public static final Conditions NONE = new Conditions(null, null);

    /** Whether {@code If-Match} allows a write to a resource whose etag is {@code etag} (null: none exists). */
    public boolean ifMatchAllows(String etag) {
        if (ifMatch == null) {
            return true;
        }
        if (etag == null) {
            return false;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || unquote(t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code If-None-Match} allows a write to a resource whose etag is {@code etag} (null: none exists). */
    public boolean ifNoneMatchAllows(String etag) {
        if (ifNoneMatch == null || etag == null) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || unquote(t).equals(etag)) {
                return false;
            }
        }
        return true;
    }

    /** {@code W/"x"} or {@code "x"} -> {@code x}. */
    static String unquote(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
