package io.asyncops.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code wrk} (HTTP/1.1 keep-alive load, written in C so it takes little of the CPU it measures)
 * and reads its summary.
 */
final class Wrk {
    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+),"
            + " timeout (\\d+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/self/stat's times on Linux

    /**
     * What one run measured; {@code jvmCpuMicros} is this JVM's CPU (where the bench's server runs) and
     * {@code wrkCpuMicros} wrk's, per request; {@code jvmSwitches} this JVM's threads' context switches per
     * request (voluntary and not: a thread parking or being preempted), NaN where unknown.
     */
    record Result(double perSecond, long non2xx, long socketErrors, double p50Millis, double p99Millis,
                  double jvmCpuMicros, double wrkCpuMicros, double jvmSwitches) {
    }

    private Wrk() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Loads {@code url} with {@code connections} connections on 2 threads for {@code seconds}, with the given
     * headers, or the Lua {@code script} (which may build each request).
     */
    static Result run(String url, int connections, int seconds, List<String> headers, Optional<Path> script) {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-t", "2", "-c", Integer.toString(connections),
                "-d", seconds + "s", "--latency", "--timeout", "10s"));
        for (String h : headers) {
            cmd.add("-H");
            cmd.add(h);
        }
        script.ifPresent(s -> {
            cmd.add("-s");
            cmd.add(s.toString());
        });
        cmd.add(url);
        try {
            long cpuBefore = jvmCpuNanos();
            long childrenBefore = childrenCpuTicks();
            long switchesBefore = jvmContextSwitches();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + out);
            }
            long jvmCpu = jvmCpuNanos() - cpuBefore;
            long switches = jvmContextSwitches() - switchesBefore;
            long wrkTicks = childrenCpuTicks() - childrenBefore; // wrk, reaped by waitFor, is the only child
            Matcher count = REQUESTS.matcher(out);
            long requests = count.find() ? Long.parseLong(count.group(1)) : 0;
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                throw new IllegalStateException("no rate in wrk's output:\n" + out);
            }
            Matcher non2xx = NON_2XX.matcher(out);
            Matcher errors = ERRORS.matcher(out);
            long socketErrors = 0;
            if (errors.find()) {
                for (int i = 1; i <= 4; i++) {
                    socketErrors += Long.parseLong(errors.group(i));
                }
            }
            double p50 = Double.NaN;
            double p99 = Double.NaN;
            Matcher pc = PERCENTILE.matcher(out);
            while (pc.find()) {
                double v = Double.parseDouble(pc.group(2)) * switch (pc.group(3)) {
                    case "us" -> 0.001;
                    case "s" -> 1000.0;
                    default -> 1.0;
                };
                if (pc.group(1).equals("50")) {
                    p50 = v;
                } else {
                    p99 = v;
                }
            }
            return new Result(Double.parseDouble(rate.group(1)), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                    socketErrors, p50, p99, requests > 0 && jvmCpu >= 0 ? jvmCpu / 1e3 / requests : Double.NaN,
                    requests > 0 && childrenBefore >= 0 && wrkTicks >= 0
                            ? wrkTicks * (1e6 / TICKS_PER_SECOND) / requests : Double.NaN,
                    requests > 0 && switchesBefore >= 0 && switches >= 0 ? (double) switches / requests : Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + BINARY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This JVM's CPU time (user and system), or -1. */
    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * The context switches of this JVM's live threads (the sum of {@code /proc/self/task/}{@code *}{@code /status}'s
     * counts), or -1; a thread that ended in between takes its own with it, so read it around runs of long-lived
     * threads (the server's carriers and platform threads).
     */
    private static long jvmContextSwitches() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long sum = 0;
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException ended) {
                    // the thread ended while listed
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU of this process's reaped children (cutime + cstime of /proc/self/stat), in ticks, or -1. */
    private static long childrenCpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name in parentheses, which may hold spaces: state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
