package io.asyncops.cli.server;

import io.asyncops.server.Planes;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.AuthConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code asyncops serve}: runs the server until SIGTERM or Ctrl-C, then shuts down gracefully (requests in flight
 * finish within the grace period; running operations resume on the next start or on another node).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the asyncops server (ARM and classic planes, status monitors, health, metrics).",
                "Ready when /health/ready answers 200."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<port>",
            description = "HTTP port (0 picks a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-port", paramLabel = "<port>",
            description = "HTTPS port (0 picks a free one); HTTPS is off without it.")
    Integer tlsPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<address>",
            description = "Address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--data-dir", defaultValue = "asyncops-data", paramLabel = "<dir>",
            description = "Data directory: H2 database, token secret, self-signed certificate (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "<jdbc-url>",
            description = "JDBC URL of a PostgreSQL database shared by several nodes (default: H2 in the data dir).")
    String db;

    @Option(names = "--db-user", paramLabel = "<user>", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>",
            description = "Database password (or set ASYNCOPS_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--time-scale", defaultValue = "1", paramLabel = "<factor>",
            description = "Multiplies emulated provisioning times (0.1 = ten times faster; default ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--public-url", paramLabel = "<url>",
            description = "Base of the absolute URLs in answers (default: the request's scheme and Host).")
    URI publicUrl;

    @Option(names = "--retry-after-floor", defaultValue = "1s", converter = DurationConverter.class,
            paramLabel = "<duration>", description = "Smallest Retry-After advised (default ${DEFAULT-VALUE}).")
    Duration retryAfterFloor;

    @Option(names = "--retry-after-ceiling", defaultValue = "60s", converter = DurationConverter.class,
            paramLabel = "<duration>", description = "Largest Retry-After advised (default ${DEFAULT-VALUE}).")
    Duration retryAfterCeiling;

    @Option(names = "--max-body-bytes", defaultValue = "1048576", paramLabel = "<bytes>",
            description = "Largest request body; larger is 413 (default ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--jwks", paramLabel = "<file-or-url>",
            description = "Verify RS256/ES256 tokens against this JWKS file or http(s) URL (needs --issuer, --audience).")
    String jwks;

    @Option(names = "--issuer", paramLabel = "<iss>", description = "Accepted issuer of JWKS tokens (repeatable).")
    List<String> issuers = List.of();

    @Option(names = "--audience", paramLabel = "<aud>", description = "Accepted audience of JWKS tokens (repeatable).")
    List<String> audiences = List.of();

    @Option(names = "--grant", paramLabel = "<subject>=<sub>[,<sub>...]",
            description = "Grant a token subject subscriptions beyond its claim (repeatable; * grants all).")
    Map<String, String> grants = Map.of();

    @Option(names = "--no-dev-tokens", description = "Refuse HS256 dev tokens (use with --jwks).")
    boolean noDevTokens;

    @Option(names = "--tls-cert", paramLabel = "<pem>", description = "PEM certificate chain for HTTPS (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "<pem>", description = "PEM private key for HTTPS.")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "<p12>", description = "PKCS#12 keystore for HTTPS.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", paramLabel = "<password>", description = "The keystore's password.")
    String tlsKeystorePassword;

    @Option(names = "--lease", converter = DurationConverter.class, paramLabel = "<duration>",
            description = "Worker lease: how soon another node (or a restart) resumes a dead node's operations "
                    + "(default 30s).")
    Duration lease;

    @Option(names = "--spec", paramLabel = "<file-or-folder>",
            description = "Also serve the resource providers of these azure-rest-api-specs OpenAPI files (a folder is"
                    + " searched recursively, its examples/ skipped). Repeatable.")
    List<Path> specs = new ArrayList<>();

    @Option(names = "--providers-config", paramLabel = "<file>",
            description = "JSON durations of spec-loaded types' long-running verbs, per type and verb, e.g."
                    + " {\"Microsoft.Storage/storageAccounts\": {\"PUT\": \"45s\"}} (scaled by --time-scale).")
    Path providersConfig;

    @Option(names = "--node-id", paramLabel = "<name>", description = "This node's name in leases and logs.")
    String nodeId;

    @Option(names = "--log-format", defaultValue = "text", paramLabel = "<format>",
            description = "Logs on stderr as text or json (one JSON object a line, request ids and operation facts"
                    + " as fields; default ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    @Override
    public Integer call() throws InterruptedException {
        logFormat.apply();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("asyncops serve: " + e.getMessage());
            return 2;
        }
        AsyncOpsServer server;
        try {
            server = AsyncOpsServer.start(config);
        } catch (RuntimeException e) {
            err.println("asyncops serve: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "asyncops-shutdown"));
        out.println("asyncops is serving");
        out.println("  http:  " + server.httpUri());
        server.httpsUri().ifPresent(u -> out.println("  https: " + u));
        server.selfSignedCertificate().ifPresent(c -> out.println("  certificate (self-signed; trust it, e.g. "
                + "curl --cacert " + c + "): " + c));
        out.println("  data:  " + dataDir + (db == null ? " (H2 database inside)" : " (database " + redact(db) + ")"));
        out.println("  ready: " + server.httpUri() + "/health/ready   metrics: " + server.httpUri() + "/metrics");
        out.println("Mint a token:  bin/asyncops token --data-dir " + dataDir
                + " --subscription 00000000-0000-0000-0000-000000000000");
        out.flush();
        stopped.await();
        return 0;
    }

    ServerConfig config() {
        ServerConfig.Builder b = ServerConfig.builder()
                .host(host)
                .httpPort(port)
                .dataDir(dataDir)
                .timeScale(timeScale)
                .retryAfterFloor(retryAfterFloor)
                .retryAfterCeiling(retryAfterCeiling)
                .maxBodyBytes(maxBodyBytes)
                .auth(auth())
                .planes(Planes.all());
        if (tlsPort != null) {
            b.httpsPort(tlsPort);
        }
        specs.forEach(b::addSpec);
        if (providersConfig != null) {
            b.providersConfig(providersConfig);
        }
        if (db != null) {
            String password = dbPassword != null ? dbPassword : System.getenv("ASYNCOPS_DB_PASSWORD");
            b.database(db, dbUser, password);
        }
        if (publicUrl != null) {
            b.publicBaseUrl(publicUrl);
        }
        if (tlsCert != null || tlsKey != null) {
            if (tlsCert == null || tlsKey == null) {
                throw new IllegalArgumentException("--tls-cert and --tls-key go together");
            }
            b.tlsPem(tlsCert, tlsKey);
        }
        if (tlsKeystore != null) {
            b.tlsKeystore(tlsKeystore, tlsKeystorePassword == null ? new char[0] : tlsKeystorePassword.toCharArray());
        }
        if (lease != null || nodeId != null) {
            b.engine(e -> {
                if (lease != null) {
                    e.leaseDuration(lease);
                }
                if (nodeId != null) {
                    e.nodeId(nodeId);
                }
            });
        }
        return b.build();
    }

    private AuthConfig auth() {
        AuthConfig.Builder a = AuthConfig.builder().devTokens(!noDevTokens);
        if (jwks != null) {
            if (jwks.startsWith("http://") || jwks.startsWith("https://")) {
                a.jwksUrl(URI.create(jwks));
            } else {
                a.jwksFile(Path.of(jwks));
            }
        }
        issuers.forEach(a::issuer);
        audiences.forEach(a::audience);
        grants.forEach((subject, subs) -> a.grant(subject,
                new LinkedHashSet<>(Arrays.stream(subs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())));
        return a.build();
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

}
