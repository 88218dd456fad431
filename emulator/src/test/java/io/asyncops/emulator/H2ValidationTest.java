package io.asyncops.emulator;

import javax.sql.DataSource;

class H2ValidationTest extends ValidationContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
