package com.example.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.models.SqlDatabase;
import io.asyncops.engine.Operation;
import io.asyncops.junit5.AsyncOpsTest;
import io.asyncops.testing.AsyncOpsEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's provisioning, through the real Azure SDK and its LRO poller, against asyncops in this JVM. */
@AsyncOpsTest
class DatabaseProvisionerTest {

    @Test
    void provisionsAServerAndADatabase(AsyncOpsEmulator emu) {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
                .authenticate(emu.credential(), emu.azureProfile());

        SqlDatabase db = new DatabaseProvisioner(sql).provision("app-rg", "app-sql-1", "orders", "Str0ng!Passw0rd");

        assertEquals("orders", db.name());
        assertEquals("Online", db.status().toString());
        assertEquals("Ready", sql.sqlServers().getByResourceGroup("app-rg", "app-sql-1").state());
        // both creates went through 202 and polls, and ended Succeeded
        List<String> ended = emu.operations().list().stream()
                .map(op -> op.kind() + " " + op.status().wireName()).toList();
        assertTrue(ended.contains("Microsoft.Sql/servers/write Succeeded"), ended::toString);
        assertTrue(ended.contains("Microsoft.Sql/servers/databases/write Succeeded"), ended::toString);
    }

    @Test
    void everyTestStartsFromAnEmptyEmulator(AsyncOpsEmulator emu) {
        // whatever the other test created is gone: the extension resets the emulator after each test
        List<Operation> operations = emu.operations().list();
        assertTrue(operations.isEmpty(), operations::toString);
    }
}
