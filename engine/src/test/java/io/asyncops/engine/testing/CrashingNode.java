package io.asyncops.engine.testing;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.Submission;
import java.time.Duration;

/**
 * A child process for the recovery test: submits one operation whose handler saves a checkpoint, prints
 * {@code CHECKPOINTED <id>} and then works forever, until the test kills the process.
 * Arguments: JDBC URL, user, password.
 */
public final class CrashingNode {
    /** The kind of the operation it submits. */
    public static final String KIND = "test/resumable";
    /** The checkpoint its handler saves before it hangs. */
    public static final String CHECKPOINT = "step-1-done";

    private CrashingNode() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], args[1], args[2]);
        Engine engine = Engine.start(EngineConfig.builder(db.dataSource())
                .nodeId("crashing-node")
                .leaseDuration(Duration.ofSeconds(2))
                // its one worker stays in the handler, which ignores a lost lease: were its heartbeats late on a
                // loaded machine, this process still could not claim the operation again before it is killed
                .workers(1)
                .handler(KIND, ctx -> {
                    ctx.checkpoint(CHECKPOINT);
                    System.out.println("CHECKPOINTED " + ctx.operation().id());
                    System.out.flush();
                    Thread.sleep(Duration.ofHours(1));
                    throw new IllegalStateException("the test should have killed this process");
                })
                .build());
        Operation op = engine.submit(Submission.of(KIND, "{\"steps\":2}"));
        System.out.println("SUBMITTED " + op.id());
        Thread.sleep(Duration.ofHours(1));
    }
}
