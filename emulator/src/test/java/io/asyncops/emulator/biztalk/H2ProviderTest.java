package io.asyncops.emulator.biztalk;

import io.asyncops.emulator.TestDatabases;
import javax.sql.DataSource;

class H2ProviderTest extends ProviderContract {
    @Override
    DataSource newDatabase() {
        return TestDatabases.h2();
    }
}
