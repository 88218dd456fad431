package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.Submission;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.auth.TokenMinter;
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
import java.util.concurrent.Semaphore;

/**
 * The server process of the waiters benchmark, run by {@link WaitersBench} in a JVM of its own so that its heap
 * and RSS are its own: an asyncops server with no workers (operations stay running until ended here), N
 * operations submitted at start, and commands on stdin: {@code heap} (after a GC: used heap, RSS, threads),
 * {@code end} (ends every operation, as a cancel does, and prints when each ended), {@code quit}.
 * Arguments: {@code h2|postgresql}, the number of operations.
 */
public final class WaiterServer {
    static final String SUB = "00000000-0000-0000-0000-00000000a17e";
    static final String KIND = "Bench.Waiters/things/write";

    private WaiterServer() {
    }

    public static void main(String[] args) throws Exception {
        boolean pg = args[0].equals("postgresql");
        int n = Integer.parseInt(args[1]);
        Path dataDir = Files.createTempDirectory("asyncops-bench-waiters");
        try (BenchPostgres postgres = pg ? BenchPostgres.start() : null) {
            ServerConfig.Builder b = ServerConfig.builder().httpPort(0).host("127.0.0.1").dataDir(dataDir)
                    .engine(e -> e.runWorkers(false).handler(KIND, ctx -> io.asyncops.engine.Outcome.succeeded()));
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
                String token = TokenMinter.forDataDir(dataDir).mint("bench", List.of(SUB), Duration.ofHours(2));
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
                    switch (line.trim()) {
                        case "heap" -> heap();
                        case "end" -> end(engine, ids);
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

    /** Ends every operation (16 at a time), then prints each one's end in epoch microseconds. */
    private static void end(Engine engine, List<OperationId> ids) throws Exception {
        long[] ended = new long[ids.size()];
        Semaphore lanes = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ids.size(); i++) {
                int k = i;
                lanes.acquire();
                pool.submit(() -> {
                    try {
                        Operation op = engine.cancel(ids.get(k));
                        ended[k] = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, op.endedAt());
                    } finally {
                        lanes.release();
                    }
                    return null;
                });
            }
        }
        StringBuilder sb = new StringBuilder("ENDED");
        for (long e : ended) {
            sb.append(' ').append(e);
        }
        System.out.println(sb);
    }
}
