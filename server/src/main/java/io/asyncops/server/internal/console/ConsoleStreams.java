package io.asyncops.server.internal.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.asyncops.engine.Engine;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStats;
import io.asyncops.server.spi.ApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription-wide change streams of the console. One pump thread takes the changed ids from the
 * {@link ChangeLog} every {@link #COALESCE} at most, reads each operation once, and hands it to the streams of its
 * subscription only. Bounds: at most {@code maxStreams} streams on this node (more: 503), at most
 * {@link #QUEUE} operations waiting per stream (more: the stream is told to reload), counts per subscription read
 * at most four times a second whatever the number of streams.
 */
public final class ConsoleStreams implements AutoCloseable {
    static final Duration COALESCE = Duration.ofMillis(100);
    static final int QUEUE = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStreams.class);

    private final Engine engine;
    private final ChangeLog log;
    private final int maxStreams;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Set<Stream>> bySubscription = new ConcurrentHashMap<>();
    private final Cache<String, OperationStats> stats = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(Duration.ofMillis(250)).build();
    private final Thread pump;
    private volatile boolean running = true;

    public ConsoleStreams(Engine engine, ChangeLog log, int maxStreams) {
        this.engine = engine;
        this.log = log;
        this.maxStreams = maxStreams;
        this.pump = Thread.ofVirtual().name("asyncops-console-pump").start(this::pump);
    }

    /** One browser's stream of a subscription's changes. */
    static final class Stream {
        private static final Object WAKE = new Object();
        private final String subscription;
        /** Changed operations, and {@link #WAKE} after an overflow. */
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE + 1);
        private volatile boolean overflowed;

        Stream(String subscription) {
            this.subscription = subscription;
        }

        String subscription() {
            return subscription;
        }

        /** The next changed operation; empty after {@code timeout}, or at once after an overflow. */
        Optional<Operation> next(Duration timeout) throws InterruptedException {
            Object next = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return next instanceof Operation op ? Optional.of(op) : Optional.empty();
        }

        /** Whether changes were dropped since the last call (the browser must reload); resets the flag. */
        boolean takeOverflow() {
            boolean was = overflowed;
            overflowed = false;
            if (was) {
                queue.clear();
            }
            return was;
        }

        private void offer(Operation op) {
            if (queue.size() >= QUEUE || !queue.offer(op)) {
                overflow();
            }
        }

        private void overflow() {
            overflowed = true;
            // wake the stream's thread so that it reports the overflow now
            queue.offer(WAKE);
        }
    }

    /**
     * Opens a stream of {@code subscription} (the caller's right to see it checked before).
     *
     * @throws ApiException 503 {@code TooManyStreams} when this node serves {@code maxStreams} already
     */
    Stream open(String subscription) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new ApiException(503, "TooManyStreams", "This server already serves " + maxStreams
                    + " console streams. Retry later.").withHeader("Retry-After", "10");
        }
        Stream s = new Stream(subscription.toLowerCase(Locale.ROOT));
        bySubscription.computeIfAbsent(s.subscription(), k -> ConcurrentHashMap.newKeySet()).add(s);
        log.watch(true);
        return s;
    }

    void close(Stream s) {
        bySubscription.computeIfPresent(s.subscription(), (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
        if (open.decrementAndGet() == 0) {
            log.watch(false);
        }
    }

    /** The subscription's counts, read at most every 250 ms. */
    OperationStats stats(String subscription) {
        return stats.get(subscription.toLowerCase(Locale.ROOT), k -> engine.stats(subscription));
    }

    private void pump() {
        while (running) {
            try {
                ChangeLog.Changes changes = log.drain(Duration.ofSeconds(1), COALESCE);
                if (changes.overflowed()) {
                    bySubscription.values().forEach(set -> set.forEach(Stream::overflow));
                }
                for (OperationId id : changes.ids()) {
                    Operation op = engine.get(id).orElse(null);
                    if (op == null || op.subscription() == null) {
                        continue;
                    }
                    Set<Stream> streams = bySubscription.get(op.subscription().toLowerCase(Locale.ROOT));
                    if (streams != null) {
                        streams.forEach(s -> s.offer(op));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("the console's change pump failed once; it goes on: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        pump.interrupt();
    }
}
