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
 * soon as the last answer is read, for a time or until told to stop; every request's latency recorded. Paired, each
 * load thread holds a connection to each of two servers and alternates between them request by request.
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

    /** One side of a paired run: a server's port, the token it accepts, and how to pick a request's path. */
    record Target(int port, String token, Function<ThreadLocalRandom, String> path) {
    }

    private LatencyRun() {
    }

    /**
     * Both targets at once while {@code going} holds: each of {@code connections} threads sends a request to one,
     * then to the other, the order swapped every pair (A B B A ...), so that a moment when the machine is busy with
     * something else falls on both alike; the two results in the order of the targets.
     */
    static List<Result> paired(String name, Target a, Target b, int connections, BooleanSupplier going)
            throws Exception {
        long t0 = System.nanoTime();
        List<Future<long[][]>> parts = new ArrayList<>();
        long[][] non2xx = new long[2][connections];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int me = c;
                parts.add(pool.submit(() -> {
                    Target[] targets = {a, b};
                    Samples[] samples = {new Samples(), new Samples()};
                    try (RawHttp ha = new RawHttp(a.port(), a.token()); RawHttp hb = new RawHttp(b.port(), b.token())) {
                        RawHttp[] http = {ha, hb};
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (long i = 0; going.getAsBoolean(); i++) {
                            for (int k = 0; k < 2; k++) {
                                int t = (i % 2 == 0) == (k == 0) ? 0 : 1;
                                String p = targets[t].path().apply(random);
                                long s = System.nanoTime();
                                RawHttp.Answer answer = http[t].get(p);
                                samples[t].add(System.nanoTime() - s);
                                if (answer.status() / 100 != 2) {
                                    non2xx[t][me]++;
                                }
                            }
                        }
                    }
                    return new long[][] {samples[0].toArray(), samples[1].toArray()};
                }));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<long[]> as = new ArrayList<>();
        List<long[]> bs = new ArrayList<>();
        for (Future<long[][]> f : parts) {
            long[][] part = f.get();
            as.add(part[0]);
            bs.add(part[1]);
        }
        return List.of(new Result(name, concat(as), java.util.Arrays.stream(non2xx[0]).sum(), seconds),
                new Result(name, concat(bs), java.util.Arrays.stream(non2xx[1]).sum(), seconds));
    }

    /** A growing array of latencies. */
    private static final class Samples {
        private long[] nanos = new long[1 << 14];
        private int n;

        void add(long took) {
            if (n == nanos.length) {
                nanos = java.util.Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = took;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(nanos, n);
        }
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
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
                    Samples samples = new Samples();
                    try (RawHttp http = new RawHttp(port, token)) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (going.getAsBoolean()) {
                            String p = path.apply(random);
                            long s = System.nanoTime();
                            RawHttp.Answer a = http.get(p);
                            samples.add(System.nanoTime() - s);
                            if (a.status() / 100 != 2) {
                                non2xx[me]++;
                            }
                        }
                    }
                    return samples.toArray();
                }));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : parts) {
            all.add(f.get());
        }
        long[] nanos = concat(all);
        long bad = 0;
        for (long b : non2xx) {
            bad += b;
        }
        return new Result(name, nanos, bad, seconds);
    }
}
