package io.asyncops.cli;

import io.asyncops.cli.demo.DemoCommand;
import io.asyncops.cli.follow.CallCommand;
import io.asyncops.cli.follow.WaitCommand;
import io.asyncops.cli.ops.OpsCommand;
import io.asyncops.cli.server.ServeCommand;
import io.asyncops.cli.server.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code asyncops} command: the entry point of the runnable jar ({@code bin/asyncops}). Subcommands do the work.
 * Named {@code AsyncOpsCli} so that it is never confused with {@code io.asyncops.testing.AsyncOps}, the entry of
 * the in-process emulator that users import in their tests.
 */
@Command(name = "asyncops",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Azure-style long-running operations: serve them, start them, follow them.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ServeCommand.class, TokenCommand.class,
                CallCommand.class, WaitCommand.class, OpsCommand.class})
public final class AsyncOpsCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command tree, shared with the tests. picocli's {@code @file} argument expansion is off: {@code --data @file}
     * is the body of that file, verbatim, not the file's words as further arguments.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new AsyncOpsCli()).setExpandAtFiles(false);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
