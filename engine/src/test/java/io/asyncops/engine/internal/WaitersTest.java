package io.asyncops.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.OperationId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WaitersTest {

    /**
     * A waiter registering while the last other waiter of the same operation leaves is still found by the next
     * change: it never lands in a set already dropped from the map.
     */
    @Test
    void aWaiterRegisteredWhileTheLastOneLeavesIsWoken() throws Exception {
        Waiters waiters = new Waiters();
        OperationId id = OperationId.random();
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                waiters.unregister(id, waiters.register(id, 0));
            }
        });
        int missed = 0;
        try {
            for (int i = 0; i < 2_000_000; i++) {
                Waiters.Waiter w = waiters.register(id, 0);
                waiters.changed(id);
                if (!w.signal().await(0)) {
                    missed++;
                }
                waiters.unregister(id, w);
            }
        } finally {
            stop.set(true);
            churn.join();
        }
        assertThat(missed).as("waiters no change reached").isZero();
        assertThat(waiters.operations()).isZero();
    }
}
