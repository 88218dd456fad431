package io.asyncops.emulator;

import javax.sql.DataSource;

class H2ProvisioningTest extends ProvisioningContract {
    private final DataSource dataSource = TestDatabases.h2();

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
