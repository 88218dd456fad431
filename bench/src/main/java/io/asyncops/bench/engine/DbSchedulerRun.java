package io.asyncops.bench.engine;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.asyncops.engine.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * db-scheduler 16.12.0 as a contestant: N one-time no-op tasks, scheduled in batches, run by a scheduler with
 * the same thread count polling with lock-and-fetch ({@code UPDATE ... FOR UPDATE SKIP LOCKED RETURNING}).
 * It deletes each execution's row when it completes, so the drain ends when the table is empty.
 */
final class DbSchedulerRun {
    private DbSchedulerRun() {
    }

    static Drain drain(Database db, int n, int workers, Supplier<CpuMeter.Sample> meter) throws Exception {
        createTable(db);
        AtomicInteger runs = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("noop", Void.class).execute((instance, context) -> runs.incrementAndGet());

        long t0 = System.nanoTime();
        SchedulerClient client = SchedulerClient.Builder.create(db.dataSource(), task).build();
        Instant now = Instant.now();
        List<TaskInstance<?>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(task.instance("job-" + i));
            if (batch.size() == 1000 || i == n - 1) {
                client.scheduleBatch(batch, now);
                batch.clear();
            }
        }
        Duration load = Duration.ofNanos(System.nanoTime() - t0);

        CpuMeter.Sample cpu0 = meter.get();
        long t1 = System.nanoTime();
        Scheduler scheduler = Scheduler.create(db.dataSource(), task)
                .threads(workers)
                .pollUsingLockAndFetch(0.5, 3.0)
                .pollingInterval(Duration.ofSeconds(1))
                .build();
        scheduler.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (AsyncopsRun.count(db, "select count(*) from scheduled_tasks") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("db-scheduler did not drain in 30 minutes");
                }
                Thread.sleep(10);
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - t1);
            CpuMeter.Sample cpu = meter.get().minus(cpu0);
            if (runs.get() < n) {
                throw new IllegalStateException("db-scheduler ran " + runs.get() + " of " + n + " tasks");
            }
            return new Drain("db-scheduler 16.12.0", n, load, drain, cpu);
        } finally {
            scheduler.stop();
        }
    }

    /** The table db-scheduler documents for PostgreSQL. */
    private static void createTable(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table scheduled_tasks (task_name text not null, task_instance text not null,"
                    + " task_data bytea, execution_time timestamp with time zone not null, picked boolean not null,"
                    + " picked_by text, last_success timestamp with time zone, last_failure timestamp with time zone,"
                    + " consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,"
                    + " priority smallint, primary key (task_name, task_instance))");
            s.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
            s.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            s.execute("create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
        }
    }
}
