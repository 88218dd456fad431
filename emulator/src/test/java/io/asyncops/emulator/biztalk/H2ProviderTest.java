package io.asyncops.emulator.biztalk;

import javax.sql.DataSource;

class H2ProviderTest extends ProviderContract {
    @Override
    DataSource newDatabase() {
        return BizTalkDatabases.h2();
    }
}
