package io.asyncops.cli.demo;

import io.asyncops.server.Planes;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asyncops demo}: starts an embedded server, mints a token, and walks through the seed's flow over real HTTP
 * (a resource group, then a logical SQL server and a database, each {@code 202 Accepted} with its three headers and
 * polled until {@code Succeeded}), then reads the resources back. Needs no input; exits 0 when every step did what
 * it should, 1 otherwise.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Shows long-running operations on the wire, on an embedded server (the main job).",
                "Creates a resource group, a SQL server and a database, and prints each 202 with its",
                "Azure-AsyncOperation, Location and Retry-After, then every poll until Succeeded."})
public final class DemoCommand implements Callable<Integer> {
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "Where the embedded server keeps its H2 database (default: a temporary directory, removed after).")
    Path dataDir;

    @Option(names = "--time-scale", paramLabel = "<factor>", defaultValue = "0.25",
            description = "Multiplies every emulated duration (default: ${DEFAULT-VALUE}, so the demo takes about half a minute; 1 is Azure-like).")
    double timeScale;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "0",
            description = "HTTP port of the embedded server (default: any free port).")
    int port;

    @Option(names = "--verbose", description = "Also show the embedded server's logs (on stderr).")
    boolean verbose;

    @Option(names = "--location", paramLabel = "<region>", defaultValue = "westus",
            description = "Azure region of the resources (default: ${DEFAULT-VALUE}).")
    String location;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(timeScale > 0) || timeScale > 1000) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be above 0 and at most 1000: " + timeScale);
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535: " + port);
        }
        if (!verbose) {
            quietServerLogs();
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("asyncops-demo-") : dataDir;
        ServerConfig config = ServerConfig.builder()
                .httpPort(port)
                .dataDir(dir)
                .timeScale(timeScale)
                .planes(Planes.all())
                .build();
        try (AsyncOpsServer server = AsyncOpsServer.start(config)) {
            String token = TokenMinter.forDataDir(dir).mint("demo", List.of(SUBSCRIPTION), Duration.ofHours(1));
            URI base = server.httpUri();
            out.println("asyncops demo: Azure-style long-running operations, as the blog post \"Monitoring Async"
                    + " Operations in Postman\" shows them");
            out.printf("  embedded server  %s (H2 database in %s, time scale %s)%n", base, dir, timeScale);
            out.printf("  subscription     %s (a bearer token was minted for it with the install's secret)%n",
                    SUBSCRIPTION);
            String suffix = UUID.randomUUID().toString().substring(0, 6);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            new DemoFlow(http, base, token, SUBSCRIPTION, out)
                    .run("demo-rg", "demo-sql-" + suffix, "demo-db", location);
            return 0;
        } catch (DemoFlow.DemoException e) {
            spec.commandLine().getErr().println("demo failed: " + e.getMessage());
            return 1;
        } finally {
            if (temporary) {
                deleteQuietly(dir);
            }
        }
    }

    /** JUL loggers are held weakly by their manager: keep the one we configure. */
    private static final java.util.logging.Logger HELIDON = java.util.logging.Logger.getLogger("io.helidon");

    /** The transcript is the demo's output; the embedded server's access and start logs would only interleave with it. */
    private static void quietServerLogs() {
        HELIDON.setLevel(java.util.logging.Level.WARNING);
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
