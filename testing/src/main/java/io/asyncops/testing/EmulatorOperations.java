package io.asyncops.testing;

import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's operations, read straight from its engine, for tests to assert on: what was started, how it ended,
 * and waiting for it. An operation is named by its id, by any URL that ends with it (the {@code Azure-AsyncOperation}
 * or {@code Location} URL of a {@code 202}), or, for the classic plane, by the {@code x-ms-request-id} of the
 * request that started it.
 *
 * <pre>{@code
 * HttpResponse<String> accepted = ...;  // a PUT answered 202
 * Operation op = emu.operations().await(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
 * assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
 * }</pre>
 */
public final class EmulatorOperations {
    /** How long {@link #await(String)} and {@link #awaitIdle()} wait at most. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<OperationStatus> RUNNING = EnumSet.of(OperationStatus.ACCEPTED,
            OperationStatus.IN_PROGRESS);

    private final Engine engine;

    EmulatorOperations(Engine engine) {
        this.engine = engine;
    }

    /**
     * Every operation, newest first.
     *
     * @return the operations of every subscription
     */
    public List<Operation> list() {
        return list(Set.of(), Integer.MAX_VALUE);
    }

    /**
     * The operations in one of {@code statuses}, newest first.
     *
     * @param statuses the statuses wanted; none for every operation
     * @return the matching operations of every subscription
     */
    public List<Operation> list(OperationStatus... statuses) {
        return list(statuses.length == 0 ? Set.of() : EnumSet.of(statuses[0], statuses), Integer.MAX_VALUE);
    }

    /**
     * The newest {@code limit} operations, newest first.
     *
     * @param limit how many at most, positive
     * @return at most {@code limit} operations
     */
    public List<Operation> newest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return list(Set.of(), limit);
    }

    /**
     * The operation {@code idOrUrl} names, as it is now.
     *
     * @param idOrUrl an operation id, a status or result URL ending with one, or a classic request id
     * @return the operation, empty when unknown
     */
    public Optional<Operation> find(String idOrUrl) {
        Objects.requireNonNull(idOrUrl, "idOrUrl == null");
        String last = lastSegment(idOrUrl);
        try {
            Optional<Operation> byId = engine.get(OperationId.parse(last));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (IllegalArgumentException notAnId) {
            // a classic request id need not be a UUID
        }
        return engine.getByRequestId(last);
    }

    /**
     * Waits until the operation is {@code Succeeded}, {@code Failed} or {@code Canceled}, at most
     * {@link #DEFAULT_TIMEOUT}.
     *
     * @param idOrUrl an operation id, a status or result URL ending with one, or a classic request id
     * @return the terminal operation
     * @throws NoSuchElementException when no operation has that name
     * @throws IllegalStateException  when it is still running after the timeout
     */
    public Operation await(String idOrUrl) {
        return await(idOrUrl, DEFAULT_TIMEOUT);
    }

    /**
     * Waits until the operation is {@code Succeeded}, {@code Failed} or {@code Canceled}; woken by the engine when it
     * changes, not by polling.
     *
     * @param idOrUrl an operation id, a status or result URL ending with one, or a classic request id
     * @param timeout how long to wait at most
     * @return the terminal operation
     * @throws NoSuchElementException when no operation has that name
     * @throws IllegalStateException  when it is still running after {@code timeout}
     */
    public Operation await(String idOrUrl, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        Operation op = find(idOrUrl).orElseThrow(() -> new NoSuchElementException("no operation " + idOrUrl));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!op.isTerminal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("operation " + op.id() + " (" + op.kind() + ") is still "
                        + op.status().wireName() + " after " + timeout);
            }
            op = awaitChange(op, Duration.ofNanos(left));
        }
        return op;
    }

    /**
     * Waits until no operation is {@code Accepted} or {@code InProgress}, at most {@link #DEFAULT_TIMEOUT}.
     *
     * @return every operation then, newest first
     * @throws IllegalStateException when some are still running after the timeout
     */
    public List<Operation> awaitIdle() {
        return awaitIdle(DEFAULT_TIMEOUT);
    }

    /**
     * Waits until no operation is {@code Accepted} or {@code InProgress}.
     *
     * @param timeout how long to wait at most
     * @return every operation then, newest first
     * @throws IllegalStateException when some are still running after {@code timeout}
     */
    public List<Operation> awaitIdle(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Operation> running = list(RUNNING, Integer.MAX_VALUE);
            if (running.isEmpty()) {
                return list();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(running.size() + " operations still running after " + timeout
                        + ", e.g. " + running.get(0).id() + " (" + running.get(0).kind() + ")");
            }
            awaitChange(running.get(running.size() - 1), Duration.ofNanos(Math.min(left, 1_000_000_000L)));
        }
    }

    /**
     * Asks to cancel the operation; it ends {@code Canceled} at once if no worker runs it yet, else at its next safe
     * point. Idempotent.
     *
     * @param idOrUrl an operation id, a status or result URL ending with one, or a classic request id
     * @return the operation after the request
     * @throws NoSuchElementException when no operation has that name
     */
    public Operation cancel(String idOrUrl) {
        Operation op = find(idOrUrl).orElseThrow(() -> new NoSuchElementException("no operation " + idOrUrl));
        return engine.cancel(op.id());
    }

    private Operation awaitChange(Operation op, Duration timeout) {
        try {
            return engine.await(op.id(), op.version(), timeout)
                    .orElseThrow(() -> new NoSuchElementException("operation " + op.id() + " is gone (reset?)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for operation " + op.id(), e);
        }
    }

    private List<Operation> list(Set<OperationStatus> statuses, int limit) {
        List<Operation> all = new ArrayList<>();
        String token = null;
        do {
            Page<Operation> page = engine.list(new OperationQuery(null, statuses,
                    Math.min(1000, limit - all.size()), token));
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null && all.size() < limit);
        return all;
    }

    /** The last path segment of a URL (query dropped), or the text itself when it is not a URL. */
    static String lastSegment(String idOrUrl) {
        String text = idOrUrl.trim();
        if (!text.contains("/")) {
            return text;
        }
        String path;
        try {
            path = URI.create(text).getPath();
        } catch (IllegalArgumentException e) {
            int q = text.indexOf('?');
            path = q < 0 ? text : text.substring(0, q);
        }
        if (path == null) {
            return text;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
