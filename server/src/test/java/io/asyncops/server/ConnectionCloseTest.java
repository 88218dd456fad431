package io.asyncops.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.classic.ClassicPlane;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 9112 §9.6 over real sockets, on both planes and both listeners: a request with {@code Connection: close} (or an
 * HTTP/1.0 request without {@code keep-alive}) gets its whole answer, marked {@code Connection: close}, and then the
 * server closes the connection; a request without it leaves the connection open for the next one.
 */
class ConnectionCloseTest {
    /** How long the server may take to close after its answer. */
    private static final int CLOSE_WITHIN_MS = 2_000;
    /** How long a kept-alive connection is watched for a close that must not come. */
    private static final int STAYS_OPEN_MS = 700;

    @TempDir
    static Path data;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, b -> b.addPlane(new ArmPlane()).addPlane(new ClassicPlane()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String armList() {
        return "/subscriptions/" + TestServer.SUB + "/resourcegroups?api-version=2025-04-01";
    }

    private static String classicGet() {
        return "/" + TestServer.SUB + "/cloudservices/cs1/resources/biztalkservices/biztalk/missing";
    }

    @Test
    void anArmAnswerIsFollowedByTheClose() throws IOException {
        try (Conn c = Conn.plain(server)) {
            Answer a = c.exchange(get(armList(), "HTTP/1.1", "Connection: close"));
            assertThat(a.status).isEqualTo(200);
            assertThat(a.body).contains("\"value\"");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void aClassicAnswerIsFollowedByTheClose() throws IOException {
        try (Conn c = Conn.plain(server)) {
            Answer a = c.exchange(get(classicGet(), "HTTP/1.1", "Connection: close", "x-ms-version: 2013-04-26"));
            assertThat(a.status).isEqualTo(404);
            assertThat(a.body).startsWith("<Error");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void anAcceptedStartIsAnsweredWholeThenClosed() throws IOException {
        String body = "{\"steps\":1}";
        try (Conn c = Conn.plain(server)) {
            Answer a = c.exchange(request("PUT", TestServer.thing("closing") + "?api-version="
                    + io.asyncops.server.testing.TestOpsPlane.API_VERSION, "HTTP/1.1", body,
                    "Connection: close", "Content-Type: application/json"));
            assertThat(a.status).as(a.body).isIn(200, 201, 202);
            assertClosedAfter(a, c);
        }
    }

    @Test
    void anAnswerLargerThanTheWriteBufferArrivesWholeBeforeTheClose() throws IOException {
        try (Conn c = Conn.plain(server)) {
            Answer a = c.exchange(request("GET", "/openapi.json", "HTTP/1.1", null, "Connection: close"));
            assertThat(a.status).isEqualTo(200);
            assertThat(a.body.length()).isGreaterThan(64 * 1024);
            assertThat(a.body.strip()).startsWith("{").endsWith("}");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void anErrorAnswerIsFollowedByTheClose() throws IOException {
        try (Conn c = Conn.plain(server)) {
            // no token: the authentication filter answers 401
            Answer a = c.exchange(request("GET", armList(), "HTTP/1.1", null, "Connection: close"));
            assertThat(a.status).isEqualTo(401);
            assertClosedAfter(a, c);
        }
    }

    @Test
    void aBodyNobodyReadDoesNotResetTheAnswer() throws IOException {
        String body = "{\"steps\":1,\"pad\":\"" + "x".repeat(200_000) + "\"}";
        try (Conn c = Conn.plain(server)) {
            // no token: refused before any route reads the body
            Answer a = c.exchange(request("POST", armList(), "HTTP/1.1", body, "Connection: close",
                    "Content-Type: application/json"));
            assertThat(a.status).isEqualTo(401);
            assertThat(a.body).contains("\"error\"");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void anHttp10RequestWithoutKeepAliveIsClosed() throws IOException {
        try (Conn c = Conn.plain(server)) {
            // the server speaks HTTP/1.1 only: the answer is its 505, in the plane's format
            Answer a = c.exchange(get(armList(), "HTTP/1.0"));
            assertThat(a.status).isEqualTo(505);
            assertThat(a.body).contains("HttpVersionNotSupported");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void theHttpsListenerClosesToo() throws IOException {
        try (Conn c = Conn.tls(server)) {
            Answer a = c.exchange(get(armList(), "HTTP/1.1", "Connection: close"));
            assertThat(a.status).isEqualTo(200);
            assertClosedAfter(a, c);
        }
        try (Conn c = Conn.tls(server)) {
            Answer a = c.exchange(get(classicGet(), "HTTP/1.0", "x-ms-version: 2013-04-26"));
            assertThat(a.status).isEqualTo(505);
            assertThat(a.body).startsWith("<Error");
            assertClosedAfter(a, c);
        }
    }

    @Test
    void aConnectionWithoutTheHeaderStaysOpenForTheNextRequest() throws IOException {
        for (boolean tls : new boolean[] {false, true}) {
            try (Conn c = tls ? Conn.tls(server) : Conn.plain(server)) {
                for (int i = 0; i < 3; i++) {
                    Answer a = c.exchange(i % 2 == 0 ? get(armList(), "HTTP/1.1")
                            : get(classicGet(), "HTTP/1.1", "x-ms-version: 2013-04-26"));
                    assertThat(a.status).isIn(200, 404);
                    assertThat(a.header("connection")).as("Connection header").isNotEqualToIgnoringCase("close");
                }
                assertThat(c.closedWithin(STAYS_OPEN_MS)).as("closed by the server").isFalse();
                // and it still serves a request, which may now ask for the close
                Answer last = c.exchange(get(armList(), "HTTP/1.1", "Connection: close"));
                assertThat(last.status).isEqualTo(200);
                assertClosedAfter(last, c);
            }
        }
    }

    private static void assertClosedAfter(Answer a, Conn c) throws IOException {
        assertThat(a.header("connection")).as("Connection header").isEqualToIgnoringCase("close");
        long start = System.nanoTime();
        assertThat(c.closedWithin(CLOSE_WITHIN_MS)).as("EOF within %d ms of the answer", CLOSE_WITHIN_MS).isTrue();
        System.out.printf("%d answer (%,d bytes) then EOF after %.1f ms%n", a.status, a.body.length(),
                (System.nanoTime() - start) / 1e6);
    }

    private static byte[] get(String path, String version, String... headers) {
        String[] all = new String[headers.length + 1];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "Authorization: Bearer " + server.token();
        return request("GET", path, version, null, all);
    }

    private static byte[] request(String method, String path, String version, String body, String... headers) {
        StringBuilder s = new StringBuilder(method).append(' ').append(path).append(' ').append(version).append("\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        if (method.equals("PUT")) {
            s.append("Authorization: Bearer ").append(server.token()).append("\r\n");
        }
        byte[] entity = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            s.append("Content-Length: ").append(entity.length).append("\r\n");
        }
        s.append("\r\n");
        byte[] head = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + entity.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(entity, 0, all, head.length, entity.length);
        return all;
    }

    /** An answer read to its last byte as its framing says. */
    private record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** One client connection, plain or TLS, read strictly. */
    private static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Conn(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(30_000);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        static Conn plain(TestServer server) throws IOException {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", server.server().httpPort()), 5_000);
            return new Conn(s);
        }

        static Conn tls(TestServer server) throws IOException {
            SSLSocket s = (SSLSocket) TestServer.trusting(server.server().selfSignedCertificate().orElseThrow())
                    .getSocketFactory().createSocket();
            s.connect(new InetSocketAddress("127.0.0.1", server.server().httpsPort().orElseThrow()), 5_000);
            s.startHandshake();
            return new Conn(s);
        }

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            assertThat(statusLine).startsWith("HTTP/1.");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    assertThat(line()).isEmpty();
                }
                assertThat(line()).isEmpty();
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                byte[] b = in.readNBytes(length);
                assertThat(b).as("body bytes").hasSize(length);
                body.write(b);
            }
            return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        /** Whether the server closed the connection (EOF, or a reset) within {@code millis}, sending nothing. */
        boolean closedWithin(int millis) throws IOException {
            socket.setSoTimeout(millis);
            try {
                int b = in.read();
                assertThat(b).as("bytes after the answer").isEqualTo(-1);
                return true;
            } catch (SocketTimeoutException open) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            } finally {
                if (!socket.isClosed()) {
                    socket.setSoTimeout(30_000);
                }
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("EOF inside an answer after: " + s);
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
