package io.asyncops.engine.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A wake-up that is never lost: raised before anyone waits, the next wait returns at once. */
final class Signal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition raisedCondition = lock.newCondition();
    private boolean raised;

    void raise() {
        lock.lock();
        try {
            raised = true;
            raisedCondition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until raised or {@code nanos} pass; clears the signal; true when it was raised. */
    boolean await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!raised && left > 0) {
                left = raisedCondition.awaitNanos(left);
            }
            boolean was = raised;
            raised = false;
            return was;
        } finally {
            lock.unlock();
        }
    }

    boolean await(long amount, TimeUnit unit) throws InterruptedException {
        return await(unit.toNanos(amount));
    }
}
