package io.asyncops.emulator;

import javax.sql.DataSource;

class PostgresLifecycleTest extends LifecycleContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
