package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.asyncops.testing.AsyncOpsEmulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Two {@link AsyncOpsTest} classes run at the same time with JUnit's parallel execution: each has its own emulator,
 * ports, data folder and token secret (a token of one is refused by the other), and both are closed afterwards.
 */
class ParallelClassesTest {
    /** What each class saw, by class name. */
    static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();
    /** Both classes wait here, so the test proves they ran at once. */
    static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);
    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    record Seen(AsyncOpsEmulator emulator, int httpPort, int httpsPort, Path dataDir, String subscription,
                boolean metTheOther, int otherTokenStatus, int ownTokenStatus) {
    }

    @Test
    void twoClassesInParallelShareNothing() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(First.class), selectClass(Second.class))
                .execute()
                .testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));

        Seen first = SEEN.get("First");
        Seen second = SEEN.get("Second");
        assertThat(first.metTheOther()).as("the classes ran at the same time").isTrue();
        assertThat(second.metTheOther()).isTrue();
        assertThat(first.httpPort()).isNotEqualTo(second.httpPort());
        assertThat(first.httpsPort()).isNotEqualTo(second.httpsPort());
        assertThat(first.dataDir()).isNotEqualTo(second.dataDir());
        assertThat(first.subscription()).isNotEqualTo(second.subscription());
        // each emulator refuses the other's token (its own secret signs them) and takes its own
        assertThat(first.otherTokenStatus()).isEqualTo(401);
        assertThat(second.otherTokenStatus()).isEqualTo(401);
        assertThat(first.ownTokenStatus()).isEqualTo(201);
        assertThat(second.ownTokenStatus()).isEqualTo(201);
        assertThat(first.dataDir()).doesNotExist();
        assertThat(second.dataDir()).doesNotExist();
    }

    /** What both fixture classes do. */
    static void run(String name, String other, AsyncOpsEmulator emu) throws InterruptedException {
        TOKENS.put(name, emu.token());
        BOTH_RUNNING.countDown();
        boolean met = BOTH_RUNNING.await(60, TimeUnit.SECONDS);
        String otherToken = TOKENS.get(other);
        int otherStatus = otherToken == null ? -1 : Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", otherToken);
        int ownStatus = Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", emu.token());
        SEEN.put(name, new Seen(emu, emu.baseUrl().getPort(), emu.tlsBaseUrl().getPort(), emu.dataDir(),
                emu.subscription(), met, otherStatus, ownStatus));
    }

    /** A fixture class, run by {@link #twoClassesInParallelShareNothing()} only. */
    @AsyncOpsTest
    static class First {
        @Test
        void runs(AsyncOpsEmulator emu) throws InterruptedException {
            run("First", "Second", emu);
        }
    }

    /** The other fixture class. */
    @AsyncOpsTest
    static class Second {
        @Test
        void runs(AsyncOpsEmulator emu) throws InterruptedException {
            run("Second", "First", emu);
        }
    }
}
