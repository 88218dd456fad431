package io.asyncops.bench.engine;

import io.asyncops.engine.Database;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.configuration.JobRunrConfiguration.JobRunrConfigurationResult;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * JobRunr 8.7.0 as a contestant: N no-op jobs enqueued as a stream on its PostgreSQL storage provider, then a
 * background job server with the same worker count. Like asyncops it keeps the jobs (as SUCCEEDED), so the
 * drain ends when N jobs are in that state.
 */
final class JobRunrRun {
    private JobRunrRun() {
    }

    static Drain drain(Database db, int n, int workers, Supplier<CpuMeter.Sample> meter) throws Exception {
        JobRunrConfigurationResult jobRunr = JobRunr.configure()
                .useStorageProvider(new PostgresStorageProvider(db.dataSource()))
                .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andWorkerCount(workers)
                        .andPollInterval(Duration.ofSeconds(5)), false)
                .initialize();
        try {
            long t0 = System.nanoTime();
            jobRunr.getJobScheduler().enqueue(IntStream.range(0, n).boxed(), i -> NoopJob.run(i));
            Duration load = Duration.ofNanos(System.nanoTime() - t0);

            BackgroundJobServer server = JobRunr.getBackgroundJobServer();
            CpuMeter.Sample cpu0 = meter.get();
            long t1 = System.nanoTime();
            server.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (AsyncopsRun.count(db, "select count(*) from jobrunr_jobs where state = 'SUCCEEDED'") < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("JobRunr did not drain in 30 minutes");
                }
                Thread.sleep(10);
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - t1);
            CpuMeter.Sample cpu = meter.get().minus(cpu0);
            server.stop();
            return new Drain("JobRunr 8.7.0", n, load, drain, cpu);
        } finally {
            JobRunr.destroy();
        }
    }
}
