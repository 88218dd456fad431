package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.TestDatabases;
import javax.sql.DataSource;

class PostgresProviderTest extends ProviderContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.freshPostgres();
    }
}
