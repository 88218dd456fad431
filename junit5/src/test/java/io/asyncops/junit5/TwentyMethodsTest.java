package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.testing.AsyncOpsEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Twenty methods on one emulator, each starting from a clean state and leaving an operation running: the reset
 * between them clears resources and operations, running ones included. ({@code bin/bench emulator} times such a
 * class.)
 */
@AsyncOpsTest
class TwentyMethodsTest {

    @RepeatedTest(20)
    void everyMethodStartsClean(AsyncOpsEmulator emu) {
        assertThat(emu.operations().list()).isEmpty();
        assertThat(Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", emu.token())).isEqualTo(201);
        HttpResponse<String> accepted = Http.send("PUT", emu.baseUrl() + "/subscriptions/" + emu.subscription()
                + "/resourceGroups/rg1/providers/Microsoft.Sql/servers/twenty-1?api-version=2021-11-01",
                "{\"location\":\"westus\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                        + "\"administratorLoginPassword\":\"Str0ng!Passw0rd\",\"version\":\"12.0\"}}", emu.token());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }
}
