package io.asyncops.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The guard closes only connections whose request is late: kept-alive connections that send request after request
 * quickly are never closed, however often the sweeper looks. (A sweeper that read a connection's phase and then its
 * deadline could pair a head's phase with the zero deadline of the request's next phase, and close a connection
 * whose client had done nothing wrong, without a word: two runs of {@code bin/bench million} ended so.)
 */
class ConnectionGuardTest {
    private static final int CONNECTIONS = 8;
    private static final Duration RUN = Duration.ofSeconds(3);

    @Test
    void aSweeperLookingAllTheTimeNeverClosesAConnectionWhoseRequestsComeQuickly() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // deadlines no request here comes near: any close is the guard's mistake
        ConnectionGuard guard = new ConnectionGuard(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO,
                registry);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .protocols(List.of(Http1Config.builder().name("http_1_1").addReceiveListener(guard).build()))
                .routing(r -> r
                        .addFilter((chain, req, res) -> {
                            try {
                                chain.proceed();
                            } finally {
                                guard.answered(req); // as the request filter does
                            }
                        })
                        .get("/ping", (req, res) -> res.send("pong")))
                .build()
                .start();
        try {
            List<Future<Long>> clients = new ArrayList<>();
            long end = System.nanoTime() + RUN.toNanos();
            try (ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS)) {
                for (int i = 0; i < CONNECTIONS; i++) {
                    clients.add(pool.submit(() -> requests(server.port(), end)));
                }
            }
            long total = 0;
            for (Future<Long> f : clients) {
                total += f.get(); // an IOException here: a connection closed under its client
            }
            double closed = registry.get("asyncops.http.connections.timed.out").tag("phase", "header").counter().count()
                    + registry.get("asyncops.http.connections.timed.out").tag("phase", "body").counter().count();
            System.out.printf("%,d requests on %d kept-alive connections under a sweeper that never sleeps;"
                    + " %.0f closed by the guard%n", total, CONNECTIONS, closed);
            assertThat(closed).as("connections the guard closed").isZero();
            assertThat(total).as("requests answered").isGreaterThan(1_000);
        } finally {
            server.stop();
            guard.close();
        }
    }

    /** Requests on one kept-alive connection until {@code end}; how many were answered. */
    private static long requests(int port, long end) throws IOException {
        byte[] request = ("GET /ping HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        long n = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (System.nanoTime() < end) {
                out.write(request);
                out.flush();
                readAnswer(in, n);
                n++;
            }
        }
        return n;
    }

    /** Reads one answer to its last byte; the server's closing the connection instead fails the client. */
    private static void readAnswer(InputStream in, long answered) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server after " + answered + " answers");
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
    }
}
