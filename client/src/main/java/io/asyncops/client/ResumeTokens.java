package io.asyncops.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resume tokens: a poller's state as one URL-safe string ({@code lro1.} + base64url JSON) that another process can
 * resume from. It holds URLs, the mode, the final-state rule and the operation's cookies (servers keep state in
 * them), never the bearer token or the poller's headers: treat a token like a cookie.
 */
final class ResumeTokens {
    private static final String PREFIX = "lro1.";

    private ResumeTokens() {
    }

    static String write(PollState s, Transport transport) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("method", s.method);
        put(n, "originalUri", s.originalUri);
        n.put("mode", s.mode.name());
        put(n, "pollingUri", s.pollingUri);
        n.put("monitorHeader", s.monitorHeader);
        put(n, "locationUri", s.locationUri);
        put(n, "statusUri", s.statusUri);
        put(n, "pendingFetch", s.pendingFetch);
        n.put("finalStateVia", s.finalStateVia == null ? null : s.finalStateVia.name());
        n.put("classicVersion", s.classicVersion);
        n.put("status", s.status);
        n.put("polls", s.polls);
        ObjectNode cookies = n.putObject("cookies");
        Set<URI> urls = new LinkedHashSet<>();
        for (URI u : new URI[] {s.pollingUri, s.originalUri, s.locationUri, s.pendingFetch}) {
            if (u != null) {
                urls.add(URI.create(u.getScheme() + "://" + u.getRawAuthority() + "/"));
            }
        }
        for (URI u : urls) {
            String header = transport.cookieHeader(u);
            if (!header.isEmpty()) {
                cookies.put(u.toString(), header);
            }
        }
        byte[] json = n.toString().getBytes(StandardCharsets.UTF_8);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /**
     * Reads a token into a fresh state and puts its cookies into {@code jar}.
     *
     * @throws IllegalArgumentException when the string is not a resume token of this version
     */
    static PollState read(String token, CookieHandler jar) {
        if (token == null || !token.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an asyncops resume token (expected it to start with '" + PREFIX + "')");
        }
        JsonNode n;
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()).trim());
            n = Json.mapper().readTree(json);
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("The resume token is damaged: " + e.getMessage(), e);
        }
        try {
            PollState s = new PollState();
            s.method = text(n, "method");
            s.originalUri = uri(n, "originalUri");
            s.mode = Mode.valueOf(text(n, "mode"));
            s.pollingUri = uri(n, "pollingUri");
            s.monitorHeader = text(n, "monitorHeader");
            s.locationUri = uri(n, "locationUri");
            s.statusUri = uri(n, "statusUri");
            s.pendingFetch = uri(n, "pendingFetch");
            String via = text(n, "finalStateVia");
            s.finalStateVia = via == null ? null : FinalStateVia.valueOf(via);
            s.classicVersion = text(n, "classicVersion");
            s.status = text(n, "status") == null ? "InProgress" : text(n, "status");
            s.polls = n.path("polls").asInt(0);
            if (s.pollingUri == null && s.mode != Mode.NONE || s.monitorHeader == null) {
                throw new IllegalArgumentException("it names no URL to poll");
            }
            Map<String, List<String>> setCookie = new LinkedHashMap<>();
            n.path("cookies").properties().forEach(e -> {
                URI u = URI.create(e.getKey());
                List<String> values = java.util.Arrays.stream(e.getValue().asText().split(";\\s*"))
                        .filter(c -> c.contains("=")).map(c -> c + "; Path=/").toList();
                setCookie.clear();
                setCookie.put("Set-Cookie", values);
                try {
                    jar.put(u, setCookie);
                } catch (IOException ignored) {
                    // a cookie the jar refuses is lost; the server decides whether that matters
                }
            });
            return s;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("The resume token is not valid: " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode n, String field, URI u) {
        n.put(field, u == null ? null : u.toString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static URI uri(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : URI.create(v);
    }
}
