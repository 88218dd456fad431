package io.asyncops.server;

import io.asyncops.emulator.ResourceType;
import io.asyncops.engine.EngineConfig;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.spi.Plane;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Immutable server configuration. Build with {@link #builder()}; every setter validates its value and names it in
 * the error. Defaults: HTTP on 127.0.0.1:8080, no HTTPS, data in {@code ./asyncops-data} with an embedded H2
 * database there, time scale 1, Retry-After between 1 s and 60 s, request bodies up to 1 MiB, dev tokens; a request's
 * head must arrive within 20 s and its body within 60 s, idle connections close after 120 s, at most 16,384
 * connections per listener.
 */
public final class ServerConfig {
    /** Port value that asks for any free port. */
    public static final int ANY_PORT = 0;

    private final String host;
    private final int httpPort;
    private final Integer httpsPort;
    private final Path dataDir;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final URI publicBaseUrl;
    private final double timeScale;
    private final Duration retryAfterFloor;
    private final Duration retryAfterCeiling;
    private final long maxBodyBytes;
    private final long monitorCacheBytes;
    private final AuthConfig auth;
    private final Path tlsCertificate;
    private final Path tlsKey;
    private final Path tlsKeystore;
    private final char[] tlsKeystorePassword;
    private final List<Plane> planes;
    private final List<ResourceType> resourceTypes;
    private final Clock clock;
    private final Duration shutdownGrace;
    private final Consumer<EngineConfig.Builder> engineCustomizer;
    private final Duration headerTimeout;
    private final Duration bodyTimeout;
    private final Duration idleTimeout;
    private final int maxConnections;
    private final Throttling throttling;
    private final int recentRequests;
    private final Map<String, String> faults;
    private final List<Path> specs;
    private final Path providersConfig;

    private ServerConfig(Builder b) {
        this.throttling = b.throttling;
        this.headerTimeout = b.headerTimeout;
        this.bodyTimeout = b.bodyTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxConnections = b.maxConnections;
        this.host = b.host;
        this.httpPort = b.httpPort;
        this.httpsPort = b.httpsPort;
        this.dataDir = b.dataDir;
        this.jdbcUrl = b.jdbcUrl;
        this.dbUser = b.dbUser;
        this.dbPassword = b.dbPassword;
        this.publicBaseUrl = b.publicBaseUrl;
        this.timeScale = b.timeScale;
        this.retryAfterFloor = b.retryAfterFloor;
        this.retryAfterCeiling = b.retryAfterCeiling;
        this.maxBodyBytes = b.maxBodyBytes;
        this.monitorCacheBytes = b.monitorCacheBytes;
        this.auth = b.auth;
        this.tlsCertificate = b.tlsCertificate;
        this.tlsKey = b.tlsKey;
        this.tlsKeystore = b.tlsKeystore;
        this.tlsKeystorePassword = b.tlsKeystorePassword;
        this.planes = List.copyOf(b.planes);
        this.resourceTypes = List.copyOf(b.resourceTypes);
        this.clock = b.clock;
        this.shutdownGrace = b.shutdownGrace;
        this.engineCustomizer = b.engineCustomizer;
        this.recentRequests = b.recentRequests;
        this.faults = Map.copyOf(b.faults);
        this.specs = List.copyOf(b.specs);
        this.providersConfig = b.providersConfig;
        if (retryAfterFloor.compareTo(retryAfterCeiling) > 0) {
            throw new IllegalArgumentException("retryAfterFloor " + retryAfterFloor + " is above retryAfterCeiling "
                    + retryAfterCeiling);
        }
        if (httpsPort != null && httpsPort != ANY_PORT && httpsPort == httpPort) {
            throw new IllegalArgumentException("httpPort and httpsPort are both " + httpPort);
        }
        if ((tlsCertificate != null || tlsKeystore != null) && httpsPort == null) {
            throw new IllegalArgumentException("a TLS certificate is configured but no httpsPort");
        }
        Set<String> names = new HashSet<>();
        for (Plane plane : planes) {
            if (!names.add(plane.name())) {
                throw new IllegalArgumentException("two planes are named " + plane.name());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the listeners bind to. */
    public String host() {
        return host;
    }

    /** The HTTP port; {@link #ANY_PORT} picks a free one. */
    public int httpPort() {
        return httpPort;
    }

    /** The HTTPS port, empty when HTTPS is off; {@link #ANY_PORT} picks a free one. */
    public Optional<Integer> httpsPort() {
        return Optional.ofNullable(httpsPort);
    }

    /** Where the H2 database, the install secret and the self-signed certificate live. */
    public Path dataDir() {
        return dataDir;
    }

    /** The JDBC URL of an external database (PostgreSQL); empty for H2 in the data dir. */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    public Optional<String> dbUser() {
        return Optional.ofNullable(dbUser);
    }

    public Optional<String> dbPassword() {
        return Optional.ofNullable(dbPassword);
    }

    /** The base of absolute URLs in answers; empty to use each request's scheme and host. */
    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    /** Multiplies every emulated duration (0.1: ten times faster). */
    public double timeScale() {
        return timeScale;
    }

    public Duration retryAfterFloor() {
        return retryAfterFloor;
    }

    public Duration retryAfterCeiling() {
        return retryAfterCeiling;
    }

    /** Largest accepted request body; larger is 413 {@code RequestEntityTooLarge}. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * About how much memory the rendered status monitors may take (0: none kept): a poll of an unchanged operation
     * sends the kept JSON instead of rendering it again. The engine's snapshots are sized apart
     * ({@link EngineConfig.Builder#snapshotCacheBytes}, through {@link Builder#engine}).
     */
    public long monitorCacheBytes() {
        return monitorCacheBytes;
    }

    public AuthConfig auth() {
        return auth;
    }

    /** A configured PEM certificate chain (with {@link #tlsKey()}); empty for a keystore or self-signed. */
    public Optional<Path> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    public Optional<Path> tlsKey() {
        return Optional.ofNullable(tlsKey);
    }

    /** A configured PKCS#12 keystore; empty for PEM or self-signed. */
    public Optional<Path> tlsKeystore() {
        return Optional.ofNullable(tlsKeystore);
    }

    /** The keystore's password (a copy). */
    public char[] tlsKeystorePassword() {
        return tlsKeystorePassword == null ? new char[0] : tlsKeystorePassword.clone();
    }

    /** The planes served, in order. */
    public List<Plane> planes() {
        return planes;
    }

    /** The resource types added with {@link Builder#addResourceType}, served with the planes' own. */
    public List<ResourceType> resourceTypes() {
        return resourceTypes;
    }

    public Clock clock() {
        return clock;
    }

    /** How long a stop waits for requests in flight. */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    /** Applied to the engine's configuration after the server's settings (lease length, workers, node id...). */
    public Consumer<EngineConfig.Builder> engineCustomizer() {
        return engineCustomizer;
    }

    /** How long a request's head may take, from its first byte to the end of its headers; then the connection closes. */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** How long a request's body may take once its headers are in; then the connection closes. */
    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    /** How long a connection may wait for its next request before it is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The most connections each listener holds at once; further clients wait in the accept queue. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The per-subscription request budgets; reported always, enforced only when configured so. */
    public Throttling throttling() {
        return throttling;
    }

    /** How many of the last requests the server keeps for {@link AsyncOpsServer#recentRequests()}; 0: none. */
    public int recentRequests() {
        return recentRequests;
    }

    /** The faults every long-running write of an operation kind is given: kind to error code. */
    public Map<String, String> faults() {
        return faults;
    }

    /** OpenAPI spec files or folders whose resource providers the ARM plane serves too ({@code --spec}). */
    public List<Path> specs() {
        return specs;
    }

    /** The file of durations per resource type and verb of spec-loaded types ({@code --providers-config}). */
    public Optional<Path> providersConfig() {
        return Optional.ofNullable(providersConfig);
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder {
        private Throttling throttling = Throttling.ARM_DEFAULTS;
        private Duration headerTimeout = Duration.ofSeconds(20);
        private Duration bodyTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(120);
        private int maxConnections = 16_384;
        private String host = "127.0.0.1";
        private int httpPort = 8080;
        private Integer httpsPort;
        private Path dataDir = Path.of("asyncops-data");
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private URI publicBaseUrl;
        private double timeScale = 1.0;
        private Duration retryAfterFloor = Duration.ofSeconds(1);
        private Duration retryAfterCeiling = Duration.ofSeconds(60);
        private long maxBodyBytes = 1024 * 1024;
        private long monitorCacheBytes = 16L * 1024 * 1024;
        private AuthConfig auth = AuthConfig.defaults();
        private Path tlsCertificate;
        private Path tlsKey;
        private Path tlsKeystore;
        private char[] tlsKeystorePassword;
        private final List<Plane> planes = new ArrayList<>();
        private final List<ResourceType> resourceTypes = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private Consumer<EngineConfig.Builder> engineCustomizer = b -> { };
        private int recentRequests;
        private final Map<String, String> faults = new LinkedHashMap<>();
        private final List<Path> specs = new ArrayList<>();
        private Path providersConfig;

        private Builder() {
        }

        /** The bind address, e.g. {@code 0.0.0.0} to accept connections from other hosts. */
        public Builder host(String value) {
            Objects.requireNonNull(value, "host == null");
            if (value.isBlank()) {
                throw new IllegalArgumentException("host is blank");
            }
            this.host = value;
            return this;
        }

        public Builder httpPort(int value) {
            this.httpPort = port("httpPort", value);
            return this;
        }

        /** Turns HTTPS on at this port. */
        public Builder httpsPort(int value) {
            this.httpsPort = port("httpsPort", value);
            return this;
        }

        public Builder dataDir(Path value) {
            this.dataDir = Objects.requireNonNull(value, "dataDir == null");
            return this;
        }

        /** Uses an external database (PostgreSQL) instead of H2 in the data dir. */
        public Builder database(String jdbcUrl, String user, String password) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
            if (!jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
            }
            this.jdbcUrl = jdbcUrl;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        public Builder publicBaseUrl(URI value) {
            Objects.requireNonNull(value, "publicBaseUrl == null");
            String scheme = value.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || value.getHost() == null) {
                throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL: " + value);
            }
            if (value.getRawQuery() != null || value.getRawFragment() != null) {
                throw new IllegalArgumentException("publicBaseUrl must have no query or fragment: " + value);
            }
            this.publicBaseUrl = value;
            return this;
        }

        public Builder timeScale(double value) {
            if (!(value > 0) || value > 1000 || Double.isNaN(value)) {
                throw new IllegalArgumentException("timeScale must be in (0, 1000]: " + value);
            }
            this.timeScale = value;
            return this;
        }

        public Builder retryAfterFloor(Duration value) {
            Objects.requireNonNull(value, "retryAfterFloor == null");
            if (value.isNegative() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("retryAfterFloor must be 0..1h: " + value);
            }
            this.retryAfterFloor = value;
            return this;
        }

        public Builder retryAfterCeiling(Duration value) {
            Objects.requireNonNull(value, "retryAfterCeiling == null");
            if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("retryAfterCeiling must be in (0, 1h]: " + value);
            }
            this.retryAfterCeiling = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            if (value < 1024 || value > 1024L * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be 1 KiB..1 GiB: " + value);
            }
            this.maxBodyBytes = value;
            return this;
        }

        /** Memory for rendered status monitors, 0 (none kept) to 16 GiB; default 16 MiB. */
        public Builder monitorCacheBytes(long value) {
            if (value < 0 || value > 16L * 1024 * 1024 * 1024) {
                throw new IllegalArgumentException("monitorCacheBytes must be 0..16 GiB: " + value);
            }
            this.monitorCacheBytes = value;
            return this;
        }

        public Builder auth(AuthConfig value) {
            this.auth = Objects.requireNonNull(value, "auth == null");
            return this;
        }

        /** Serves HTTPS with this PEM certificate chain and PEM private key instead of a self-signed one. */
        public Builder tlsPem(Path certificate, Path key) {
            this.tlsCertificate = Objects.requireNonNull(certificate, "tls certificate == null");
            this.tlsKey = Objects.requireNonNull(key, "tls key == null");
            this.tlsKeystore = null;
            return this;
        }

        /** Serves HTTPS with the key entry of this PKCS#12 keystore instead of a self-signed certificate. */
        public Builder tlsKeystore(Path keystore, char[] password) {
            this.tlsKeystore = Objects.requireNonNull(keystore, "tls keystore == null");
            this.tlsKeystorePassword = Objects.requireNonNull(password, "tls keystore password == null").clone();
            this.tlsCertificate = null;
            this.tlsKey = null;
            return this;
        }

        public Builder addPlane(Plane plane) {
            this.planes.add(Objects.requireNonNull(plane, "plane == null"));
            return this;
        }

        public Builder planes(List<? extends Plane> value) {
            Objects.requireNonNull(value, "planes == null");
            this.planes.clear();
            value.forEach(this::addPlane);
            return this;
        }

        /**
         * Serves a resource type of your own (a custom provider) on the generic ARM route, with the same protocol as
         * the built-in ones; resource groups come with it.
         */
        public Builder addResourceType(ResourceType type) {
            this.resourceTypes.add(Objects.requireNonNull(type, "type == null"));
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock == null");
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            Objects.requireNonNull(value, "shutdownGrace == null");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("shutdownGrace must be 0..5 minutes: " + value);
            }
            this.shutdownGrace = value;
            return this;
        }

        /** Per-subscription budgets (default: ARM's, reported but not enforced). */
        public Builder throttling(Throttling value) {
            this.throttling = Objects.requireNonNull(value, "throttling == null");
            return this;
        }

        /** How long a request's head may take (slowloris defence); 100 ms to 10 minutes, default 20 s. */
        public Builder headerTimeout(Duration value) {
            this.headerTimeout = timeout("headerTimeout", value);
            return this;
        }

        /** How long a request's body may take once its headers are in; 100 ms to 10 minutes, default 60 s. */
        public Builder bodyTimeout(Duration value) {
            this.bodyTimeout = timeout("bodyTimeout", value);
            return this;
        }

        /** How long an idle connection is kept; 100 ms to 10 minutes, default 120 s. */
        public Builder idleTimeout(Duration value) {
            this.idleTimeout = timeout("idleTimeout", value);
            return this;
        }

        /** The most connections per listener; 1 to 1,000,000, default 16,384. */
        public Builder maxConnections(int value) {
            if (value < 1 || value > 1_000_000) {
                throw new IllegalArgumentException("maxConnections must be 1..1000000: " + value);
            }
            this.maxConnections = value;
            return this;
        }

        private static Duration timeout(String name, Duration value) {
            Objects.requireNonNull(value, name + " == null");
            if (value.compareTo(Duration.ofMillis(100)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(name + " must be 100 ms..10 minutes: " + value);
            }
            return value;
        }

        /** Adjusts the engine's configuration (lease length, workers, node id, retention...). */
        public Builder engine(Consumer<EngineConfig.Builder> value) {
            this.engineCustomizer = Objects.requireNonNull(value, "engine customizer == null");
            return this;
        }

        /**
         * Keeps the last {@code value} requests (method, path, status, time, ids; no bodies or headers) for
         * {@link AsyncOpsServer#recentRequests()}: what a failed test shows. 0 (the default) keeps none.
         */
        public Builder recentRequests(int value) {
            if (value < 0 || value > 10_000) {
                throw new IllegalArgumentException("recentRequests must be 0..10000: " + value);
            }
            this.recentRequests = value;
            return this;
        }

        /**
         * Makes every long-running write of operation kind {@code kind} (e.g.
         * {@code Microsoft.Sql/servers/databases/write}) run half way and end Failed with {@code code}, as if its
         * request carried the {@code asyncops-fault} tag. Checked when the server starts.
         */
        public Builder fault(String kind, String code) {
            this.faults.put(Objects.requireNonNull(kind, "fault kind == null"),
                    Objects.requireNonNull(code, "fault code == null"));
            return this;
        }

        /** Also serves the resource providers an azure-rest-api-specs file or folder describes (repeatable). */
        public Builder addSpec(Path value) {
            this.specs.add(Objects.requireNonNull(value, "spec == null"));
            return this;
        }

        /** Durations per resource type and verb of spec-loaded types (a JSON file). */
        public Builder providersConfig(Path value) {
            this.providersConfig = Objects.requireNonNull(value, "providersConfig == null");
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }

        private static int port(String name, int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(name + " must be 0..65535: " + value);
            }
            return value;
        }
    }
}
