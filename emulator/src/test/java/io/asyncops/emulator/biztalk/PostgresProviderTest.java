package io.asyncops.emulator.biztalk;

import javax.sql.DataSource;

class PostgresProviderTest extends ProviderContract {
    @Override
    DataSource newDatabase() {
        return BizTalkDatabases.postgres();
    }
}
