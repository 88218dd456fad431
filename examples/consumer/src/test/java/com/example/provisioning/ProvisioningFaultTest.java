package com.example.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.sql.SqlServerManager;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.junit5.AsyncOpsTest;
import io.asyncops.testing.AsyncOpsEmulator;
import org.junit.jupiter.api.Test;

/**
 * A failure injected on purpose: the {@code asyncops-fault} tag makes the create run half way and end Failed with
 * the code it names, and the SDK's poller raises it as Azure's would.
 */
@AsyncOpsTest(timeScale = 0.02)
class ProvisioningFaultTest {

    @Test
    void theSdkRaisesTheInjectedFault(AsyncOpsEmulator emu, TokenCredential credential) {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
                .authenticate(credential, emu.azureProfile());
        sql.resourceManager().resourceGroups().define("fault-rg").withRegion(Region.US_WEST).create();

        ManagementException e = assertThrows(ManagementException.class, () -> sql.sqlServers().define("fault-sql")
                .withRegion(Region.US_WEST).withExistingResourceGroup("fault-rg")
                .withAdministratorLogin("appadmin").withAdministratorPassword("Str0ng!Passw0rd")
                .withTag("asyncops-fault", "ServerQuotaExceeded")
                .create());

        assertEquals("ServerQuotaExceeded", e.getValue().getCode());
        Operation failed = emu.operations().list(OperationStatus.FAILED).get(0);
        assertEquals("Microsoft.Sql/servers/write", failed.kind());
        assertEquals("ServerQuotaExceeded", failed.error().code());
    }
}
