package io.asyncops.emulator;

import javax.sql.DataSource;

class PostgresProvisioningTest extends ProvisioningContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
