package io.asyncops.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port (JDK {@code HttpServer}) that answers each route from a script and
 * records every request, with its arrival time, for the assertions.
 */
public final class ScriptedServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    /** Answers the n-th request (1-based) to one route. */
    @FunctionalInterface
    public interface Responder {
        Reply reply(Recorded request, int nth);
    }

    /** A request as received. Header names are lower case. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body, long nanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer; {@code drop} closes the connection without one. */
    public record Reply(int status, Map<String, String> headers, String body, boolean drop) {
        public static Reply of(int status) {
            return new Reply(status, Map.of(), "", false);
        }

        public static Reply json(int status, String body, String... headerPairs) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/json; charset=utf-8");
            for (int i = 0; i < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, h, body, false);
        }

        public static Reply xml(int status, String body, String... headerPairs) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/xml");
            for (int i = 0; i < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, h, body, false);
        }

        public static Reply headers(int status, String... headerPairs) {
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, h, "", false);
        }

        public static Reply dropConnection() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    private ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static ScriptedServer start() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scripts a route: a method and a path (without query). */
    public ScriptedServer on(String method, String path, Responder responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    /** {@code http://localhost:port/path}. */
    public URI url(String pathAndQuery) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The same server under another host name ({@code 127.0.0.1}): another origin. */
    public URI otherOriginUrl(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String path) {
        List<Recorded> out = new ArrayList<>();
        for (Recorded r : requests) {
            if (r.method().equals(method) && r.path().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Recorded r = new Recorded(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body,
                    System.nanoTime());
            requests.add(r);
            String key = r.method() + " " + r.path();
            Responder responder = routes.get(key);
            Reply reply = responder == null
                    ? Reply.json(404, "{\"error\":{\"code\":\"NotScripted\",\"message\":\"" + key + "\"}}")
                    : responder.reply(r, counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet());
            if (reply.drop()) {
                return;
            }
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.status() == 204 || bytes.length == 0) {
                ex.sendResponseHeaders(reply.status(), -1);
            } else {
                ex.sendResponseHeaders(reply.status(), bytes.length);
                ex.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
