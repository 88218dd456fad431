package io.asyncops.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile request: its route family (for the report), what it abuses, and its exact bytes.
 *
 * @param family    the route family it aims at (arm, status, list, cancel, classic, health, metrics, auth, transport)
 * @param abuse     what is wrong with it, for the report
 * @param bytes     the request exactly as sent
 * @param halfClose shut the client's output after sending (a truncated body ends at EOF)
 * @param head      a HEAD request (its answer has no body)
 * @param stream    the answer may be an endless stream (server-sent events): read its head and first chunk only
 */
record Probe(String family, String abuse, byte[] bytes, boolean halfClose, boolean head, boolean stream) {

    /** The request's first line, shortened, for failure messages. */
    String firstLine() {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replaceAll("\\p{Cntrl}", "?");
    }

    /** Builds a request: defaults {@code Host}, {@code Connection: close}, and a {@code Content-Length} for a body. */
    static final class Builder {
        private final String family;
        private final String abuse;
        private String method = "GET";
        private String target = "/";
        private String version = "HTTP/1.1";
        private final List<String> headers = new ArrayList<>();
        private byte[] body;
        private byte[] rawBody;
        private boolean noHost;
        private boolean noLength;
        private boolean halfClose;
        private boolean stream;
        private String lineEnd = "\r\n";

        Builder(String family, String abuse) {
            this.family = family;
            this.abuse = abuse;
        }

        Builder method(String value) {
            method = value;
            return this;
        }

        Builder target(String value) {
            target = value;
            return this;
        }

        Builder version(String value) {
            version = value;
            return this;
        }

        Builder header(String name, String value) {
            headers.add(name + ": " + value);
            return this;
        }

        /** A header line exactly as given (may be malformed). */
        Builder rawHeader(String line) {
            headers.add(line);
            return this;
        }

        Builder token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        Builder body(String value) {
            return body(value.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(byte[] value) {
            body = value;
            return this;
        }

        /** Bytes after the headers, framed by nothing (the headers say how, or lie). */
        Builder rawBody(String value) {
            rawBody = value.getBytes(StandardCharsets.ISO_8859_1);
            return this;
        }

        Builder noHost() {
            noHost = true;
            return this;
        }

        Builder noContentLength() {
            noLength = true;
            return this;
        }

        Builder halfClose() {
            halfClose = true;
            return this;
        }

        /** The answer may not end (an event stream): take its head and first chunk, then hang up. */
        Builder stream() {
            stream = true;
            return this;
        }

        Builder bareLineFeeds() {
            lineEnd = "\n";
            return this;
        }

        Probe build() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(version.isEmpty() ? "" : " " + version)
                    .append(lineEnd);
            if (!noHost) {
                head.append("Host: 127.0.0.1").append(lineEnd);
            }
            head.append("Connection: close").append(lineEnd);
            for (String h : headers) {
                head.append(h).append(lineEnd);
            }
            if (body != null && !noLength) {
                head.append("Content-Length: ").append(body.length).append(lineEnd);
            }
            head.append(lineEnd);
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(body);
            }
            if (rawBody != null) {
                out.writeBytes(rawBody);
            }
            return new Probe(family, abuse, out.toByteArray(), halfClose || rawBody != null,
                    method.equals("HEAD"), stream);
        }
    }
}
