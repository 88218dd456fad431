package io.asyncops.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AsyncOpsCli.class.getPackage().getImplementationVersion();
        return new String[] {"asyncops " + (v != null ? v : "(development build)")};
    }
}
