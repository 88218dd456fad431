package io.asyncops.testing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import io.asyncops.emulator.ResourceType;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.Planes;
import io.asyncops.server.RecentRequest;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.testing.internal.DevCredential;
import io.asyncops.testing.internal.Folders;
import io.asyncops.testing.internal.QuietHelidon;
import io.asyncops.testing.internal.Report;
import io.asyncops.testing.internal.SdkHttpClient;
import io.asyncops.testing.internal.Trust;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A running in-process emulator: the real asyncops server (ARM and classic planes, the durable engine) on free
 * ports of this JVM, and what a test needs to talk to it. Start one with {@link AsyncOps#emulator()}; close it when
 * the test is done: {@link #close()} stops the server and deletes its temporary data, leaving no thread, port or
 * file behind. Thread-safe.
 *
 * <p>Rule: two emulators share nothing. Each has its own ports, data folder, signing secret (a token of one is
 * refused by the other) and, unless told otherwise, its own random subscription.
 */
public final class AsyncOpsEmulator implements AutoCloseable {
    private static final Duration TOKEN_TTL = DevCredential.TTL;

    private final AsyncOpsServer server;
    private final URI baseUrl;
    private final URI tlsBaseUrl;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final List<String> subscriptions;
    private final String tenantId = UUID.randomUUID().toString();
    private final TokenMinter minter;
    private final SSLContext ssl;
    private final EmulatorOperations operations;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private SdkHttpClient sdkHttpClient;

    private AsyncOpsEmulator(AsyncOpsServer server, Path dataDir, boolean ownsDataDir, List<String> subscriptions) {
        this.server = server;
        // kept: after close, the server no longer knows its ports, and a test may still want to print them
        this.baseUrl = server.httpUri();
        this.tlsBaseUrl = server.httpsUri().orElse(null);
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.subscriptions = List.copyOf(subscriptions);
        this.minter = TokenMinter.forDataDir(dataDir);
        this.ssl = server.selfSignedCertificate().map(Trust::trusting).orElse(null);
        this.operations = new EmulatorOperations(server.engine());
    }

    /**
     * The plain HTTP listener's address.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The HTTPS listener's address; it serves the emulator's self-signed certificate (trusted by
     * {@link #httpClient()} and {@link #sslContext()}). The Azure SDK sends tokens over HTTPS only.
     *
     * @return {@code https://localhost:<port>}
     * @throws IllegalStateException when the emulator was started with {@code tls(false)}
     */
    public URI tlsBaseUrl() {
        if (tlsBaseUrl == null) {
            throw new IllegalStateException("TLS is off: start the emulator with tls(true) (the default)");
        }
        return tlsBaseUrl;
    }

    /**
     * The default subscription: what {@link #token(String...)}, {@link #credential(String...)} and
     * {@link #azureProfile()} use when given none.
     *
     * @return the first subscription the builder was given, else a random one made at start
     */
    public String subscription() {
        return subscriptions.get(0);
    }

    /**
     * Every subscription made at start.
     *
     * @return the subscriptions, the default one first
     */
    public List<String> subscriptions() {
        return subscriptions;
    }

    /**
     * The tenant of {@link #azureProfile()}.
     *
     * @return a random tenant id, made at start
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * A dev bearer token, valid for an hour, granting {@code subscriptions}; with none, the default subscription.
     * Anything under another subscription answers {@code 404}, as Azure does.
     *
     * @param subscriptions the subscriptions it grants; none for {@link #subscription()}
     * @return the token, for an {@code Authorization: Bearer} header
     */
    public String token(String... subscriptions) {
        return minter.mint("asyncops-test", granted(subscriptions), TOKEN_TTL);
    }

    /**
     * An azure-core credential whose tokens grant {@code subscriptions} (none: the default subscription); pass it to
     * any Azure SDK client's {@code authenticate} or {@code credential}.
     *
     * @param subscriptions the subscriptions its tokens grant; none for {@link #subscription()}
     * @return a credential minting the emulator's dev tokens
     */
    public TokenCredential credential(String... subscriptions) {
        List<String> granted = granted(subscriptions);
        return new DevCredential(subs -> minter.mint("asyncops-test", subs, TOKEN_TTL), granted);
    }

    /**
     * The azure-core HTTP client for this emulator: azure-core's JDK transport, trusting the emulator's certificate
     * (and nothing else), never through a proxy. One per emulator, closed with it.
     *
     * @return the client, for an Azure SDK builder's {@code httpClient} or {@code withHttpClient}
     */
    public synchronized HttpClient httpClient() {
        checkOpen();
        if (sdkHttpClient == null) {
            sdkHttpClient = new SdkHttpClient(ssl);
        }
        return sdkHttpClient.client();
    }

    /**
     * A TLS context that trusts the emulator's certificate and nothing else, for {@code java.net.http} or any other
     * client.
     *
     * @return the context, shared by every caller
     * @throws IllegalStateException when TLS is off
     */
    public SSLContext sslContext() {
        if (ssl == null) {
            throw new IllegalStateException("TLS is off: start the emulator with tls(true) (the default)");
        }
        return ssl;
    }

    /**
     * The emulator's self-signed certificate, e.g. for {@code curl --cacert}.
     *
     * @return the PEM file in the data folder
     * @throws IllegalStateException when TLS is off
     */
    public Path certificate() {
        return server.selfSignedCertificate().orElseThrow(() -> new IllegalStateException("TLS is off"));
    }

    /**
     * Azure pointed at the emulator: an environment whose Resource Manager endpoint is {@link #tlsBaseUrl()} (or
     * {@link #baseUrl()} without TLS), with the default subscription and {@link #tenantId()}. So that
     * {@code SqlServerManager.configure().withHttpClient(emu.httpClient()).authenticate(emu.credential(),
     * emu.azureProfile())} talks to the emulator as it would to Azure.
     *
     * @return a profile for the default subscription
     */
    public AzureProfile azureProfile() {
        return new AzureProfile(tenantId, subscription(), azureEnvironment());
    }

    /**
     * The Azure cloud description of the emulator: Azure's public cloud with the Resource Manager and management
     * endpoints (and the token audience) replaced by the emulator's base URL.
     *
     * @return a new environment
     */
    public AzureEnvironment azureEnvironment() {
        String base = (ssl != null ? tlsBaseUrl() : baseUrl()) + "/";
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base);
        endpoints.put("managementEndpointUrl", base);
        endpoints.put("activeDirectoryResourceId", base);
        return new AzureEnvironment(endpoints);
    }

    /**
     * The emulator's operations: list them, find one by id or URL, await its end, cancel it.
     *
     * @return the view of the emulator's engine
     */
    public EmulatorOperations operations() {
        return operations;
    }

    /**
     * The last requests the emulator answered since it started or was reset.
     *
     * @return at most the builder's {@code recentRequests} of them, oldest first
     */
    public List<RecentRequest> recentRequests() {
        return server.recentRequests();
    }

    /**
     * What a failed test prints: the emulator's address, its recent requests and its newest operations, one per
     * line.
     *
     * @return a multi-line report
     */
    public String report() {
        return Report.of(this, 50);
    }

    /**
     * Forgets everything requests created (resources, operations, idempotency keys, recent requests) in one
     * transaction, keeping tokens and credentials valid: a clean emulator for the next test in milliseconds.
     * Handlers still running stop without writing anything more.
     */
    public void reset() {
        checkOpen();
        server.reset();
    }

    /**
     * The server behind the emulator, for what this handle does not offer (its engine, data source, metrics).
     *
     * @return the running server
     */
    public AsyncOpsServer server() {
        return server;
    }

    /**
     * The data folder: the H2 database, the token signing secret, the certificate.
     *
     * @return a temporary folder (deleted by {@link #close()}), unless the builder named one
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops the server (its ports close, running operations stop), closes {@link #httpClient()}, and deletes the
     * data folder when it was temporary. Idempotent.
     */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            server.close();
        } finally {
            synchronized (this) {
                if (sdkHttpClient != null) {
                    sdkHttpClient.close();
                }
            }
            if (ownsDataDir) {
                Folders.delete(dataDir);
            }
        }
    }

    @Override
    public String toString() {
        return "asyncops emulator at " + baseUrl() + (ssl != null ? " and " + tlsBaseUrl() : "")
                + ", subscription " + subscription();
    }

    private List<String> granted(String... subscriptions) {
        Objects.requireNonNull(subscriptions, "subscriptions == null");
        if (subscriptions.length == 0) {
            return List.of(subscription());
        }
        for (String s : subscriptions) {
            Builder.checkSubscription(s);
        }
        return List.of(subscriptions);
    }

    private void checkOpen() {
        if (!open.get()) {
            throw new IllegalStateException("the emulator is closed");
        }
    }

    /**
     * Configures and starts an emulator; from {@link AsyncOps#emulator()}. Every setter checks its value and names
     * it in the error. Defaults: HTTP and HTTPS on free ports of 127.0.0.1, H2 in a temporary folder, time scale
     * 0.01, one random subscription, the last 200 requests kept.
     */
    public static final class Builder {
        private int httpPort = ServerConfig.ANY_PORT;
        private int httpsPort = ServerConfig.ANY_PORT;
        private boolean tls = true;
        private Path dataDir;
        private String jdbcUrl;
        private String dbUser;
        private String dbPassword;
        private double timeScale = 0.01;
        private final LinkedHashSet<String> subscriptions = new LinkedHashSet<>();
        private int recentRequests = 200;
        private final Map<String, String> faults = new java.util.LinkedHashMap<>();
        private final List<ResourceType> resourceTypes = new ArrayList<>();
        private final List<Path> specs = new ArrayList<>();
        private final List<Consumer<ServerConfig.Builder>> serverSettings = new ArrayList<>();

        Builder() {
        }

        /**
         * The HTTP port.
         *
         * @param value 0 (the default) for a free one, else 1..65535
         * @return this builder
         */
        public Builder httpPort(int value) {
            this.httpPort = port("httpPort", value);
            return this;
        }

        /**
         * The HTTPS port, when TLS is on.
         *
         * @param value 0 (the default) for a free one, else 1..65535
         * @return this builder
         */
        public Builder httpsPort(int value) {
            this.httpsPort = port("httpsPort", value);
            return this;
        }

        /**
         * Serves HTTPS with a self-signed certificate made in the data folder (on by default). The Azure SDK sends
         * tokens over HTTPS only.
         *
         * @param value false for plain HTTP only
         * @return this builder
         */
        public Builder tls(boolean value) {
            this.tls = value;
            return this;
        }

        /**
         * Keeps the data (H2 database, signing secret, certificate) in this folder, which {@link #close()} leaves in
         * place; by default a temporary folder, deleted at close.
         *
         * @param value the folder, created if missing
         * @return this builder
         */
        public Builder dataDir(Path value) {
            this.dataDir = Objects.requireNonNull(value, "dataDir == null");
            return this;
        }

        /**
         * Uses this PostgreSQL database instead of H2 (the data folder still holds the secret and certificate). It
         * should be the emulator's own: {@link AsyncOpsEmulator#reset()} empties it.
         *
         * @param jdbcUrl  {@code jdbc:postgresql://...}
         * @param user     the user, may be null
         * @param password the password, may be null
         * @return this builder
         */
        public Builder postgres(String jdbcUrl, String user, String password) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
            this.jdbcUrl = jdbcUrl;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        /**
         * Uses H2 in the data folder (the default).
         *
         * @return this builder
         */
        public Builder h2() {
            this.jdbcUrl = null;
            this.dbUser = null;
            this.dbPassword = null;
            return this;
        }

        /**
         * Multiplies every emulated duration: 1 is Azure-like (a SQL server create takes about 45 s), the default
         * 0.01 makes it about half a second.
         *
         * @param value in (0, 1000]
         * @return this builder
         */
        public Builder timeScale(double value) {
            if (!(value > 0) || value > 1000) {
                throw new IllegalArgumentException("timeScale must be in (0, 1000]: " + value);
            }
            this.timeScale = value;
            return this;
        }

        /**
         * The subscriptions made at start; the first becomes the default one ({@link #subscription()}). Without
         * any, one random subscription is made.
         *
         * @param values subscription ids (GUIDs, as Azure's; any name of up to 64 letters, digits, dashes)
         * @return this builder
         */
        public Builder subscriptions(String... values) {
            Objects.requireNonNull(values, "subscriptions == null");
            for (String v : values) {
                subscriptions.add(checkSubscription(v));
            }
            return this;
        }

        /**
         * Makes every long-running write of an operation kind fail, as if each request carried the
         * {@code asyncops-fault} tag: accepted ({@code 202}), it runs half way, then ends {@code Failed} with
         * {@code code}, and the Azure SDK raises it. For code under test that cannot add the tag itself.
         *
         * @param kind the operation kind, {@code {resource type}/write}, e.g.
         *             {@code Microsoft.Sql/servers/databases/write}
         * @param code the error code, e.g. {@code QuotaExceeded}
         * @return this builder
         */
        public Builder fault(String kind, String code) {
            Objects.requireNonNull(kind, "kind == null");
            Objects.requireNonNull(code, "code == null");
            if (!kind.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+")) {
                throw new IllegalArgumentException("a fault's kind is {resource type}/write, e.g. "
                        + "Microsoft.Sql/servers/write: " + kind);
            }
            if (!code.matches("[A-Za-z][A-Za-z0-9._-]{0,127}")) {
                throw new IllegalArgumentException("a fault's code is a letter, then letters, digits, '.', '_' or "
                        + "'-': " + code);
            }
            faults.put(kind, code);
            return this;
        }

        /**
         * Serves resource types of your own (custom providers, described with
         * {@link ResourceType#builder(String, String)}) next to the built-in ones, with the same protocol.
         *
         * @param types the types
         * @return this builder
         */
        public Builder resourceTypes(ResourceType... types) {
            for (ResourceType t : Objects.requireNonNull(types, "types == null")) {
                resourceTypes.add(Objects.requireNonNull(t, "resource type == null"));
            }
            return this;
        }

        /**
         * Also serves the resource providers that Azure OpenAPI specs describe (azure-rest-api-specs files or
         * folders), as {@code asyncops serve --spec} does.
         *
         * @param values spec files or folders
         * @return this builder
         */
        public Builder specs(Path... values) {
            for (Path p : Objects.requireNonNull(values, "specs == null")) {
                specs.add(Objects.requireNonNull(p, "spec == null"));
            }
            return this;
        }

        /**
         * How many of the last requests the emulator keeps for {@link #recentRequests()} and {@link #report()}.
         *
         * @param value 0..10000 (default 200)
         * @return this builder
         */
        public Builder recentRequests(int value) {
            if (value < 0 || value > 10_000) {
                throw new IllegalArgumentException("recentRequests must be 0..10000: " + value);
            }
            this.recentRequests = value;
            return this;
        }

        /**
         * Adjusts the server's configuration after the emulator's own settings: anything {@link ServerConfig}
         * offers (Retry-After bounds, body limits, extra planes, token rules...). Applied in the order given.
         *
         * @param settings changes to the server's configuration builder
         * @return this builder
         */
        public Builder server(Consumer<ServerConfig.Builder> settings) {
            serverSettings.add(Objects.requireNonNull(settings, "server settings == null"));
            return this;
        }

        /**
         * Starts the emulator through the server's own start-up ({@link AsyncOpsServer#start(ServerConfig)}) and
         * returns once it accepts connections.
         *
         * @return the running emulator; close it when done
         * @throws IllegalStateException when a port is taken or the database cannot be opened
         */
        public AsyncOpsEmulator start() {
            QuietHelidon.apply();
            boolean owns = dataDir == null;
            Path dir = owns ? Folders.temporary() : dataDir;
            try {
                ServerConfig.Builder b = ServerConfig.builder()
                        .host("127.0.0.1")
                        .httpPort(httpPort)
                        .dataDir(dir)
                        .timeScale(timeScale)
                        .recentRequests(recentRequests)
                        // a test is over when it closes the emulator: requests still in flight do not hold it
                        .shutdownGrace(Duration.ofMillis(500))
                        .planes(Planes.all());
                if (tls) {
                    b.httpsPort(httpsPort);
                }
                if (jdbcUrl != null) {
                    b.database(jdbcUrl, dbUser, dbPassword);
                }
                faults.forEach(b::fault);
                resourceTypes.forEach(b::addResourceType);
                specs.forEach(b::addSpec);
                serverSettings.forEach(s -> s.accept(b));
                List<String> subs = subscriptions.isEmpty() ? List.of(UUID.randomUUID().toString())
                        : List.copyOf(subscriptions);
                AsyncOpsServer server = AsyncOpsServer.start(b.build());
                try {
                    return new AsyncOpsEmulator(server, dir, owns, subs);
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                if (owns) {
                    Folders.delete(dir);
                }
                throw e;
            }
        }

        static String checkSubscription(String value) {
            Objects.requireNonNull(value, "subscription == null");
            if (!value.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IllegalArgumentException("a subscription id is 1..64 letters, digits or dashes: " + value);
            }
            return value;
        }

        private static int port(String name, int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(name + " must be 0..65535: " + value);
            }
            return value;
        }
    }
}
