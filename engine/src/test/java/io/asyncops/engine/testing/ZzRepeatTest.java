package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.RepeatedTest;

/** TEMPORARY: repeats the lease-timing tests. */
class ZzRepeatTest extends EngineContract {
    static final boolean PG = "true".equals(System.getenv("ZZ_PG"));

    @Override
    protected TestDatabase newDatabase(Path tempDir) {
        if (PG) {
            EmbeddedPostgres pg = EmbeddedPostgres.shared();
            return new TestDatabase(pg.jdbcUrl(pg.createDatabase()), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
        }
        return new TestDatabase(Database.h2Url(tempDir.resolve("data")), "sa", "");
    }

    @RepeatedTest(60)
    void repeatLease() throws Exception {
        aWorkerWhoseLeaseExpiredCannotComplete();
    }

    @RepeatedTest(30)
    void repeatAbandoned() throws Exception {
        anAbandonedEngineIsResumedElsewhereOnceItsLeaseExpires();
    }

    @RepeatedTest(15)
    void repeatKilled() throws Exception {
        aKilledEngineProcessIsResumedFromItsCheckpoint();
    }

    @RepeatedTest(20)
    void repeatCancelElsewhere() throws Exception {
        cancelThroughAnotherInstanceReachesTheRunningHandler();
    }

    @RepeatedTest(20)
    void repeatCancelRunning() throws Exception {
        cancelOfARunningOperationEndsItAtTheNextSafePoint();
    }

    @RepeatedTest(20)
    void repeatStubborn() throws Exception {
        handlerMayFinishDespiteACancellationRequest();
    }
}
