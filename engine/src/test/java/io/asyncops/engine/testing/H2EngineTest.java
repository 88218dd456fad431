package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import java.nio.file.Path;

/** The engine contract on an H2 file database in a temporary directory. */
class H2EngineTest extends EngineContract {
    @Override
    protected TestDatabase newDatabase(Path tempDir) {
        return new TestDatabase(Database.h2Url(tempDir.resolve("data")), "sa", "");
    }
}
