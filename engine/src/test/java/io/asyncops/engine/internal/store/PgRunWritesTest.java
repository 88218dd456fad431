package io.asyncops.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.OperationError;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.TransactionalWork;
import io.asyncops.engine.testing.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL's one-statement claim and group end ({@link PgRunWrites}): the claim's relaxed commit stays within its
 * own transaction, the end writes only the rows whose fence holds, and each announces exactly the rows it changed.
 */
class PgRunWritesTest {
    private static final String NODE = "node-t";

    @Test
    void theClaimRelaxesItsOwnCommitOnlyAndAnnouncesWhatItClaimed() throws Exception {
        try (Database db = migrated(); Connection c = db.dataSource().getConnection();
             Connection listener = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            listen(listener);
            List<OperationId> ids = insertDue(st, 3);
            st.execute("set synchronous_commit = on");
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

            c.setAutoCommit(false);
            assertThat(PgRunWrites.claim(c, NODE, 10, now.minusSeconds(3600), now.plusSeconds(30), NODE)).isEmpty();
            assertThat(show(st)).as("relaxed within the claim's transaction, even when none is due").isEqualTo("off");
            c.rollback();
            assertThat(show(st)).isEqualTo("on");
            c.setAutoCommit(true);

            List<Claimed> claimed = PgRunWrites.claim(c, NODE, 2, now.plusSeconds(1), now.plusSeconds(30), NODE);
            assertThat(show(st)).as("an auto-committed claim leaves the session as it was").isEqualTo("on");
            assertThat(claimed).hasSize(2).allSatisfy(cl -> {
                assertThat(cl.operation().status()).isEqualTo(OperationStatus.IN_PROGRESS);
                assertThat(cl.operation().attempt()).isEqualTo(1);
                assertThat(cl.operation().version()).isEqualTo(2);
                assertThat(cl.operation().startedAt()).isEqualTo(now.plusSeconds(1));
                assertThat(cl.operation().input()).isEqualTo("{\"n\":1}");
                assertThat(cl.previousOwner()).isNull();
            });
            assertThat(ids).containsAll(claimed.stream().map(cl -> cl.operation().id()).toList());
            assertThat(notices(listener)).hasSize(1).first().satisfies(p -> {
                assertThat(p).startsWith(NODE + "|c|");
                assertThat(p.substring(NODE.length() + 3).split(",")).containsExactlyInAnyOrderElementsOf(
                        claimed.stream().map(cl -> cl.operation().id().toString()).toList());
            });
            assertThat(count(st, "select count(*) from asyncops_operation_event")).as("first starts are on the row")
                    .isZero();
        }
    }

    @Test
    void aGroupEndWritesTheRowsWhoseFenceHoldsAndAnnouncesOnlyThose() throws Exception {
        try (Database db = migrated(); Connection c = db.dataSource().getConnection();
             Connection listener = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            insertDue(st, 3);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Claimed> claimed = PgRunWrites.claim(c, NODE, 3, now, now.plusSeconds(30), NODE);
            assertThat(claimed).hasSize(3);
            listen(listener);
            List<Ending> endings = new ArrayList<>();
            Fence ok = fence(claimed.get(0));
            Fence stale = new Fence(claimed.get(1).operation().id(), 1, NODE); // a version it no longer has
            Fence failed = fence(claimed.get(2));
            endings.add(Ending.terminal(ok, OperationStatus.SUCCEEDED, "{\"r\":1}", null, TransactionalWork.none()));
            endings.add(Ending.terminal(stale, OperationStatus.SUCCEEDED, null, null, TransactionalWork.none()));
            endings.add(Ending.terminal(failed, OperationStatus.FAILED, null,
                    OperationError.internal("Boom", "it broke"), TransactionalWork.none()));

            boolean[] applied = PgRunWrites.end(c, endings, now.plusSeconds(2), NODE);

            assertThat(applied).containsExactly(true, false, true);
            assertThat(notices(listener)).hasSize(1).first().satisfies(p -> {
                assertThat(p).startsWith(NODE + "|c|");
                assertThat(Set.of(p.substring(NODE.length() + 3).split(","))).containsExactlyInAnyOrder(
                        ok.id().toString(), failed.id().toString());
            });
            try (ResultSet rs = st.executeQuery("select status, result, error, percent_complete, version, due_at,"
                    + " lease_owner, ended_at = started_at + interval '2 seconds', change_seq is not null"
                    + " from asyncops_operation where id = '" + ok.id() + "'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Succeeded");
                assertThat(rs.getString(2)).isEqualTo("{\"r\":1}");
                assertThat(rs.getString(3)).isNull();
                assertThat(rs.getDouble(4)).isEqualTo(100.0);
                assertThat(rs.getLong(5)).isEqualTo(3);
                assertThat(rs.getObject(6)).isNull();
                assertThat(rs.getObject(7)).isNull();
                assertThat(rs.getBoolean(8)).isTrue();
                assertThat(rs.getBoolean(9)).isTrue();
            }
            try (ResultSet rs = st.executeQuery("select status, error, percent_complete from asyncops_operation"
                    + " where id = '" + failed.id() + "'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Failed");
                assertThat(ErrorJson.read(rs.getString(2)).code()).isEqualTo("Boom");
                assertThat(rs.getObject(3)).as("a failure keeps the progress it had").isNull();
            }
            assertThat(count(st, "select count(*) from asyncops_operation where status = 'InProgress'")).isOne();
        }
    }

    private static Fence fence(Claimed c) {
        return new Fence(c.operation().id(), c.operation().version(), NODE);
    }

    private static Database migrated() {
        Database db = EmbeddedPostgres.shared().openDatabase();
        try (Engine ignored = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false)
                .handler("noop", ctx -> Outcome.succeeded(null)).build())) {
            return db; // started once for its migrations
        }
    }

    private static List<OperationId> insertDue(Statement st, int n) throws Exception {
        List<OperationId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OperationId id = OperationId.random();
            ids.add(id);
            st.execute("insert into asyncops_operation (id, kind, status, created_at, due_at, input, attempt,"
                    + " cancel_requested, version) values ('" + id + "', 'noop', 'Accepted',"
                    + " now() - interval '1 minute', now() - interval '1 minute', '{\"n\":1}', 0, false, 1)");
        }
        return ids;
    }

    private static void listen(Connection listener) throws Exception {
        try (Statement s = listener.createStatement()) {
            s.execute("listen " + PostgresDialect.CHANNEL);
        }
    }

    /** The payloads delivered to {@code listener} so far (waiting briefly for the first). */
    private static List<String> notices(Connection listener) throws Exception {
        PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(
                (int) Duration.ofSeconds(5).toMillis());
        return got == null ? List.of() : Arrays.stream(got).map(PGNotification::getParameter).toList();
    }

    private static String show(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("show synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
