package io.asyncops.bench.engine;

/** The job JobRunr runs: nothing (JobRunr stores jobs as calls to a static method). */
public final class NoopJob {
    private NoopJob() {
    }

    public static void run(int index) {
        // a no-op: the benchmark measures the scheduler, not the work
    }
}
