package io.asyncops.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.OperationStatus;
import io.asyncops.testing.AsyncOpsEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code @AsyncOpsTest(specs = ...)}: the emulator serves a provider from Azure's published OpenAPI spec (here
 * Microsoft.Storage, from {@code shared/specs} beside the repository, as the server's spec tests read it).
 */
@AsyncOpsTest(tls = false, specs = "../../shared/specs/specification/storage/resource-manager/Microsoft.Storage/stable"
        + "/2022-09-01/storage.json")
class SpecProvidersTest {

    @Test
    void aStorageAccountOfTheSpecIsCreatedThroughA202(AsyncOpsEmulator emu) {
        String group = emu.baseUrl() + "/subscriptions/" + emu.subscription() + "/resourceGroups/rg1";
        assertThat(Http.putGroup(emu.baseUrl(), emu.subscription(), "rg1", emu.token())).isEqualTo(201);

        HttpResponse<String> accepted = Http.send("PUT", group + "/providers/Microsoft.Storage/storageAccounts/"
                + "asyncopsspec1?api-version=2022-09-01", "{\"location\":\"westus\",\"kind\":\"StorageV2\","
                + "\"sku\":{\"name\":\"Standard_LRS\"}}", emu.token());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(emu.operations().awaitIdle()).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualToIgnoringCase("Microsoft.Storage/storageAccounts/write");
            assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        });
    }
}
