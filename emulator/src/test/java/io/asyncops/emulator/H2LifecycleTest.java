package io.asyncops.emulator;

import javax.sql.DataSource;

class H2LifecycleTest extends LifecycleContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.h2();
    }
}
