package io.asyncops.engine;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an operation: a UUID, rendered in its canonical lower-case form. New ones are time-ordered
 * (RFC 9562 version 7: the creation's millisecond, then 74 random bits), so ids made one after another sit next to
 * each other in the primary key's B-tree: a group of new operations touches one or two of its pages, not one each
 * (random version 4 ids made every insert land on a page of its own, which both databases then wrote out).
 */
public record OperationId(UUID value) {
    /**
     * The random bits' sources: unpredictable, like {@link UUID#randomUUID()}'s (an id is a bearer of nothing), a
     * few of them picked by thread. One shared {@link SecureRandom} per id was a third of a submitting thread's CPU
     * with 32 submitting at once: its default (NativePRNG) takes one lock for every caller, reads
     * {@code /dev/urandom} and hashes for each call. Each stripe draws 64 ids' worth of bytes at a time.
     */
    private static final RandomBytes[] RANDOM = new RandomBytes[8];

    static {
        for (int i = 0; i < RANDOM.length; i++) {
            RANDOM[i] = new RandomBytes();
        }
    }

    public OperationId {
        Objects.requireNonNull(value, "value == null");
    }

    /** A new id: version 7, 48 bits of the current Unix millisecond then 74 random bits. */
    public static OperationId random() {
        byte[] r = new byte[10];
        RANDOM[(int) (Thread.currentThread().threadId() & (RANDOM.length - 1))].next(r);
        long millis = System.currentTimeMillis();
        // time (48) | version 7 (4) | rand_a (12); variant 10 (2) | rand_b (62)
        long msb = (millis << 16) | 0x7000L | ((r[0] & 0x0fL) << 8) | (r[1] & 0xffL);
        long lsb = 0x8000_0000_0000_0000L | ((r[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (r[i] & 0xffL) << (8 * (9 - i));
        }
        return new OperationId(new UUID(msb, lsb));
    }

    /**
     * Parses a canonical UUID string.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static OperationId parse(String text) {
        Objects.requireNonNull(text, "text == null");
        if (text.length() != 36) {
            throw new IllegalArgumentException("not an operation id: " + text);
        }
        return new OperationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** Random bytes drawn from a {@link SecureRandom} in blocks, handed out under a lock held for a copy. */
    private static final class RandomBytes {
        private final SecureRandom source = new SecureRandom();
        private final byte[] block = new byte[640];
        private int next = block.length;

        synchronized void next(byte[] into) {
            if (next + into.length > block.length) {
                source.nextBytes(block);
                next = 0;
            }
            System.arraycopy(block, next, into, 0, into.length); // each byte goes out once
            next += into.length;
        }
    }
}
