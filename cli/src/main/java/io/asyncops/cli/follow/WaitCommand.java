package io.asyncops.cli.follow;

import io.asyncops.client.LroClient;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asyncops wait <url>}: follows an operation already started, from its status or Location URL. */
@Command(name = "wait",
        description = {"Follows an operation already started, from its Azure-AsyncOperation, Location, resource or",
                "classic status URL (?OperationStatus/{id}, /{subscription}/operations/{id}), to the end.",
                "Exit: 0 Succeeded, 1 Failed, 2 Canceled, 3 timed out, 4 other error (also bad arguments)."},
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Follower.OTHER,
        exitCodeOnExecutionException = Follower.OTHER)
public final class WaitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<status-or-location-url>")
    String url;

    @Mixin
    FollowOptions options;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        LroClient client;
        URI target;
        try {
            client = options.client(options.parsedHeaders());
            target = CallCommand.parseUrl(url);
        } catch (IllegalArgumentException e) {
            err.println("asyncops wait: " + e.getMessage());
            err.flush();
            return Follower.OTHER;
        }
        return new Follower(spec.commandLine().getOut(), err, options)
                .follow(() -> client.follow(target), "GET " + target);
    }
}
