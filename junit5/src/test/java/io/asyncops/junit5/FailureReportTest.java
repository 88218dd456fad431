package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.asyncops.testing.AsyncOpsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A failed test prints the emulator's recent requests and operations; a passing one prints nothing. */
class FailureReportTest {

    @Test
    void aFailedTestPrintsWhatTheEmulatorSaw() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(Failing.class)).execute()
                    .testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains("asyncops: failsAfterAMiss(AsyncOpsEmulator) failed; what the emulator saw:",
                "PUT /subscriptions/", "/resourcegroups/seen-by-the-report?api-version=2025-04-01 -> 201",
                "/resourcegroups/missing-group?api-version=2025-04-01 -> 404", "operations (0, newest first):");
        // the passing test ran first and printed nothing; the report shows only the failed test's requests
        assertThat(printed).doesNotContain("passes");
        assertThat(printed).doesNotContain("before-the-failure");
    }

    /** A fixture class, run by {@link #aFailedTestPrintsWhatTheEmulatorSaw()} only. */
    @AsyncOpsTest(tls = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Failing {
        @Test
        @Order(1)
        void passes(AsyncOpsEmulator emu) {
            assertThat(Http.putGroup(emu.baseUrl(), emu.subscription(), "before-the-failure", emu.token()))
                    .isEqualTo(201);
        }

        @Test
        @Order(2)
        void failsAfterAMiss(AsyncOpsEmulator emu) {
            Http.putGroup(emu.baseUrl(), emu.subscription(), "seen-by-the-report", emu.token());
            assertThat(Http.getGroup(emu, "missing-group")).isEqualTo(200);
        }
    }
}
