package io.asyncops.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time (user + system) used so far by this JVM and by one PostgreSQL server (its postmaster and the
 * processes it started), from {@code /proc}. Other tenants of the machine slow the wall clock, not this: CPU per operation is the figure
 * that stays comparable on a busy machine. Linux only; reads 0 elsewhere.
 */
final class CpuMeter {
    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    /** Seconds of CPU used by this JVM and by the PostgreSQL server of {@code postmaster}, so far. */
    static Sample sample(long postmaster) {
        double jvm = ticks(Path.of("/proc/self/stat")) / TICKS_PER_SECOND;
        double pg = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == postmaster || parent(p.resolve("stat")) == postmaster) {
                    pg += ticks(p.resolve("stat")) / TICKS_PER_SECOND;
                }
            }
        } catch (IOException e) {
            return new Sample(jvm, 0);
        }
        return new Sample(jvm, pg);
    }

    /** The parent process id in a {@code /proc/<pid>/stat}, or -1. */
    static long parent(Path stat) {
        try {
            return Long.parseLong(fields(stat)[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String[] fields(Path stat) throws IOException {
        String s = Files.readString(stat);
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private static long ticks(Path stat) {
        try {
            String[] f = fields(stat);
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU seconds used by the JVM and by PostgreSQL. */
    record Sample(double jvm, double postgres) {
        Sample minus(Sample earlier) {
            return new Sample(jvm - earlier.jvm, postgres - earlier.postgres);
        }
    }
}
