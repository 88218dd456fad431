package io.asyncops.emulator.biztalk;

import javax.sql.DataSource;

class PostgresTablesTest extends TablesContract {
    @Override
    DataSource newDatabase() {
        return BizTalkDatabases.postgres();
    }
}
