package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineListener;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.Submission;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server process of the waiters benchmark, run by {@link WaitersBench} in a JVM of its own so that its heap
 * and RSS are its own: an asyncops server whose workers run N operations that each wait for a release, and
 * commands on stdin: {@code heap} (after a GC: used heap, RSS, threads), {@code end R FROM TO} (releases operations
 * FROM to TO-1, R per second, in order; they end through the engine's ordinary path, group-committed endings; then
 * prints when each ended, and when each gate opened and its waiters were woken), {@code jit} (the JIT's total
 * compilation time so far, ms), {@code quit}. Arguments: {@code h2|postgresql}, N (a worker each).
 */
public final class WaiterServer {
    static final String SUB = "00000000-0000-0000-0000-00000000a17e";
    static final String KIND = "Bench.Waiters/things/write";

    /**
     * The engine's fallback recheck of all waiters ({@code -Dasyncops.bench.fallback=PT30S} in
     * {@code ASYNCOPS_JAVA_OPTS}; {@link WaitersBench} passes it on): set long, a waiter its change notice missed
     * shows as a release that late.
     */
    private static final Duration FALLBACK = Duration.parse(System.getProperty("asyncops.bench.fallback", "PT1S"));

    /** The engine's heartbeat interval ({@code -Dasyncops.bench.heartbeat=PT10S}; leases 3x as long). */
    private static final Duration HEARTBEAT = Duration.parse(System.getProperty("asyncops.bench.heartbeat", "PT10S"));

    private WaiterServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean pg = args[0].equals("postgresql");
        int n = Integer.parseInt(args[1]);
        Path dataDir = Files.createTempDirectory("asyncops-bench-waiters");
        try (BenchPostgres postgres = pg ? BenchPostgres.start() : null) {
            Map<OperationId, CountDownLatch> gates = new ConcurrentHashMap<>();
            CountDownLatch running = new CountDownLatch(n);
            Map<OperationId, Long> woken = new ConcurrentHashMap<>();
            ServerConfig.Builder b = ServerConfig.builder().httpPort(0).host("127.0.0.1").dataDir(dataDir)
                    .engine(e -> e.workers(n).fallbackPollInterval(FALLBACK)
                            .heartbeatInterval(HEARTBEAT).leaseDuration(HEARTBEAT.multipliedBy(3)).handler(KIND, ctx -> {
                        CountDownLatch gate = gates.computeIfAbsent(ctx.operation().id(), k -> new CountDownLatch(1));
                        running.countDown();
                        gate.await();
                        return Outcome.succeeded("{\"done\":true}");
                    }).listener(new EngineListener() {
                        @Override
                        public void ended(Operation operation) {
                            // told after the ending committed and its waiters were woken: splits a release's
                            // latency into the engine's part and the HTTP answer's
                            woken.put(operation.id(), micros());
                        }
                    }));
            if (postgres != null) {
                b.database(postgres.newDatabase("waiters"), BenchPostgres.USER, BenchPostgres.PASSWORD);
            }
            try (AsyncOpsServer server = AsyncOpsServer.start(b.build())) {
                Engine engine = server.engine();
                List<OperationId> ids = new ArrayList<>(n);
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    List<java.util.concurrent.Future<Operation>> submitted = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        submitted.add(pool.submit(() -> engine.submit(Submission.of(KIND, "{\"location\":\"westus\"}")
                                .withSubscription(SUB))));
                    }
                    for (var f : submitted) {
                        ids.add(f.get().id());
                    }
                }
                if (!running.await(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(running.getCount() + " operations never started");
                }
                String token = server.tokens().mint("bench", List.of(SUB), Duration.ofHours(2));
                System.out.println("PORT " + server.httpPort());
                System.out.println("TOKEN " + token);
                StringBuilder all = new StringBuilder("OPS");
                ids.forEach(id -> all.append(' ').append(id));
                System.out.println(all);
                System.out.println("READY");
                System.out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.trim().split(" ");
                    switch (parts[0]) {
                        case "heap" -> heap();
                        case "end" -> end(engine, ids.subList(Integer.parseInt(parts[2]), Integer.parseInt(parts[3])), gates,
                                woken, Integer.parseInt(parts[1]));
                        case "jit" -> System.out.println("JIT " + ManagementFactory.getCompilationMXBean()
                                .getTotalCompilationTime());
                        case "quit" -> {
                            return;
                        }
                        default -> System.out.println("ERROR unknown command " + line);
                    }
                    System.out.flush();
                }
            }
        }
    }

    private static void heap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            rss = -1;
        }
        System.out.println("HEAP " + used + " " + rss + " " + Thread.activeCount());
    }

    /** Releases the operations, {@code rate} per second, waits for their ends, prints each end (epoch us). */
    private static void end(Engine engine, List<OperationId> ids, Map<OperationId, CountDownLatch> gates,
                            Map<OperationId, Long> woken, int rate) throws Exception {
        long[] opened = new long[ids.size()];
        long t0 = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            long due = t0 + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            opened[i] = micros();
            gates.get(ids.get(i)).countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        for (OperationId id : ids) {
            while (!woken.containsKey(id)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("operation " + id + " never ended");
                }
                Thread.sleep(10);
            }
        }
        StringBuilder sb = new StringBuilder("ENDED");
        for (OperationId id : ids) {
            Operation op = engine.get(id).orElseThrow();
            sb.append(' ').append(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, op.endedAt()));
        }
        System.out.println(sb);
        StringBuilder w = new StringBuilder("WOKEN");
        for (int i = 0; i < ids.size(); i++) {
            w.append(' ').append(opened[i]).append(' ').append(woken.getOrDefault(ids.get(i), 0L));
        }
        System.out.println(w);
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());
    }
}
