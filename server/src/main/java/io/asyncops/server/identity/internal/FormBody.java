package io.asyncops.server.identity.internal;

import io.asyncops.server.spi.ApiException;
import io.asyncops.server.spi.Bodies;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} body of a token request, within {@value #MAX_BYTES} bytes. A
 * parameter sent twice is refused (RFC 6749 §3.2: "parameters MUST NOT be included more than once").
 */
final class FormBody {
    /** Token requests are small; anything larger is not one. */
    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_PARAMETERS = 32;

    private FormBody() {
    }

    /**
     * The form's parameters. The body is read as every route reads one ({@link Bodies}), so broken chunking, a body
     * cut short and one past {@value #MAX_BYTES} bytes are RFC 6749 {@code invalid_request} answers, never a 5xx.
     */
    static Map<String, String> read(ServerRequest request) {
        String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OAuthException.invalidRequest("The token request must be application/x-www-form-urlencoded.");
        }
        byte[] body;
        try {
            body = Bodies.bytes(request, MAX_BYTES);
        } catch (ApiException e) {
            throw OAuthException.invalidRequest(e.status() == 413
                    ? "The token request is larger than " + MAX_BYTES + " bytes."
                    : "The token request's body is malformed: " + e.getMessage());
        }
        return parse(new String(body, StandardCharsets.US_ASCII));
    }

    static Map<String, String> parse(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.put(name, value) != null) {
                throw OAuthException.invalidRequest("The parameter '" + printable(name) + "' is sent more than once.");
            }
            if (params.size() > MAX_PARAMETERS) {
                throw OAuthException.invalidRequest("The token request has too many parameters.");
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("The token request is not valid form encoding.");
        }
    }

    /** {@code s} safe to echo: at most 64 printable ASCII characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
