package io.asyncops.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many waiters on one node: a server process ({@link WaiterServer}, {@code -Xmx1g}) holds L long polls
 * ({@code Prefer: wait=60}) and S server-sent event streams over as many connections from this process; then their
 * operations end, R per second, through the engine's ordinary path (their handlers return; endings
 * group-committed), and each waiter's release is timed from its operation's end (the stored end time) to the
 * moment its answer (or its terminal event) is read here. A warm-up round does the same first on W operations of
 * its own (W long polls and W/5 streams), so that the measured round times the release path rather than
 * the JIT's first compilation of it; the warm-up round's figures are printed too (what a cold node shows). Prints
 * the server's heap and RSS before, while holding and after, the release latencies and a per-second timeline of the
 * end window ({@link Timeline}). Options: {@code -l} long polls (10000), {@code -s} streams (2000), {@code -r} ends
 * per second (500), {@code -w} warm-up operations (2000; 0: none), {@code --db h2|postgresql} (h2). The measured
 * round's operations are at most 10,000 - W (a worker each); more waiters than operations share them, and the
 * streams watch operations long polls wait on too.
 */
public final class WaitersBench {
    private WaitersBench() {
    }

    public static void main(String[] args) throws Exception {
        int polls = 10_000;
        int streams = 2_000;
        String db = "h2";
        int rate = 500;
        int warmup = 2_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-l" -> polls = Integer.parseInt(args[++i]);
                case "-s" -> streams = Integer.parseInt(args[++i]);
                case "--db" -> db = args[++i].toLowerCase(Locale.ROOT);
                case "-r" -> rate = Integer.parseInt(args[++i]);
                case "-w" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bin/bench waiters [-l long-polls] [-s streams] [-r ends-per-second]"
                            + " [-w warm-up-operations] [--db h2|postgresql]");
                    System.exit(2);
                }
            }
        }
        // a worker each, 10,000 at most for both rounds; more waiters than operations share them
        int ops = Math.min(polls, 10_000 - warmup);
        System.out.printf("waiters benchmark: %d long polls and %d event streams on %d operations ending %d/s, after a"
                        + " warm-up round on %d operations; one %s server (-Xmx1g), %d CPUs, load average %.1f%n",
                polls, streams, ops, rate, warmup, db, Runtime.getRuntime().availableProcessors(), Load.average());
        Path safepoints = java.nio.file.Files.createTempFile("asyncops-waiters-safepoints", ".log");
        safepoints.toFile().deleteOnExit();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Xlog:safepoint=info,gc=info:file=" + safepoints + ":tm:filecount=0"));
        String extra = System.getProperty("asyncops.bench.serverOpts", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        for (String name : List.of("asyncops.bench.fallback", "asyncops.bench.heartbeat")) {
            if (System.getProperty(name) != null) {
                cmd.add("-D" + name + "=" + System.getProperty(name)); // the server's engine settings, for experiments
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), WaiterServer.class.getName(), db,
                Integer.toString(warmup + ops)));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
            int port = Integer.parseInt(expect(out, "PORT "));
            String token = expect(out, "TOKEN ");
            String[] ids = expect(out, "OPS ").split(" ");
            expect(out, "READY");
            System.out.println("server:  " + heap(in, out, "before any waiter"));

            Server server = new Server(in, out, child.pid(), port, token, safepoints);
            if (warmup > 0) {
                // the same path first, on operations of its own: the measured round then times releases, not the
                // JIT's first compilation of the release path (see bench/README.md, "Waiters")
                round(server, "warm-up (a cold JVM's first releases)", ids, 0, warmup, warmup, warmup / 5, rate, false);
                settle(server);
            }
            round(server, "measured", ids, warmup, ops, polls, streams, rate, true);
            in.println("quit");
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    /** The server process and its pipes. */
    private record Server(PrintWriter in, BufferedReader out, long pid, int port, String token, Path safepoints) {
    }

    /**
     * Holds {@code polls} long polls and {@code streams} event streams on the operations {@code ids[from..from+ops)}
     * (the k-th waiter on the (k mod ops)-th), ends those operations {@code rate} per second and prints how late each
     * waiter learned of it; {@code detail} adds the heap while holding and the timeline.
     */
    private static void round(Server server, String name, String[] ids, int from, int ops, int polls, int streams,
                              int rate, boolean detail) throws Exception {
        int n = polls + streams;
        System.out.printf("%s round: %d long polls and %d event streams on %d operations ending %d/s%n", name, polls,
                streams, ops, rate);
        long[] released = new long[n];
        AtomicInteger early = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch held = new CountDownLatch(n);
        CountDownLatch done = new CountDownLatch(n);
        Semaphore connecting = new Semaphore(200); // the listen backlog: connect in waves
        long t0 = System.nanoTime();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < n; i++) {
            int k = i;
            boolean stream = i >= polls;
            clients.submit(() -> {
                try {
                    wait(server.port(), server.token(), ids[from + k % ops], stream, connecting, held, released, k,
                            early);
                } catch (IOException | RuntimeException e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println("waiter " + k + ": " + e);
                    }
                    held.countDown();
                } finally {
                    done.countDown();
                }
                return null;
            });
        }
        if (!held.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(held.getCount() + " waiters never got through");
        }
        System.out.printf("holding: %d long polls and %d streams in %.1f s (%d failed)%n", polls, streams,
                (System.nanoTime() - t0) / 1e9, failed.get());
        Thread.sleep(3_000); // the last requests reach their handlers
        if (detail) {
            System.out.println("server:  " + heap(server.in(), server.out(), "holding every waiter"));
        }
        Timeline timeline = new Timeline(server.pid(), server.safepoints());
        server.in().println("end " + rate + " " + from + " " + (from + ops));
        long[] endedOps = parse(expect(server.out(), "ENDED ").split(" "));
        long[] openedAndWoken = parse(expect(server.out(), "WOKEN ").split(" "));
        long[] ended = new long[n];
        long[] opened = new long[n];
        long[] woken = new long[n];
        for (int i = 0; i < n; i++) {
            ended[i] = endedOps[i % ops];
            opened[i] = openedAndWoken[2 * (i % ops)];
            woken[i] = openedAndWoken[2 * (i % ops) + 1];
        }
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " waiters were never released");
        }
        timeline.close();
        clients.close();
        if (detail) {
            System.out.println("server:  " + heap(server.in(), server.out(), "after every release"));
        }
        report("long polls", ended, released, 0, polls);
        report("event streams", ended, released, polls, n);
        report("all", ended, released, 0, n);
        lateBySecond(ended, released);
        if (detail) {
            timeline.print(opened, ended, woken, released);
        }
        System.out.printf("early answers (before the end: a long poll's 60 s passed): %d; failed waiters: %d%n",
                early.get(), failed.get());
    }

    /** Waits (at most 30 s) until the server's JIT has compiled what the warm-up round made hot. */
    private static void settle(Server server) throws Exception {
        long t0 = System.nanoTime();
        long last = jit(server);
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(1_000);
            long now = jit(server);
            if (now - last < 50) { // under 5% of a CPU compiling: what is left is cold code
                break;
            }
            last = now;
        }
        System.out.printf("warm-up: the server's JIT settled after %.1f s (%d ms compiling in all)%n",
                (System.nanoTime() - t0) / 1e9, last);
    }

    private static long jit(Server server) throws IOException {
        server.in().println("jit");
        return Long.parseLong(expect(server.out(), "JIT "));
    }

    /** One waiter: a long poll (asked again if its 60 s pass first) or an event stream, until the end is seen. */
    private static void wait(int port, String token, String id, boolean stream, Semaphore connecting,
                             CountDownLatch held, long[] released, int k, AtomicInteger early) throws IOException {
        String path = "/subscriptions/" + WaiterServer.SUB + "/providers/Bench.Waiters/locations/westus"
                + "/operationStatuses/" + id + "?api-version=2024-01-01";
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + (stream ? "Accept: text/event-stream\r\n" : "Prefer: wait=60\r\n") + "\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket s = new Socket()) {
            connecting.acquireUninterruptibly();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
                s.getOutputStream().write(bytes);
            } finally {
                connecting.release();
            }
            held.countDown();
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[8192];
            StringBuilder seen = new StringBuilder();
            while (true) {
                int r = in.read(buf);
                if (r < 0) {
                    throw new IOException("closed before the end was seen: " + seen);
                }
                seen.append(new String(buf, 0, r, StandardCharsets.ISO_8859_1));
                if (seen.indexOf("\"Succeeded\"") >= 0) {
                    released[k] = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    return;
                }
                if (!stream && seen.indexOf("\"InProgress\"") >= 0 && seen.indexOf("\r\n\r\n") >= 0) {
                    early.incrementAndGet(); // the wait ran out: ask again on the same connection
                    seen.setLength(0);
                    out.write(bytes);
                }
                if (seen.length() > 1 << 16) {
                    seen.delete(0, seen.length() - 1024);
                }
            }
        }
    }

    private static void report(String what, long[] ended, long[] released, int from, int to) {
        if (to <= from) {
            return;
        }
        long[] nanos = new long[to - from];
        int within = 0;
        for (int i = from; i < to; i++) {
            nanos[i - from] = Math.max(0, released[i] - ended[i]) * 1000;
            if (released[i] - ended[i] <= 100_000) {
                within++;
            }
        }
        System.out.printf("release after the end, %-13s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms;"
                        + " within 100 ms: %d of %d%n", what, Load.percentileMillis(nanos, 50),
                Load.percentileMillis(nanos, 99), Load.percentileMillis(nanos, 100), within, to - from);
    }

    /** Where in the end window the releases later than 100 ms fall: clusters point at what stalled them. */
    private static void lateBySecond(long[] ended, long[] released) {
        long first = Long.MAX_VALUE;
        for (long e : ended) {
            first = Math.min(first, e);
        }
        java.util.TreeMap<Long, Integer> late = new java.util.TreeMap<>();
        java.util.TreeMap<Long, Long> worst = new java.util.TreeMap<>();
        for (int i = 0; i < ended.length; i++) {
            long lag = released[i] - ended[i];
            if (lag > 100_000) {
                long second = (ended[i] - first) / 1_000_000;
                late.merge(second, 1, Integer::sum);
                worst.merge(second, lag / 1000, Math::max);
            }
        }
        StringBuilder sb = new StringBuilder("late releases (> 100 ms) by second of the end window:");
        late.forEach((s, c) -> sb.append(String.format(Locale.ROOT, " %ds:%d(max %d ms)", s, c, worst.get(s))));
        System.out.println(late.isEmpty() ? "late releases (> 100 ms): none" : sb.toString());
    }

    private static String heap(PrintWriter in, BufferedReader out, String when) throws IOException {
        in.println("heap");
        String[] h = expect(out, "HEAP ").split(" ");
        return String.format(Locale.ROOT, "%-22s heap %6.1f MiB  RSS %6.1f MiB  platform threads %s", when,
                Long.parseLong(h[0]) / 1048576.0, Long.parseLong(h[1]) / 1048576.0, h[2]);
    }

    private static long[] parse(String[] values) {
        long[] r = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = Long.parseLong(values[i]);
        }
        return r;
    }

    private static String expect(BufferedReader out, String prefix) throws IOException {
        String line;
        List<String> other = new ArrayList<>();
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            other.add(line);
        }
        throw new IOException("the server process ended before " + prefix.trim() + ": " + other);
    }
}
