package io.asyncops.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void aSignalRaisedBeforeTheWaitIsNotLost() throws InterruptedException {
        Signal signal = new Signal();
        signal.raise();

        assertThat(signal.await(10, TimeUnit.SECONDS)).isTrue();
        // consumed: the next wait times out
        assertThat(signal.await(20, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aWaitEndsWhenAnotherThreadRaises() throws InterruptedException {
        Signal signal = new Signal();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            signal.raise();
        });

        assertThat(signal.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
