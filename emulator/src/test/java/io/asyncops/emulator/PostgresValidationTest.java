package io.asyncops.emulator;

import javax.sql.DataSource;

class PostgresValidationTest extends ValidationContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
