package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.testing.AsyncOpsEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The annotation's options reach the emulator: time scale, TLS off, a fault for one operation kind. */
@AsyncOpsTest(timeScale = 0.005, tls = false, faults = "Microsoft.Sql/servers/write=ServerQuotaExceeded")
class AnnotationOptionsTest {

    @Test
    void theAnnotationConfiguresTheEmulator(AsyncOpsEmulator emu) {
        assertThat(emu.server().config().timeScale()).isEqualTo(0.005);
        assertThat(emu.server().config().httpsPort()).isEmpty();
        assertThat(Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", emu.token())).isEqualTo(201);

        HttpResponse<String> accepted = Http.send("PUT", emu.baseUrl() + "/subscriptions/" + emu.subscription()
                + "/resourceGroups/rg1/providers/Microsoft.Sql/servers/annotated-1?api-version=2021-11-01",
                "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                        + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\"}}", emu.token());
        assertThat(accepted.statusCode()).isEqualTo(202);

        Operation ended = emu.operations().await(accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow());
        assertThat(ended.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(ended.error().code()).isEqualTo("ServerQuotaExceeded");
    }
}
