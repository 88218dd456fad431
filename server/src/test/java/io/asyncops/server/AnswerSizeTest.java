package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No size step: on one kept-alive loopback connection, a 100-item list page and a 1 MB answer take about as long
 * as a 5-item page. Before the server set {@code TCP_NODELAY}, every answer over ~8 KB waited ~40 ms for a
 * delayed ACK (Nagle), whatever its route.
 */
class AnswerSizeTest {

    @Test
    void largeAnswersTakeAboutAsLongAsSmallOnes(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            // the big one first: list pages are newest first, and its monitor carries its result
            String big = started(server.put("big", "{\"steps\":0,\"resultBytes\":1000000}"));
            String bigResult = big.replace("operationStatuses", "operationResults");
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
                var puts = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int i = 0; i < 100; i++) {
                    String name = "item-" + i;
                    puts.add(pool.submit(() -> started(server.put(name, "{\"steps\":0}"))));
                }
                for (var put : puts) {
                    put.get();
                }
            }
            String list = "/subscriptions/" + TestServer.SUB + "/operationStatuses?api-version=2024-01-01&$top=";
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> server.get(list + "5&$filter=status%20eq%20'InProgress'").body().contains("\"value\":[]"));

            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("5-item page", list + 5);
            paths.put("100-item page", list + 100);
            paths.put("1 MB result", URI.create(bigResult).getRawPath() + "?" + URI.create(bigResult).getRawQuery());
            Map<String, long[]> nanos = new LinkedHashMap<>();
            int rounds = 150;
            paths.keySet().forEach(k -> nanos.put(k, new long[rounds]));
            try (Connection c = new Connection(server.server().httpPort(), server.token())) {
                for (int i = -20; i < rounds; i++) {
                    for (Map.Entry<String, String> p : paths.entrySet()) {
                        long t0 = System.nanoTime();
                        int bytes = c.get(p.getValue());
                        if (i >= 0) {
                            nanos.get(p.getKey())[i] = System.nanoTime() - t0;
                        }
                        if (i == 0) {
                            assertThat(bytes).as(p.getKey()).isBetween(p.getKey().startsWith("5") ? 3_000
                                    : p.getKey().startsWith("100") ? 40_000 : 990_000,
                                    p.getKey().startsWith("5") ? 8_000 : p.getKey().startsWith("100") ? 200_000 : 1_100_000);
                        }
                    }
                }
            }
            double small = p50(nanos.get("5-item page"));
            StringBuilder figures = new StringBuilder();
            nanos.forEach((k, v) -> figures.append(String.format(Locale.ROOT, "%s p50 %.2f ms; ", k, p50(v))));
            System.out.println("answer sizes on one connection: " + figures);
            // within 3x of the small answer on a quiet machine; on a loaded one, copying 1 MB alone can take a few
            // milliseconds more than 3x a sub-millisecond answer, so the bound is also met by anything well under
            // the delayed-ACK wait (40 ms) that a size step adds
            double bound = Math.max(3 * small, small + 20);
            assertThat(p50(nanos.get("100-item page"))).as(figures.toString()).isLessThan(bound);
            assertThat(p50(nanos.get("1 MB result"))).as(figures.toString()).isLessThan(bound);
        }
    }

    private static String started(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("Azure-AsyncOperation").orElseThrow();
    }

    private static double p50(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** One kept-alive HTTP/1.1 connection, each request written at once, answers read to their last byte. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String token;

        Connection(int port, String token) throws IOException {
            this.socket = new Socket();
            socket.setReceiveBufferSize(4 * 1024 * 1024); // a browser's or curl's window: 1 MB arrives in one go
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 256 * 1024);
            this.out = socket.getOutputStream();
            this.token = token;
        }

        /** GETs {@code path}; the body's length. */
        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            assertThat(headers).startsWith("HTTP/1.1 200");
            int length = -1;
            for (String line : headers.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            assertThat(length).as("a Content-Length in\n%s", headers).isGreaterThanOrEqualTo(0);
            byte[] body = in.readNBytes(length);
            assertThat(body).hasSize(length);
            return length;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
