package io.asyncops.bench.http;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a late release's time went, second by second of the end window: what the machine's CPUs, the server
 * process and this process were doing (sampled from {@code /proc} every 100 ms), the server's safepoint pauses (its
 * {@code -Xlog:safepoint} file) and this JVM's collections, beside how many waiters were late and in which part
 * of the path: from the stored end to the wake-up (the engine: commit, the worker's return), or from the wake-up to
 * the answer read here (the server's answer, the network, this reader); and how long a handler's return took to
 * become a stored end (not part of the release time: it shows the server falling behind).
 */
final class Timeline implements AutoCloseable {
    /** Clock ticks per second of {@code /proc/[pid]/stat} (USER_HZ; 100 on Linux). */
    private static final double HZ = 100.0;
    private static final Pattern SAFEPOINT = Pattern.compile(
            "\\[(\\d+)ms\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");

    private record Sample(long micros, long machineBusy, long machineTotal, long server, long client, long clientGc) {
    }

    private final long serverPid;
    private final Path safepointLog;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Timeline(long serverPid, Path safepointLog) {
        this.serverPid = serverPid;
        this.safepointLog = safepointLog;
        this.thread = Thread.ofPlatform().daemon().name("timeline").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                long[] cpu = machine();
                Sample s = new Sample(micros(), cpu[0], cpu[1], ticks(serverPid), ticks(ProcessHandle.current().pid()),
                        gcMillis());
                synchronized (samples) {
                    samples.add(s);
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                return; // the server ended: nothing more to sample
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }

    /**
     * Prints one line per second of the end window: ends, late releases (> 100 ms), the worst end-to-wake and
     * wake-to-read times, CPU (machine, server, bench: % of one CPU) and pauses.
     */
    void print(long[] opened, long[] ended, long[] woken, long[] released) throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long e : ended) {
            first = Math.min(first, e);
            last = Math.max(last, e);
        }
        int seconds = (int) ((last - first) / 1_000_000) + 2;
        int[] ends = new int[seconds];
        int[] late = new int[seconds];
        long[] gate = new long[seconds];
        long[] engine = new long[seconds];
        long[] answer = new long[seconds];
        for (int i = 0; i < ended.length; i++) {
            int s = (int) ((ended[i] - first) / 1_000_000);
            ends[s]++;
            if (released[i] - ended[i] > 100_000) {
                late[s]++;
            }
            gate[s] = Math.max(gate[s], ended[i] - opened[i]);
            engine[s] = Math.max(engine[s], woken[i] - ended[i]);
            answer[s] = Math.max(answer[s], released[i] - woken[i]);
        }
        double[] machine = new double[seconds];
        double[] server = new double[seconds];
        double[] client = new double[seconds];
        long[] clientGc = new long[seconds];
        List<Sample> copy;
        synchronized (samples) {
            copy = List.copyOf(samples);
        }
        for (int i = 1; i < copy.size(); i++) {
            Sample a = copy.get(i - 1);
            Sample b = copy.get(i);
            long s = Math.floorDiv(b.micros() - first, 1_000_000);
            if (s < 0 || s >= seconds) {
                continue;
            }
            double wall = (b.micros() - a.micros()) / 1e6;
            double share = b.machineTotal() == a.machineTotal() ? 0
                    : (double) (b.machineBusy() - a.machineBusy()) / (b.machineTotal() - a.machineTotal());
            // weighted by wall time: each sample's share of its second
            machine[(int) s] += share * wall * Runtime.getRuntime().availableProcessors();
            server[(int) s] += (b.server() - a.server()) / HZ;
            client[(int) s] += (b.client() - a.client()) / HZ;
            clientGc[(int) s] += b.clientGc() - a.clientGc();
        }
        long[] pause = new long[seconds];
        long[] worstPause = new long[seconds];
        String[] worstName = new String[seconds];
        if (safepointLog != null && Files.exists(safepointLog)) {
            for (String line : Files.readAllLines(safepointLog)) {
                Matcher m = SAFEPOINT.matcher(line);
                if (!m.find()) {
                    continue;
                }
                long s = Math.floorDiv(Long.parseLong(m.group(1)) * 1000 - first, 1_000_000);
                if (s < 0 || s >= seconds) {
                    continue;
                }
                long micros = Long.parseLong(m.group(3)) / 1000;
                pause[(int) s] += micros;
                if (micros > worstPause[(int) s]) {
                    worstPause[(int) s] = micros;
                    worstName[(int) s] = m.group(2);
                }
            }
        }
        System.out.println("timeline of the end window, from " + Instant.EPOCH.plus(first, ChronoUnit.MICROS)
                + " (CPU in % of one CPU; open->end: the handler's release to the"
                + " stored end (not counted); end->wake: stored end to the server's wake-up; wake->read: to the answer"
                + " read here; pauses: the server's safepoints):");
        System.out.println("  s  ends  late  open->end max  end->wake max  wake->read max  machine  server  bench  server pauses"
                + " (worst)           bench GC");
        TreeMap<Integer, String> rows = new TreeMap<>();
        for (int s = 0; s < seconds; s++) {
            if (ends[s] == 0 && late[s] == 0) {
                continue;
            }
            rows.put(s, String.format(Locale.ROOT, "%3d %5d %5d %11.1f ms %11.1f ms %12.1f ms %7.0f%% %6.0f%% %5.0f%% %7.1f ms"
                            + " (%5.1f %-12s) %4d ms", s, ends[s], late[s], gate[s] / 1000.0, engine[s] / 1000.0, answer[s] / 1000.0,
                    machine[s] * 100, server[s] * 100, client[s] * 100, pause[s] / 1000.0, worstPause[s] / 1000.0,
                    worstName[s] == null ? "" : worstName[s], clientGc[s]));
        }
        rows.values().forEach(System.out::println);
    }

    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
