package io.asyncops.cli.follow;

import io.asyncops.client.LroClient;
import io.asyncops.client.LroException;
import io.asyncops.client.SyncPoller;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asyncops wait <url>}: follows an operation already started, from its status or Location URL. */
@Command(name = "wait",
        description = {"Follows an operation already started to its end.",
                "Give its Azure-AsyncOperation, Location, resource or classic status URL",
                "(?OperationStatus/{id}, /{subscription}/operations/{id}).",
                "Exit: 0 Succeeded, 1 Failed, 2 Canceled, 3 timed out, 4 other error (also bad arguments)."},
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Follower.OTHER,
        exitCodeOnExecutionException = Follower.OTHER)
public final class WaitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<status-or-location-url>")
    String url;

    @Option(names = "--cancel",
            description = "Asks the server to cancel the operation first (asyncops' cancel call), then follows it.")
    boolean cancel;

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
                .follow(() -> cancel ? canceling(client.follow(target)) : client.follow(target), "GET " + target);
    }

    /** Sends the cancel call unless the operation already ended; a server without one is an error, not a wait. */
    private static SyncPoller canceling(SyncPoller poller) {
        if (!poller.isDone() && !poller.cancelOperation() && !poller.isDone()) {
            throw new LroException("the server did not accept a cancel call for " + poller.latest().pollingUrl()
                    + " (only asyncops servers offer one)");
        }
        return poller;
    }
}
