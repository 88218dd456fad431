package io.asyncops.bench.poller;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

/**
 * An ARM-style operation server for the benchmark, on a free loopback port: {@code PUT /ops/{id}} answers 202 with
 * {@code Azure-AsyncOperation}, {@code Location} and {@code Retry-After: 1}; the status monitor says InProgress until
 * the operation's planned end, advising a Retry-After that grows with the operation's age as asyncops' does (1 s, then
 * up to 5 s), and honours {@code Prefer: wait=N} (holds the poll until the end or N seconds). It records, per
 * operation, every request and the first request that saw it Succeeded.
 */
final class EmulatedArmServer implements AutoCloseable {
    private final HttpServer server;
    private final LongUnaryOperator durationMillisOf;
    private final Map<String, Op> ops = new ConcurrentHashMap<>();

    /** One operation's bookkeeping; times on the monotonic clock. */
    static final class Op {
        final long startNanos;
        final long endNanos;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicLong noticedNanos = new AtomicLong();

        Op(long startNanos, long durationMillis) {
            this.startNanos = startNanos;
            this.endNanos = startNanos + durationMillis * 1_000_000L;
        }

        /** Delay between the end and the first request that saw it, in ms; -1 if none saw it. */
        double noticeDelayMillis() {
            long noticed = noticedNanos.get();
            return noticed == 0 ? -1 : (noticed - endNanos) / 1e6;
        }
    }

    /** @param durationMillisOf the planned duration of operation number n */
    EmulatedArmServer(LongUnaryOperator durationMillisOf) throws IOException {
        this.durationMillisOf = durationMillisOf;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    Op op(String id) {
        return ops.get(id);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String[] parts = ex.getRequestURI().getPath().split("/");
            if (parts.length != 3) {
                send(ex, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such route\"}}");
                return;
            }
            String kind = parts[1];
            String id = parts[2];
            String method = ex.getRequestMethod();
            if (kind.equals("ops") && method.equals("PUT")) {
                long n = Long.parseLong(id.replaceAll("\\D", "0"));
                Op op = new Op(System.nanoTime(), durationMillisOf.applyAsLong(n));
                ops.put(id, op);
                op.requests.incrementAndGet();
                ex.getResponseHeaders().add("Azure-AsyncOperation", url("/status/" + id).toString());
                ex.getResponseHeaders().add("Location", url("/results/" + id).toString());
                ex.getResponseHeaders().add("Retry-After", "1");
                ex.sendResponseHeaders(202, -1);
                return;
            }
            Op op = ops.get(id);
            if (op == null) {
                send(ex, 404, "{\"error\":{\"code\":\"OperationNotFound\",\"message\":\"" + id + "\"}}");
                return;
            }
            op.requests.incrementAndGet();
            switch (kind) {
                case "status" -> status(ex, op);
                case "results" -> {
                    if (System.nanoTime() < op.endNanos) {
                        ex.getResponseHeaders().add("Location", url("/results/" + id).toString());
                        ex.getResponseHeaders().add("Retry-After", retryAfter(op));
                        ex.sendResponseHeaders(202, -1);
                    } else {
                        op.noticedNanos.compareAndSet(0, System.nanoTime());
                        send(ex, 200, resource(id));
                    }
                }
                case "ops" -> send(ex, 200, resource(id));
                default -> send(ex, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such route\"}}");
            }
        }
    }

    private void status(HttpExchange ex, Op op) throws IOException {
        String prefer = ex.getRequestHeaders().getFirst("Prefer");
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).startsWith("wait=")) {
            long waitNanos = Long.parseLong(prefer.substring(5).trim()) * 1_000_000_000L;
            long until = Math.min(op.endNanos, System.nanoTime() + waitNanos);
            long sleep = until - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.getResponseHeaders().add("Preference-Applied", prefer.trim());
        }
        long now = System.nanoTime();
        if (now >= op.endNanos) {
            op.noticedNanos.compareAndSet(0, now);
            send(ex, 200, "{\"status\":\"Succeeded\",\"percentComplete\":100.0}");
            return;
        }
        double percent = 100.0 * (now - op.startNanos) / (op.endNanos - op.startNanos);
        ex.getResponseHeaders().add("Retry-After", retryAfter(op));
        send(ex, 200, String.format(Locale.ROOT, "{\"status\":\"InProgress\",\"percentComplete\":%.1f}", percent));
    }

    /** Short at first, longer as the operation runs on (asyncops' adaptive policy, in whole seconds). */
    private static String retryAfter(Op op) {
        long ageSeconds = (System.nanoTime() - op.startNanos) / 1_000_000_000L;
        return Long.toString(Math.min(5, 1 + ageSeconds / 4));
    }

    private static String resource(String id) {
        return "{\"id\":\"/ops/" + id + "\",\"name\":\"" + id + "\",\"properties\":{\"provisioningState\":\"Succeeded\"}}";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
