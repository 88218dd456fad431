package io.asyncops.testing;

/**
 * Where tests start asyncops: {@link #emulator()} builds an emulator that runs in the test's own JVM, on free ports,
 * with its data in a temporary folder that {@link AsyncOpsEmulator#close()} deletes.
 *
 * <pre>{@code
 * try (AsyncOpsEmulator emu = AsyncOps.emulator().start()) {
 *     SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
 *             .authenticate(emu.credential(), emu.azureProfile());
 *     sql.sqlServers().define("my-server")...create();   // 202, polls, Succeeded: the real SDK's poller
 * }
 * }</pre>
 */
public final class AsyncOps {
    private AsyncOps() {
    }

    /**
     * A builder of an in-process emulator with the defaults tests want: HTTP and HTTPS on free ports of
     * 127.0.0.1, H2 in a temporary folder, every emulated duration at 1/100 ({@code timeScale(0.01)}), one random
     * subscription.
     *
     * @return a new builder; {@link AsyncOpsEmulator.Builder#start()} starts the emulator
     */
    public static AsyncOpsEmulator.Builder emulator() {
        return new AsyncOpsEmulator.Builder();
    }
}
