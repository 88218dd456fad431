package io.asyncops.engine.internal;

import io.asyncops.engine.OperationId;
import io.asyncops.engine.internal.store.Change;
import io.asyncops.engine.internal.store.OperationStore;
import java.util.List;
import java.util.function.Consumer;

/**
 * The waiters' fallback for a change no notice announced (a notice lost, or a database without notices), one
 * round per {@code fallbackPollInterval}. A round reads the operations changed since the round before last (their
 * change stamps, one index range) and wakes the waiters of those among them, so its cost follows the changes and
 * not the waiters: the full read of every waited-on operation by id cost 100 statements a second for 10,000.
 *
 * <p>The rule it keeps: a committed change past a waiter's version wakes it within two rounds, or within
 * {@link #FULL_EVERY} rounds whatever the timing. Stamps are taken when a write runs, not when it commits, so a
 * write can commit with a stamp below one a round already read; reading from the round before last covers a
 * write that commits within a round of its stamp. Every {@link #FULL_EVERY}th round with waiters (and when more
 * rows changed than a full read would cost) reads every waited-on operation by id instead, which sees any
 * committed version and an operation deleted meanwhile.
 */
final class Recheck implements Runnable {
    /** One round in this many (with waiters) reads every waited-on operation by id. */
    static final int FULL_EVERY = 30;
    /** The fewest changed rows a round reads before it falls back to the full read. */
    private static final int MIN_CHANGES = 1_000;

    private final OperationStore store;
    private final Waiters waiters;
    private final Consumer<OperationId> stale;
    /** A round reads the changes stamped above this: the highest stamp known a round before the last. */
    private long floor = -1;
    /** The highest stamp known at the end of the last round; -1 before the first. */
    private long high = -1;
    private int sinceFull;

    /** {@code stale} is told which operations changed before their waiters are woken. */
    Recheck(OperationStore store, Waiters waiters, Consumer<OperationId> stale) {
        this.store = store;
        this.waiters = waiters;
        this.stale = stale;
    }

    @Override
    public void run() {
        int waited = waiters.operations();
        if (waited == 0) {
            // keeps the floor recent, so that the next waiter's rounds read seconds of changes, not hours
            advance(store.lastStamp());
            return;
        }
        if (high < 0 || ++sinceFull >= FULL_EVERY) {
            full();
            return;
        }
        // past this many changed rows, reading the waited-on ones by id is cheaper
        int limit = Math.max(MIN_CHANGES, 2 * waited);
        List<Change> changes = store.changedSince(floor, limit + 1);
        if (changes.size() > limit) {
            full();
            return;
        }
        waiters.recheck(changes, stale);
        advance(changes.isEmpty() ? high : Math.max(high, changes.getLast().stamp()));
    }

    private void full() {
        // the last stamp first: every write stamped up to it that has committed is seen by the read after
        long last = store.lastStamp();
        waiters.recheck(store::versions, stale);
        sinceFull = 0;
        advance(last);
    }

    private void advance(long top) {
        floor = high < 0 ? top : high;
        high = Math.max(high, top);
    }
}
