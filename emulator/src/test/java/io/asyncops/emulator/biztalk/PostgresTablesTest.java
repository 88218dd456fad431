package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.TestDatabases;
import javax.sql.DataSource;

class PostgresTablesTest extends TablesContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.freshPostgres();
    }
}
