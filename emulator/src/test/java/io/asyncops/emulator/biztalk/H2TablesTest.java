package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.TestDatabases;
import javax.sql.DataSource;

class H2TablesTest extends TablesContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
