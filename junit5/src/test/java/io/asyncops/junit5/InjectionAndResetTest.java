package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.asyncops.testing.AsyncOpsEmulator;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One emulator for the class, injected as the handle, a credential or the base URL into lifecycle and test methods;
 * state reset after each method unless {@link KeepState}; a nested class uses the same emulator.
 */
@AsyncOpsTest(subscriptions = {"00000000-0000-0000-0000-00000000000a", "00000000-0000-0000-0000-00000000000b"},
        tls = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectionAndResetTest {
    static final String SUB_A = "00000000-0000-0000-0000-00000000000a";
    static final String SUB_B = "00000000-0000-0000-0000-00000000000b";
    static AsyncOpsEmulator atStart;

    @BeforeAll
    static void seen(AsyncOpsEmulator emu) {
        atStart = emu;
    }

    @Test
    @Order(1)
    void theHandleTheCredentialAndTheUrlAreInjected(AsyncOpsEmulator emu, TokenCredential credential, URI base) {
        assertThat(emu).isSameAs(atStart);
        assertThat(base).isEqualTo(emu.baseUrl());
        assertThat(emu.subscription()).isEqualTo(SUB_A);
        assertThat(emu.subscriptions()).containsExactly(SUB_A, SUB_B);
        String token = credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/"))
                .getToken();
        // the injected credential grants every subscription of the annotation
        assertThat(Http.putGroup(base, SUB_A, "rg1", token)).isEqualTo(201);
        assertThat(Http.putGroup(base, SUB_B, "rg1", token)).isEqualTo(201);
        assertThat(Http.putGroup(base, "00000000-0000-0000-0000-00000000000c", "rg1", token)).isEqualTo(404);
    }

    @Test
    @Order(2)
    void stateIsResetAfterEachMethod(AsyncOpsEmulator emu) {
        assertThat(emu.recentRequests()).isEmpty();
        assertThat(emu.operations().list()).isEmpty();
        assertThat(Http.getGroup(emu, "rg1")).isEqualTo(404);
    }

    @Test
    @Order(3)
    @KeepState
    void aMethodMayKeepItsState(AsyncOpsEmulator emu) {
        assertThat(Http.putGroup(emu.baseUrl(), SUB_A, "kept", emu.token())).isEqualTo(201);
    }

    @Test
    @Order(4)
    void theNextMethodSeesWhatWasKept(AsyncOpsEmulator emu) {
        assertThat(Http.getGroup(emu, "kept")).isEqualTo(200);
    }

    @Nested
    class Inner {
        @Test
        void aNestedClassRunsAgainstTheEnclosingClasssEmulator(AsyncOpsEmulator emu) {
            assertThat(emu).isSameAs(atStart);
        }
    }
}
