package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status polls at the HTTP stack's limit: wrk loads, in turns on the same server and with the same connection
 * count, {@code /health/live} (no token, no database), the authenticated status monitor of a running operation,
 * and that of a finished one. Prints each run (with the CPU per request of this JVM, where the server runs, and
 * of wrk) and the median of the per-round ratios, each status rate against the mean of the health runs just
 * before and after its round (health brackets the rounds: a machine whose load drifts during the run weighs on both
 * sides of a ratio alike). Options: {@code --db h2|
 * postgresql} (both), {@code -c} connections (32), {@code -d} seconds per run (10), {@code --rounds} (3),
 * {@code --only} (the kinds whose name holds it), {@code --token-health} (also health sent with a poll's token).
 */
public final class StatusBench {
    private StatusBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> dbs = List.of("h2", "postgresql");
        int connections = 32;
        int seconds = 10;
        int rounds = 3;
        String only = "";
        boolean tokenHealth = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> dbs = List.of(args[++i].toLowerCase(java.util.Locale.ROOT));
                case "-c" -> connections = Integer.parseInt(args[++i]);
                case "-d" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--token-health" -> tokenHealth = true;
                default -> {
                    System.err.println("usage: bin/bench status [--db h2|postgresql] [-c connections] [-d seconds]"
                            + " [--rounds k] [--only name] [--token-health]");
                    System.exit(2);
                }
            }
        }
        if (!Wrk.available()) {
            System.err.println("bench: " + Wrk.BINARY + " is missing (Debian package wrk)");
            System.exit(3);
        }
        System.out.printf("status benchmark: wrk -t2 -c%d, %d s per run, %d rounds, %d CPUs, load average %.1f%n",
                connections, seconds, rounds, Runtime.getRuntime().availableProcessors(), Load.average());
        try (BenchPostgres pg = dbs.contains("postgresql") ? BenchPostgres.start() : null) {
            for (String db : dbs) {
                run(db, db.equals("postgresql") ? pg : null, connections, seconds, rounds, only, tokenHealth);
            }
        }
    }

    private static void run(String db, BenchPostgres pg, int connections, int seconds, int rounds, String only,
                            boolean tokenHealth) {
        // time scale 100: a SQL server create runs for over an hour, so the running one stays running
        try (BenchServer server = new BenchServer(pg, 100, b -> { })) {
            String running = server.createSqlServer("running");
            String finished = server.createSqlServer("finished");
            server.send("POST", java.net.URI.create(finished.replace("?", "/cancel?")), null);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (server.status(finished).equals("InProgress")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the canceled operation did not end");
                }
                Thread.onSpinWait();
            }
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("/health/live", server.url("/health/live"));
            if (tokenHealth) { // health with a poll's Authorization header, which health does not read: the share of
                // a poll's cost that is the transport reading and validating the token's ~850 characters
                urls.put("health, with token", server.url("/health/live"));
            }
            urls.put("status, running", running);
            urls.put("status, finished", finished);
            urls.keySet().removeIf(k -> !k.contains(only)); // a profile of one kind of request
            List<String> auth = List.of("Authorization: Bearer " + server.token());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            System.out.println(db + ":");
            for (Map.Entry<String, String> u : urls.entrySet()) { // warm-up: compiled code, filled caches
                Wrk.run(u.getValue(), connections, Math.max(2, seconds / 2),
                        u.getKey().startsWith("/health") ? List.of() : auth, Optional.empty());
            }
            // health brackets every round: H (R F H) x rounds. Each status rate is compared with the mean of the
            // health runs just before and just after its round, so a machine getting busier or quieter during the
            // run (other processes share the 2 CPUs) weighs on both sides of a ratio alike; compared with one
            // health run at the round's start, the round's last run (the finished operation's) took all the drift
            boolean withHealth = urls.containsKey("/health/live");
            List<String> kinds = new ArrayList<>(urls.keySet());
            kinds.remove("/health/live");
            if (withHealth) {
                measure(0, "/health/live", urls, auth, connections, seconds, rates, cpu);
            }
            for (int round = 1; round <= rounds; round++) {
                for (String k : kinds) {
                    measure(round, k, urls, auth, connections, seconds, rates, cpu);
                }
                if (withHealth) {
                    measure(round, "/health/live", urls, auth, connections, seconds, rates, cpu);
                }
            }
            List<Double> health = rates.get("/health/live");
            if (health == null) {
                return;
            }
            List<Double> bracketing = new ArrayList<>();
            for (int i = 0; i + 1 < health.size(); i++) {
                bracketing.add((health.get(i) + health.get(i + 1)) / 2);
            }
            for (String k : kinds) {
                double ratio = Load.medianRatio(rates.get(k), bracketing);
                System.out.printf("  %s: %-16s / health %5.2fx (median of %d rounds, each against the health runs"
                                + " around it; goal >= 0.8x: %s); server CPU per request %.1f vs %.1f us%n", db, k,
                        ratio, rounds, ratio >= 0.8 ? "met" : "NOT met", Load.median(cpu.get(k)),
                        Load.median(cpu.get("/health/live")));
            }
        }
    }

    private static void measure(int round, String kind, Map<String, String> urls, List<String> auth,
                                int connections, int seconds, Map<String, List<Double>> rates,
                                Map<String, List<Double>> cpu) {
        Wrk.Result r = Wrk.run(urls.get(kind), connections, seconds,
                kind.startsWith("/health") ? List.of() : auth, Optional.empty());
        if (r.non2xx() > 0) {
            throw new IllegalStateException(kind + ": " + r);
        }
        rates.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.perSecond());
        cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(r.jvmCpuMicros());
        // wrk counts a request slower than its 2 s timeout as a socket error: reported, not fatal
        System.out.printf("  round %d  %-18s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU per request:"
                        + " server JVM %5.1f us, wrk %4.1f us; context switches per request %.2f%s%n", round, kind,
                r.perSecond(), r.p50Millis(), r.p99Millis(), r.jvmCpuMicros(), r.wrkCpuMicros(), r.jvmSwitches(),
                r.socketErrors() > 0 ? "  socket errors " + r.socketErrors() : "");
    }
}
