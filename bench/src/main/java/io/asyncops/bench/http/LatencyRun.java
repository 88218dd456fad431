package io.asyncops.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A closed-loop latency measurement: {@code connections} kept-alive connections, each sending the next request as
 * soon as the last answer is read, for a time or until told to stop; every request's latency recorded.
 */
final class LatencyRun {
    /** What a run measured. */
    record Result(String name, long[] nanos, long non2xx, double seconds) {
        double p50() {
            return Load.percentileMillis(nanos, 50);
        }

        double p99() {
            return Load.percentileMillis(nanos, 99);
        }

        double perSecond() {
            return nanos.length / seconds;
        }

        String line() {
            return String.format(java.util.Locale.ROOT, "%-34s p50 %6.2f ms  p99 %6.2f ms  %7.0f req/s  (%d requests%s)",
                    name, p50(), p99(), perSecond(), nanos.length, non2xx == 0 ? "" : ", " + non2xx + " not 2xx");
        }
    }

    private LatencyRun() {
    }

    /** Runs for {@code duration}; {@code path} picks each request's path. */
    static Result run(String name, int port, String token, int connections, Duration duration,
                      Function<ThreadLocalRandom, String> path) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        return run(name, port, token, connections, () -> System.nanoTime() < end, path);
    }

    /** Runs while {@code going} holds. */
    static Result run(String name, int port, String token, int connections, BooleanSupplier going,
                      Function<ThreadLocalRandom, String> path) throws Exception {
        long t0 = System.nanoTime();
        List<Future<long[]>> parts = new ArrayList<>();
        long[] non2xx = new long[connections];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int me = c;
                parts.add(pool.submit(() -> {
                    long[] nanos = new long[1 << 14];
                    int n = 0;
                    try (RawHttp http = new RawHttp(port, token)) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (going.getAsBoolean()) {
                            String p = path.apply(random);
                            long s = System.nanoTime();
                            RawHttp.Answer a = http.get(p);
                            long took = System.nanoTime() - s;
                            if (a.status() / 100 != 2) {
                                non2xx[me]++;
                            }
                            if (n == nanos.length) {
                                nanos = java.util.Arrays.copyOf(nanos, n * 2);
                            }
                            nanos[n++] = took;
                        }
                    }
                    return java.util.Arrays.copyOf(nanos, n);
                }));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = 0;
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            long[] part = f.get();
            all.add(part);
            total += part.length;
        }
        long[] nanos = new long[total];
        int i = 0;
        for (long[] part : all) {
            System.arraycopy(part, 0, nanos, i, part.length);
            i += part.length;
        }
        long bad = 0;
        for (long b : non2xx) {
            bad += b;
        }
        return new Result(name, nanos, bad, seconds);
    }
}
