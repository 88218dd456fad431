package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.testing.AsyncOpsEmulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** {@code emulatorPerMethod}: each method gets a new emulator, closed (data deleted) after it. */
@AsyncOpsTest(emulatorPerMethod = true, timeScale = 0.5)
class PerMethodTest {
    static final List<AsyncOpsEmulator> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void before(AsyncOpsEmulator emu) {
        assertThat(seen).doesNotContain(emu);
    }

    @RepeatedTest(2)
    void eachMethodHasItsOwnEmulator(AsyncOpsEmulator emu) {
        seen.add(emu);
        assertThat(emu.tlsBaseUrl().getScheme()).isEqualTo("https");
        assertThat(emu.server().config().timeScale()).isEqualTo(0.5);
        assertThat(Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", emu.token())).isEqualTo(201);
    }

    @AfterAll
    static void everyOneWasClosed() {
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).baseUrl()).isNotEqualTo(seen.get(1).baseUrl());
        assertThat(seen.get(0).subscription()).isNotEqualTo(seen.get(1).subscription());
        for (AsyncOpsEmulator emu : seen) {
            assertThat(emu.dataDir()).doesNotExist();
        }
    }
}
