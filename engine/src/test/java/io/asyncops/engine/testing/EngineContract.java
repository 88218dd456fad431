package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's contract, run against a database: a subclass says only where a fresh database is
 * ({@link #newDatabase(Path)}). The tests themselves live in the contract interfaces this class implements.
 * Published in the engine's test-jar so another store or module can run it.
 */
public abstract class EngineContract implements SubmitContract, GroupCommitContract, RunContract, CancelContract,
        ListingContract, RecoveryContract, PurgeContract, HistoryContract, WaitersContract, StatusContract {
    @TempDir
    Path tempDir;
    private TestDatabase target;
    private Database db;
    private final List<Engine> engines = new ArrayList<>();

    /** A fresh, empty database for one test, possibly inside {@code tempDir}. */
    protected abstract TestDatabase newDatabase(Path tempDir);

    @BeforeEach
    void openDatabase() {
        target = newDatabase(tempDir);
    }

    @AfterEach
    void closeEverything() {
        for (Engine e : engines.reversed()) {
            e.close();
        }
        releaseDatabase();
    }

    @Override
    public synchronized Database db() {
        if (db == null) {
            db = target.open();
        }
        return db;
    }

    @Override
    public synchronized void releaseDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    @Override
    public TestDatabase target() {
        return target;
    }

    @Override
    public Engine engine(Consumer<EngineConfig.Builder> custom) {
        EngineConfig.Builder b = EngineConfig.builder(db().dataSource())
                .workers(8)
                // no lease runs out during a test unless the test makes it, however late heartbeats come
                .leaseDuration(Duration.ofMinutes(1))
                .fallbackPollInterval(Duration.ofMillis(100))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100));
        custom.accept(b);
        Engine engine = Engine.start(b.build());
        engines.add(engine);
        return engine;
    }
}
