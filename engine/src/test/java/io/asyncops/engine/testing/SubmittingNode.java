package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.Submission;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A child process for the durability test: 32 threads submit operations without pause, and each prints
 * {@code SUBMITTED <id>} as soon as its submit returns, until the test kills the process.
 * Arguments: JDBC URL, user, password.
 */
public final class SubmittingNode {
    /** The kind of the operations it submits. */
    public static final String KIND = "test/durable";

    private SubmittingNode() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], args[1], args[2]);
        Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).nodeId("submitting-node")
                .runWorkers(false).build());
        PrintStream out = System.out;
        for (int t = 0; t < 32; t++) {
            Thread.ofVirtual().start(() -> {
                while (true) {
                    Operation op = engine.submit(Submission.of(KIND, null));
                    synchronized (out) {
                        out.println("SUBMITTED " + op.id());
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Duration.ofHours(1));
    }
}
