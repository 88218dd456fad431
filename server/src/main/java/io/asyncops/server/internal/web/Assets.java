package io.asyncops.server.internal.web;

import io.asyncops.server.spi.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files served from the classpath under fixed names (the console's page and scripts, the API viewer). Rule: only
 * the names given at construction are served, so no request path reaches the classpath; each file is read once and
 * kept (they are small and never change while the server runs).
 */
public final class Assets {
    private final Map<String, Asset> byName;
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final String securityPolicy;

    /** A file: where it is on the classpath and its content type. */
    public record Asset(String resource, String contentType) {
        public Asset {
            Objects.requireNonNull(resource, "resource == null");
            Objects.requireNonNull(contentType, "contentType == null");
        }
    }

    /**
     * @param byName         the served names and their files
     * @param securityPolicy the {@code Content-Security-Policy} sent with each file
     */
    public Assets(Map<String, Asset> byName, String securityPolicy) {
        this.byName = Map.copyOf(byName);
        this.securityPolicy = securityPolicy;
    }

    /** Whether {@code name} is served. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /**
     * Sends the file served as {@code name}.
     *
     * @throws ApiException 404 when no file is served under that name
     */
    public void send(String name, ServerResponse res) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new ApiException(404, "NotFound", "There is no file named '" + name + "'.");
        }
        byte[] body = bytes.computeIfAbsent(name, n -> read(asset.resource()));
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("Content-Security-Policy"), securityPolicy);
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.send(body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
