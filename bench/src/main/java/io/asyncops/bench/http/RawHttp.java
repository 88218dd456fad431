package io.asyncops.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection for latency measurements: each request is written at once, each answer read
 * to its last byte (by {@code Content-Length}). Not thread-safe; one per load thread.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String headers;

    /** A connection to {@code 127.0.0.1:port} sending {@code Authorization: Bearer token} (none when null). */
    RawHttp(int port, String token) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.out = socket.getOutputStream();
        this.headers = "Host: 127.0.0.1:" + port + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n");
    }

    /** The status and body length of an answer. */
    record Answer(int status, int length) {
    }

    /** {@code GET path}. */
    Answer get(String path) throws IOException {
        return send("GET", path, "", null);
    }

    /** A request with extra header lines ({@code "Name: value\r\n"} each) and an optional body. */
    Answer send(String method, String path, String extraHeaders, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n" + headers + extraHeaders
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n")
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        out.write(all);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(text.substring(9, 12));
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
                throw new IOException("chunked answers are not read here: " + text);
            }
        }
        in.skipNBytes(length);
        return new Answer(status, length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
