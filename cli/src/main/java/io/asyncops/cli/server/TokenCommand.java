package io.asyncops.cli.server;

import io.asyncops.cli.identity.DatabaseOptions;
import io.asyncops.server.auth.TokenMinter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code asyncops token}: prints a dev bearer token, and nothing else, on stdout: signed with the deployment's key,
 * kept in its database (the data dir's H2, reached through the running server when one holds it, or {@code --db}),
 * so every node of that database accepts it.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a dev bearer token (RS256, signed with the key in the deployment's database) on stdout.")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subscription", required = true, paramLabel = "<id>",
            description = "A subscription the token grants (repeat for more; * grants all).")
    List<String> subscriptions;

    @Option(names = "--ttl", defaultValue = "1h", converter = DurationConverter.class, paramLabel = "<duration>",
            description = "How long the token is valid (default ${DEFAULT-VALUE}; e.g. 30m, 12h, 7d).")
    Duration ttl;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--subject", defaultValue = "dev", paramLabel = "<name>",
            description = "The token's subject (default ${DEFAULT-VALUE}).")
    String subject;

    @Override
    public Integer call() {
        String token;
        try {
            TokenMinter minter = database.db != null
                    ? TokenMinter.forDatabase(database.db, database.dbUser, database.password())
                    : TokenMinter.forDataDir(database.dataDir);
            token = minter.mint(subject, subscriptions, ttl);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("asyncops token: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
