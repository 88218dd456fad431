package io.asyncops.bench.poller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** The in-process ARM-style server: it knows to the nanosecond which request first saw each end. */
final class EmulatedTarget implements Target {
    private final EmulatedArmServer server;
    private final int operations;

    EmulatedTarget(long[] durations) {
        try {
            server = new EmulatedArmServer(i -> durations[(int) i]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        operations = durations.length;
    }

    @Override
    public URI operationUrl(int i) {
        return server.url("/ops/" + i);
    }

    @Override
    public String body(int i) {
        return "{}";
    }

    @Override
    public Optional<String> token() {
        return Optional.empty();
    }

    @Override
    public long requests() {
        long total = 0;
        for (int i = 0; i < operations; i++) {
            EmulatedArmServer.Op op = server.op(Integer.toString(i));
            total += op == null ? 0 : op.requests.get();
        }
        return total;
    }

    @Override
    public double noticeDelayMillis(int i, Instant clientSawEnd) {
        EmulatedArmServer.Op op = server.op(Integer.toString(i));
        return op == null ? Double.NaN : op.noticeDelayMillis();
    }

    @Override
    public void close() {
        server.close();
    }
}
