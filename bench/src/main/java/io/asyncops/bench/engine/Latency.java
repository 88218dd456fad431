package io.asyncops.bench.engine;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
record Latency(String name, long[] nanos) {

    Latency {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    /** The {@code p}-th percentile (0..100) in milliseconds, nearest rank. */
    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }
}
