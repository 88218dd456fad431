package com.example.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.management.Region;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.models.SqlServer;
import io.asyncops.junit5.AsyncOpsTest;
import io.asyncops.testing.AsyncOpsEmulator;
import org.junit.jupiter.api.Test;

/** The README's "Use it in your tests" example, as it is printed there. */
@AsyncOpsTest
class ReadmeExampleTest {
    @Test
    void createsADatabase(AsyncOpsEmulator emu) {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
                .authenticate(emu.credential(), emu.azureProfile());
        SqlServer server = sql.sqlServers().define("my-sql").withRegion(Region.US_WEST).withNewResourceGroup("rg")
                .withAdministratorLogin("admin1").withAdministratorPassword("Str0ng!Passw0rd").create();
        assertEquals("Online", server.databases().define("orders").create().status().toString());
    }
}
