package io.asyncops.engine.testing;

import java.nio.file.Path;

/** The engine contract on embedded PostgreSQL, a fresh database per test, sessions in a non-UTC zone. */
class EmbeddedPostgresEngineTest extends EngineContract implements MultiInstanceContract {
    @Override
    protected TestDatabase newDatabase(Path tempDir) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        return new TestDatabase(pg.jdbcUrl(pg.createDatabase()), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }
}
