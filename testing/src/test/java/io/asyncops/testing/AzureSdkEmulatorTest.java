package io.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.sql.SqlServerManager;
import com.azure.resourcemanager.sql.models.SqlDatabase;
import com.azure.resourcemanager.sql.models.SqlServer;
import io.asyncops.engine.OperationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promise, as it is written: {@code SqlServerManager.configure().withHttpClient(emu.httpClient())
 * .authenticate(emu.credential(), emu.azureProfile())} works against the emulator with the real SDK and its LRO poller.
 */
class AzureSdkEmulatorTest {
    static AsyncOpsEmulator emu;

    @BeforeAll
    static void start() {
        emu = AsyncOps.emulator().start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void theSqlSdkCreatesAServerAndADatabaseThroughItsPoller() {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
                .authenticate(emu.credential(), emu.azureProfile());

        SqlServer server = sql.sqlServers().define("sdk-emu-1").withRegion(Region.US_WEST)
                .withNewResourceGroup("sdk-rg").withAdministratorLogin("sqladmin")
                .withAdministratorPassword("Str0ng!Passw0rd").create();
        SqlDatabase db = server.databases().define("appdb").create();

        assertThat(server.state()).isEqualTo("Ready");
        assertThat(db.status()).hasToString("Online");
        assertThat(server.id()).startsWith("/subscriptions/" + emu.subscription() + "/");
        assertThat(emu.operations().list()).extracting(op -> op.kind() + " " + op.status().wireName())
                .contains("Microsoft.Sql/servers/write Succeeded", "Microsoft.Sql/servers/databases/write Succeeded");
    }

    @Test
    void aFaultOfTheBuilderFailsEveryWriteOfItsKindWithoutATag() {
        try (AsyncOpsEmulator faulty = AsyncOps.emulator()
                .fault("Microsoft.Sql/servers/databases/write", "DatabaseQuotaExceeded").start()) {
            SqlServerManager sql = SqlServerManager.configure().withHttpClient(faulty.httpClient())
                    .authenticate(faulty.credential(), faulty.azureProfile());
            SqlServer server = sql.sqlServers().define("sdk-emu-quota").withRegion(Region.US_WEST)
                    .withNewResourceGroup("quota-rg").withAdministratorLogin("sqladmin")
                    .withAdministratorPassword("Str0ng!Passw0rd").create();

            assertThatThrownBy(() -> server.databases().define("appdb").create())
                    .isInstanceOfSatisfying(ManagementException.class,
                            e -> assertThat(e.getValue().getCode()).isEqualTo("DatabaseQuotaExceeded"));
            assertThat(server.state()).as("other kinds run as usual").isEqualTo("Ready");
        }
        assertThatThrownBy(() -> AsyncOps.emulator().fault("servers", "X")).hasMessageContaining("servers");
        assertThatThrownBy(() -> AsyncOps.emulator().fault("Microsoft.Sql/servers/write", "no spaces"))
                .hasMessageContaining("no spaces");
    }

    @Test
    void aFaultTagFailsTheOperationAndTheSdkRaisesItsCode() {
        SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
                .authenticate(emu.credential(), emu.azureProfile());
        sql.resourceManager().resourceGroups().define("fault-rg").withRegion(Region.US_WEST).create();

        assertThatThrownBy(() -> sql.sqlServers().define("sdk-emu-fault").withRegion(Region.US_WEST)
                .withExistingResourceGroup("fault-rg").withAdministratorLogin("sqladmin")
                .withAdministratorPassword("Str0ng!Passw0rd").withTag("asyncops-fault", "ServerQuotaExceeded").create())
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("ServerQuotaExceeded"));
        assertThat(emu.operations().list(OperationStatus.FAILED)).singleElement()
                .satisfies(op -> assertThat(op.error().code()).isEqualTo("ServerQuotaExceeded"));
    }
}
