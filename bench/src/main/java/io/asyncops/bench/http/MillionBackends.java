package io.asyncops.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the kernel counted for one database's backends (the server nodes' pooled connections), from {@code /proc}:
 * time on a CPU (and how much of it in the kernel), time waiting for one (runnable, not running), minor page faults
 * and context switches. A read by id that takes longer in one database than in another shows here whether the
 * backend computed longer, waited for a CPU longer, or faulted pages of shared memory into its own page tables (each
 * process maps a page of shared buffers on its first touch). Linux only; counts nothing elsewhere.
 */
final class MillionBackends {
    /** One backend's counters: nanoseconds on a CPU and waiting for one, minor faults, context switches. */
    private record Counters(long runNanos, long waitNanos, long systemTicks, long minorFaults, long switches) {
        static final Counters NONE = new Counters(0, 0, 0, 0, 0);

        Counters minus(Counters o) {
            return new Counters(runNanos - o.runNanos, waitNanos - o.waitNanos, systemTicks - o.systemTicks,
                    minorFaults - o.minorFaults, switches - o.switches);
        }

        Counters plus(Counters o) {
            return new Counters(runNanos + o.runNanos, waitNanos + o.waitNanos, systemTicks + o.systemTicks,
                    minorFaults + o.minorFaults, switches + o.switches);
        }
    }

    /** The counters of every backend of the database at one moment, by process id. */
    record Sample(Map<Long, Counters> byPid) {
        /** The backends' process ids, comma-separated (for {@code perf -p}). */
        String pids() {
            return String.join(",", byPid.keySet().stream().map(String::valueOf).toList());
        }

        /**
         * The backends' counters since {@code before}, per read ({@code reads}: the reads by id the database ran
         * in between, or 0 to print totals only).
         */
        String since(Sample before, long reads) {
            Counters sum = Counters.NONE;
            for (Map.Entry<Long, Counters> e : byPid.entrySet()) {
                Counters was = before.byPid().getOrDefault(e.getKey(), Counters.NONE);
                sum = sum.plus(e.getValue().minus(was));
            }
            String totals = String.format(Locale.ROOT, "%d backends: on a CPU %.0f ms (in the kernel %d ms), waiting"
                    + " for one %.0f ms, %,d minor page faults, %,d context switches", byPid.size(), sum.runNanos() / 1e6,
                    sum.systemTicks() * 10, sum.waitNanos() / 1e6, sum.minorFaults(), sum.switches());
            if (reads <= 0) {
                return totals;
            }
            return totals + String.format(Locale.ROOT, "; per read by id (%,d): on a CPU %.1f us (in the kernel %.1f"
                    + " us), waiting %.1f us, %.2f faults, %.2f switches", reads, sum.runNanos() / 1e3 / reads,
                    sum.systemTicks() * 1e4 / reads, sum.waitNanos() / 1e3 / reads, sum.minorFaults() / (double) reads,
                    sum.switches() / (double) reads);
        }
    }

    private MillionBackends() {
    }

    /** The counters of the client backends connected to the database of {@code ds}, except the asking one. */
    static Sample sample(DataSource ds) throws SQLException {
        Map<Long, Counters> byPid = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pid from pg_stat_activity where datname = current_database()"
                     + " and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                Counters counters = read(pid);
                if (counters != null) {
                    byPid.put(pid, counters);
                }
            }
        }
        return new Sample(byPid);
    }

    /** {@code /proc/<pid>/schedstat} (run and wait nanoseconds), {@code stat} (minor faults), {@code status}. */
    private static Counters read(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            String[] sched = Files.readString(dir.resolve("schedstat")).trim().split(" ");
            String stat = Files.readString(dir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long switches = 0;
            for (String line : Files.readAllLines(dir.resolve("status"))) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            // after the command: state(0) ppid(1) ... minflt(7) ... utime(11) stime(12), in ticks of 10 ms
            return new Counters(Long.parseLong(sched[0]), Long.parseLong(sched[1]), Long.parseLong(f[12]),
                    Long.parseLong(f[7]), switches);
        } catch (IOException | RuntimeException e) {
            return null; // not Linux, or the backend ended
        }
    }
}
