package io.asyncops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OperationIdTest {

    @Test
    void newIdsAreVersion7WithTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = OperationId.random().value();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
        assertThat(OperationId.parse(id.toString()).value()).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAndRandomBitsKeepThemApart() throws InterruptedException {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(OperationId.random().value())).isTrue();
        }
        UUID first = OperationId.random().value();
        Thread.sleep(2);
        UUID later = OperationId.random().value();

        // the order both databases keep a uuid key in: unsigned, most significant byte first
        assertThat(first.toString()).isLessThan(later.toString());
        // 74 random bits: two ids of one millisecond differ beyond the time field
        UUID a = OperationId.random().value();
        UUID b = OperationId.random().value();
        assertThat(a.getLeastSignificantBits()).isNotEqualTo(b.getLeastSignificantBits());
    }

    @Test
    void threadsDrawingAtOnceNeverGetTheSameRandomBits() throws InterruptedException {
        // more threads than the id source has stripes, so several share each one's block of random bytes
        Set<Long> randomBits = ConcurrentHashMap.newKeySet();
        Set<Integer> versions = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 24; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    UUID id = OperationId.random().value();
                    versions.add(id.version());
                    // the 62 random bits after the variant: a repeat means bytes went out twice
                    randomBits.add(id.getLeastSignificantBits() & 0x3fff_ffff_ffff_ffffL);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(versions).containsExactly(7);
        assertThat(randomBits).hasSize(24 * 2_000);
    }
}
