package io.asyncops.emulator.biztalk;

import javax.sql.DataSource;

class H2TablesTest extends TablesContract {
    @Override
    DataSource newDatabase() {
        return BizTalkDatabases.h2();
    }
}
