package io.asyncops.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what a hostile client sends (any method, any header bytes, broken
 * chunking) and what the server answers, read strictly (status line, headers, a body framed by
 * {@code Content-Length}, chunks or the close). No HTTP library smooths anything over on either side.
 */
final class RawHttp {
    /** How an exchange ended. */
    enum Outcome { ANSWERED, CLOSED_WITHOUT_ANSWER, HUNG }

    /**
     * What came back.
     *
     * @param outcome answered, closed by the server before any status line, or no answer within the timeout
     * @param status  the status code (0 unless answered)
     * @param headers the headers, names lower-cased
     * @param body    the body as UTF-8 text
     * @param millis  how long the exchange took
     */
    record Answer(Outcome outcome, int status, Map<String, List<String>> headers, String body, long millis) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} on a new connection and reads one answer (skipping interim 1xx answers). With
     * {@code halfClose} the client shuts its output after writing (a truncated body ends at EOF, not at a timeout).
     */
    static Answer exchange(int port, byte[] request, boolean halfClose, boolean headRequest, Duration timeout) {
        return exchange(port, request, halfClose, headRequest, false, timeout);
    }

    /**
     * As {@link #exchange(int, byte[], boolean, boolean, Duration)}; with {@code stream}, a chunked answer is read
     * only up to its first chunk (an event stream never ends by itself), and the connection is then closed.
     */
    static Answer exchange(int port, byte[] request, boolean halfClose, boolean headRequest, boolean stream,
                           Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException refusedMidway) {
                // the server answered early and closed (e.g. a 413 before the body): read what it said
            }
            InputStream in = socket.getInputStream();
            while (true) {
                String statusLine;
                try {
                    statusLine = line(in);
                } catch (EOFException | SocketException e) {
                    return new Answer(Outcome.CLOSED_WITHOUT_ANSWER, 0, Map.of(), "", millis(start));
                }
                String[] parts = statusLine.split(" ", 3);
                int status = Integer.parseInt(parts[1]);
                Map<String, List<String>> headers = headers(in);
                if (status >= 100 && status < 200) {
                    continue;
                }
                String body = new String(stream && chunked(headers) ? firstChunk(in)
                        : body(in, headers, status, headRequest), StandardCharsets.UTF_8);
                return new Answer(Outcome.ANSWERED, status, headers, body, millis(start));
            }
        } catch (SocketTimeoutException e) {
            return new Answer(Outcome.HUNG, 0, Map.of(), "", millis(start));
        } catch (IOException e) {
            return new Answer(Outcome.CLOSED_WITHOUT_ANSWER, 0, Map.of(), e.toString(), millis(start));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static boolean chunked(Map<String, List<String>> headers) {
        List<String> te = headers.get("transfer-encoding");
        return te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static byte[] firstChunk(InputStream in) throws IOException {
        String size = line(in);
        int semi = size.indexOf(';');
        return in.readNBytes(Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16));
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers, int status, boolean head)
            throws IOException {
        if (head || status == 204 || status == 304) {
            return new byte[0];
        }
        if (chunked(headers)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.get(0)));
        }
        return in.readAllBytes();
    }

    /** One CRLF- (or LF-) terminated line as ISO-8859-1 text. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }
}
