package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts at the front door: wrk sends {@code PUT}s of new SQL servers on the ARM plane (each a new long-running
 * operation: validation, the resource's row and the operation's row in one durable commit, then {@code 202}), in
 * turns with status GETs of a running operation on the same server and with the same connection count. Prints
 * starts/s and their ratio to status GETs/s. Options: {@code --db postgresql|h2} (postgresql), {@code -c}
 * connections (64), {@code -d} seconds per run (10), {@code --rounds} (3).
 */
public final class PutBench {
    private PutBench() {
    }

    public static void main(String[] args) throws Exception {
        String db = "postgresql";
        int connections = 64;
        int seconds = 10;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> db = args[++i].toLowerCase(Locale.ROOT);
                case "-c" -> connections = Integer.parseInt(args[++i]);
                case "-d" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bin/bench put [--db postgresql|h2] [-c connections] [-d seconds]"
                            + " [--rounds k]");
                    System.exit(2);
                }
            }
        }
        if (!Wrk.available()) {
            System.err.println("bench: " + Wrk.BINARY + " is missing (Debian package wrk)");
            System.exit(3);
        }
        System.out.printf("put benchmark: PUT to 202 of SQL servers on the ARM plane, %s, wrk -t2 -c%d, %d s per run,"
                + " %d rounds, %d CPUs, load average %.1f%n", db, connections, seconds, rounds,
                Runtime.getRuntime().availableProcessors(), Load.average());
        try (BenchPostgres pg = db.equals("postgresql") ? BenchPostgres.start() : null;
             BenchServer server = new BenchServer(pg, 100, b -> { })) {
            String running = server.createSqlServer("running");
            List<String> auth = List.of("Authorization: Bearer " + server.token());
            List<Double> puts = new ArrayList<>();
            List<Double> gets = new ArrayList<>();
            long started = 0;
            for (int round = 0; round <= rounds; round++) {
                Path script = script(server.token(), "r" + round);
                Wrk.Result put = Wrk.run(server.url("/"), connections, round == 0 ? 3 : seconds, List.of(),
                        Optional.of(script));
                Wrk.Result get = Wrk.run(running, connections, round == 0 ? 3 : seconds, auth, Optional.empty());
                Files.deleteIfExists(script);
                if (put.non2xx() > 0 || put.socketErrors() > 0 || get.non2xx() > 0 || get.socketErrors() > 0) {
                    throw new IllegalStateException("errors: PUT " + put + ", GET " + get);
                }
                started += Math.round(put.perSecond() * (round == 0 ? 3 : seconds));
                if (round == 0) {
                    continue; // warm-up
                }
                puts.add(put.perSecond());
                gets.add(get.perSecond());
                System.out.printf("  round %d  PUT->202 %7.0f starts/s (p50 %6.2f ms, p99 %6.2f ms)   status GET %7.0f"
                                + " req/s (p50 %5.2f ms)   ratio %.3f%n", round, put.perSecond(), put.p50Millis(),
                        put.p99Millis(), get.perSecond(), get.p50Millis(), put.perSecond() / get.perSecond());
            }
            System.out.printf("  median: %.0f starts/s, %.0f status GETs/s; starts/status GETs %.3f (median of the"
                    + " per-round ratios)%n", Load.median(puts), Load.median(gets), Load.medianRatio(puts, gets));
            try (var c = server.server().dataSource().getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("select count(*) from asyncops_operation")) {
                rs.next();
                System.out.printf("  %,d operations stored (about %,d expected from wrk's counts)%n", rs.getLong(1),
                        started + 1);
            }
        }
    }

    /** A wrk script whose every request PUTs a SQL server of a new name. */
    private static Path script(String token, String round) throws java.io.IOException {
        String lua = """
                local n = 0
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                function request()
                  n = n + 1
                  local path = "%s/providers/Microsoft.Sql/servers/b%s-" .. tid .. "-" .. n .. "%s"
                  return wrk.format("PUT", path, {["Authorization"] = "Bearer %s",
                    ["Content-Type"] = "application/json"}, '%s')
                end
                """.formatted(BenchServer.RG, round, BenchServer.SQL, token,
                "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                        + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}");
        Path p = Files.createTempFile("asyncops-put", ".lua");
        Files.writeString(p, lua, StandardCharsets.UTF_8);
        return p;
    }
}
