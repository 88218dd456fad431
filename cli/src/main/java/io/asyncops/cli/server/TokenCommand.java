package io.asyncops.cli.server;

import io.asyncops.server.auth.TokenMinter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code asyncops token}: prints a dev bearer token for the install at the data dir, and nothing else, on stdout. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a dev bearer token (HS256, signed with the install's secret) on stdout.")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subscription", required = true, paramLabel = "<id>",
            description = "A subscription the token grants (repeat for more; * grants all).")
    List<String> subscriptions;

    @Option(names = "--ttl", defaultValue = "1h", converter = DurationConverter.class, paramLabel = "<duration>",
            description = "How long the token is valid (default ${DEFAULT-VALUE}; e.g. 30m, 12h, 7d).")
    Duration ttl;

    @Option(names = "--data-dir", defaultValue = "asyncops-data", paramLabel = "<dir>",
            description = "The install's data directory, where its secret lives (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--subject", defaultValue = "dev", paramLabel = "<name>",
            description = "The token's subject (default ${DEFAULT-VALUE}).")
    String subject;

    @Override
    public Integer call() {
        String token;
        try {
            token = TokenMinter.forDataDir(dataDir).mint(subject, subscriptions, ttl);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("asyncops token: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
