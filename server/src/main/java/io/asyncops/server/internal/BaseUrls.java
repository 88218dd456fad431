package io.asyncops.server.internal;

import io.asyncops.server.spi.Urls;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;

/**
 * {@link Urls} from the configured public base URL, else from the listener's scheme and the request's
 * {@code Host} (which a client sets to the name it used, so the URLs work from where it stands).
 */
public final class BaseUrls implements Urls {
    private final String configured;

    public BaseUrls(URI publicBaseUrl) {
        this.configured = publicBaseUrl == null ? null : stripSlash(publicBaseUrl.toString());
    }

    @Override
    public String base(ServerRequest request) {
        if (configured != null) {
            return configured;
        }
        String scheme = request.isSecure() ? "https" : "http";
        String authority = request.authority();
        if (authority == null || authority.isBlank() || !validAuthority(authority)) {
            authority = request.localPeer().host() + ":" + request.localPeer().port();
            if (authority.indexOf(':') != authority.lastIndexOf(':')) {
                authority = "[" + request.localPeer().host() + "]:" + request.localPeer().port();
            }
        }
        return scheme + "://" + authority;
    }

    /** A host[:port] without anything that could break out of the URL (the Host header is the caller's). */
    static boolean validAuthority(String authority) {
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'
                    || c == '_';
            if (!ok || c > 127) {
                return false;
            }
        }
        return authority.length() <= 255;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
