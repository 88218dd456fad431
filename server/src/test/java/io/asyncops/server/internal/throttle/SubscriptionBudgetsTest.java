package io.asyncops.server.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.testing.SettableClock;
import io.asyncops.server.Throttling;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionBudgetsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-03T00:00:00Z"));
    // 2 reads and 1 write per 10 seconds: one read comes back every 5 s, the write every 10 s
    private final SubscriptionBudgets budgets =
            new SubscriptionBudgets(new Throttling(true, 2, 1, Duration.ofSeconds(10)), clock);

    @Test
    void aTakeCarriesTheRequestsLeftOrTheWaitUntilTheNextOne() {
        long first = budgets.take("sub-a", false);
        long second = budgets.take("sub-a", false);
        long refused = budgets.take("sub-a", false);

        assertThat(SubscriptionBudgets.allowed(first)).isTrue();
        assertThat(SubscriptionBudgets.remaining(first)).isEqualTo(1);
        assertThat(SubscriptionBudgets.allowed(second)).isTrue();
        assertThat(SubscriptionBudgets.remaining(second)).isZero();
        assertThat(SubscriptionBudgets.retryAfter(second)).isEqualTo(Duration.ZERO);
        assertThat(SubscriptionBudgets.allowed(refused)).isFalse();
        assertThat(SubscriptionBudgets.remaining(refused)).isZero();
        // fractional tokens: the wait is rounded up to the next whole millisecond
        assertThat(SubscriptionBudgets.retryAfter(refused))
                .isBetween(Duration.ofMillis(5_000), Duration.ofMillis(5_001));

        clock.advance(Duration.ofMillis(4_000));
        assertThat(SubscriptionBudgets.retryAfter(budgets.take("sub-a", false)))
                .isBetween(Duration.ofMillis(1_000), Duration.ofMillis(1_001));
        clock.advance(Duration.ofMillis(1_001));
        assertThat(SubscriptionBudgets.allowed(budgets.take("sub-a", false))).isTrue();
    }

    @Test
    void subscriptionsAndKindsSpendTheirOwnBudgets() {
        budgets.take("sub-a", false);
        budgets.take("sub-a", false);
        assertThat(SubscriptionBudgets.allowed(budgets.take("sub-a", false))).isFalse();

        assertThat(SubscriptionBudgets.remaining(budgets.take("SUB-B", false))).isEqualTo(1);
        long write = budgets.take("sub-a", true);
        assertThat(SubscriptionBudgets.allowed(write)).isTrue();
        assertThat(SubscriptionBudgets.remaining(write)).isZero();
        assertThat(SubscriptionBudgets.retryAfter(budgets.take("Sub-A", true)))
                .isBetween(Duration.ofMillis(10_000), Duration.ofMillis(10_001));
    }

    @Test
    void concurrentTakesNeverSpendMoreThanTheBudget() throws Exception {
        // the bucket takes without a lock: 8 threads racing for 10,000 reads (no time passes) get exactly 10,000
        SubscriptionBudgets shared =
                new SubscriptionBudgets(new Throttling(true, 10_000, 1, Duration.ofHours(1)), clock);
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<Long> remainders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2_000; i++) {
                    long take = shared.take("sub-c", false);
                    if (SubscriptionBudgets.allowed(take)) {
                        allowed.incrementAndGet();
                        remainders.add(SubscriptionBudgets.remaining(take));
                    }
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(allowed.get()).isEqualTo(10_000);
        // every allowed take saw its own count of requests left: 9,999 down to 0, each once
        assertThat(remainders).hasSize(10_000).contains(0L, 9_999L);
    }
}
