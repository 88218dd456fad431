package io.asyncops.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL rules of the protocol: header URLs resolved against the request, cancel and classic status URLs. */
public final class Urls {
    private static final Pattern BIZTALK = Pattern.compile(
            "(?i)^(/[^/]+/cloudservices/[^/]+/resources/biztalkservices/)(?:~/)?(biztalk/[^/?]+)/?$");
    private static final Pattern SM_OPERATION = Pattern.compile("^/[^/]+/operations/[^/]+/?$");

    private Urls() {
    }

    /**
     * Resolves a URL header value against the URL of the request it answered. Relative values are allowed (RFC
     * 9110); a value that is not a URL, or not http(s), is ignored rather than fatal.
     */
    public static Optional<URI> resolve(URI base, String headerValue) {
        Objects.requireNonNull(base, "base == null");
        if (headerValue == null || headerValue.isBlank()) {
            return Optional.empty();
        }
        try {
            URI resolved = base.resolve(new URI(headerValue.trim()));
            String scheme = resolved.getScheme();
            if (resolved.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return Optional.of(resolved);
        } catch (URISyntaxException | IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    /**
     * True when a credential meant for {@code origin} may go to {@code target}: the same host and port, and never
     * from https down to http.
     */
    public static boolean sameOrigin(URI origin, URI target) {
        if (origin == null || target == null || origin.getHost() == null || target.getHost() == null) {
            return false;
        }
        boolean secureOrigin = "https".equalsIgnoreCase(origin.getScheme());
        return origin.getHost().equalsIgnoreCase(target.getHost())
                && port(origin) == port(target)
                && (!secureOrigin || "https".equalsIgnoreCase(target.getScheme()));
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /**
     * asyncops' cancel call for a status monitor URL: {@code POST {path}/cancel?api-version=...}; empty when the URL
     * carries no api-version (then there is nothing to cancel with).
     */
    public static Optional<URI> cancelUrl(URI statusUrl) {
        String query = statusUrl.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("api-version=")) {
                String path = statusUrl.getRawPath().replaceAll("/+$", "");
                return Optional.of(URI.create(origin(statusUrl) + path + "/cancel?" + pair));
            }
        }
        return Optional.empty();
    }

    /**
     * The BizTalk Services status URL of an operation started at {@code start}:
     * {@code .../resources/biztalkservices/~/biztalk/{resource}?OperationStatus/{request-id}}; empty when
     * {@code start} is not a BizTalk service URL.
     */
    public static Optional<URI> bizTalkStatus(URI start, String requestId) {
        Matcher m = BIZTALK.matcher(start.getRawPath() == null ? "" : start.getRawPath());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(origin(start) + m.group(1) + "~/" + m.group(2) + "?OperationStatus/"
                + encodeSegment(requestId)));
    }

    /** The generic Service Management status URL {@code /{subscription-id}/operations/{request-id}}. */
    public static Optional<URI> serviceManagementStatus(URI start, String requestId) {
        String path = start.getRawPath();
        if (path == null || path.length() < 2) {
            return Optional.empty();
        }
        String subscription = path.substring(1).split("/", 2)[0];
        if (subscription.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(URI.create(origin(start) + "/" + subscription + "/operations/" + encodeSegment(requestId)));
    }

    /** True for a BizTalk {@code ?OperationStatus/{id}} URL. */
    public static boolean isBizTalkStatus(URI url) {
        String q = url.getRawQuery();
        return q != null && q.regionMatches(true, 0, "OperationStatus/", 0, "OperationStatus/".length());
    }

    /** True for a Service Management {@code /{subscription}/operations/{id}} URL (no api-version). */
    public static boolean isServiceManagementOperation(URI url) {
        String q = url.getRawQuery();
        return url.getRawPath() != null && SM_OPERATION.matcher(url.getRawPath()).matches()
                && (q == null || !q.toLowerCase(Locale.ROOT).contains("api-version="));
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    private static String encodeSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b));
                }
            }
        }
        return out.toString();
    }
}
