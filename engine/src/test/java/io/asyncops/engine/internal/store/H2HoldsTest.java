package io.asyncops.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationId;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.ResourceBusyException;
import io.asyncops.engine.Submission;
import io.asyncops.engine.TransactionalWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On H2, idempotency keys and held resources are rows of their own (V7): an operation with neither adds no entry to
 * a unique index, a held resource's row goes when its operation ends or is canceled, a key's when it is pruned, the
 * holder lookups are index lookups, and the migration carries over the keys and resources already held.
 */
class H2HoldsTest {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void onlyKeysAndHeldResourcesHaveRowsAndEndsGiveResourcesBack() throws Exception {
        try (Database db = Database.h2(dir.resolve("data"))) {
            Operation keyed;
            Operation holder;
            Operation ended;
            try (Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false).build())) {
                for (int i = 0; i < 50; i++) {
                    engine.submit(Submission.of("noop", "{}").withResource("/r/plain"));
                }
                keyed = engine.submit(Submission.of("noop", "{}").withSubscription("s").withIdempotencyKey("k1"));
                holder = engine.submit(Submission.of("noop", "{}").withExclusiveResource("/r/x")
                        .withIdempotencyKey("k2"));
                assertThat(holds(db)).containsExactlyInAnyOrder("k1:s:k1 " + keyed.id(), "k0::k2 " + holder.id(),
                        "r/r/x " + holder.id());
                assertThat(column(db, "select index_name from information_schema.indexes where table_name ="
                        + " 'ASYNCOPS_OPERATION' and index_type_name = 'UNIQUE INDEX'")).isEmpty();

                assertThat(engine.submit(Submission.of("noop", "{}").withSubscription("s").withIdempotencyKey("k1"))
                        .id()).isEqualTo(keyed.id());
                assertThatThrownBy(() -> engine.submit(Submission.of("noop", "{}").withExclusiveResource("/r/x")))
                        .isInstanceOfSatisfying(ResourceBusyException.class,
                                e -> assertThat(e.holder()).isEqualTo(holder.id()));
                assertThat(holds(db)).hasSize(3);

                // the same operation written again (its commit's answer lost): its own row, its holds kept
                Inserted again = new JdbcOperationStore(db.dataSource(), new H2Dialect(), "test").insert(List.of(
                        new NewOperation(holder, true, null, TransactionalWork.none()))).get(0);
                assertThat(again.created()).isTrue();
                assertThat(again.operation().id()).isEqualTo(holder.id());
                assertThat(holds(db)).containsExactlyInAnyOrder("k1:s:k1 " + keyed.id(), "k0::k2 " + holder.id(),
                        "r/r/x " + holder.id());

                engine.cancel(holder.id());
                assertThat(holds(db)).containsExactlyInAnyOrder("k1:s:k1 " + keyed.id(), "k0::k2 " + holder.id());
                ended = engine.submit(Submission.of("noop", "{}").withExclusiveResource("/r/x"));
            }
            // a worker's end gives the resource back in its transaction
            JdbcOperationStore store = new JdbcOperationStore(db.dataSource(), new H2Dialect(), "test");
            Instant now = Instant.now().plusSeconds(1);
            Claimed claimed = store.claim("test", 1000, now, now.plusSeconds(60)).stream()
                    .filter(cl -> cl.operation().id().equals(ended.id())).findFirst().orElseThrow();
            assertThat(store.finish(List.of(Ending.terminal(new Fence(ended.id(), claimed.operation().version(),
                    "test"), OperationStatus.SUCCEEDED, "{}", null, TransactionalWork.none())), now))
                    .containsExactly(Finished.APPLIED);
            assertThat(holds(db)).containsExactlyInAnyOrder("k1:s:k1 " + keyed.id(), "k0::k2 " + holder.id());

            // pruning the ended operations gives their keys back; the one not ended keeps its key
            assertThat(store.prune(now.plusSeconds(3600), 1000)).isEqualTo(2);
            assertThat(holds(db)).containsExactly("k1:s:k1 " + keyed.id());
        }
    }

    @Test
    void holderLookupsReadTheHoldsIndexNotTheOperations() throws Exception {
        try (Database db = Database.h2(dir.resolve("data"))) {
            try (Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false).build())) {
                for (int i = 0; i < 200; i++) {
                    engine.submit(Submission.of("noop", "{}").withIdempotencyKey("key-" + i)
                            .withExclusiveResource("/r/" + i));
                }
            }
            H2Dialect dialect = new H2Dialect();
            try (Connection c = db.dataSource().getConnection()) {
                assertThat(scanned(c, dialect.keyHolder(), Rows.idempotencyRef(null, "key-7"))).isLessThanOrEqualTo(2);
                assertThat(scanned(c, dialect.resourceHolder(), "/r/7")).isLessThanOrEqualTo(2);
                assertThat(Inserts.findOne(c, dialect.resourceHolder(), "/r/7")).isPresent();
                assertThat(Inserts.findOne(c, dialect.resourceHolder(), "/r/none")).isEmpty();
            }
        }
    }

    @Test
    void theMigrationCarriesOverHeldKeysAndResources() throws Exception {
        try (Database db = Database.h2(dir.resolve("data"))) {
            Flyway.configure().dataSource(db.dataSource()).table(Migrations.HISTORY_TABLE)
                    .locations("classpath:db/asyncops/engine/common", "classpath:db/asyncops/engine/h2")
                    .baselineOnMigrate(true).baselineVersion("0").target("6").load().migrate();
            UUID id = UUID.randomUUID();
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("insert into " + Rows.TABLE + " (id, kind, resource_id, active_resource, status,"
                        + " created_at, input, attempt, idempotency_key, idempotency_ref, cancel_requested, version,"
                        + " due_at) values ('" + id + "', 'noop', '/r/old', '/r/old', 'Accepted', current_timestamp,"
                        + " '{}', 0, 'old', '" + Rows.idempotencyRef(null, "old") + "', false, 1, current_timestamp)");
            }
            try (Engine engine = Engine.start(EngineConfig.builder(db.dataSource()).runWorkers(false).build())) {
                assertThat(engine.submit(Submission.of("noop", "{}").withExclusiveResource("/r/old")
                        .withIdempotencyKey("old")).id()).isEqualTo(new OperationId(id));
                assertThatThrownBy(() -> engine.submit(Submission.of("noop", "{}").withExclusiveResource("/r/old")))
                        .isInstanceOf(ResourceBusyException.class);
            }
        }
    }

    private static long scanned(Connection c, String condition, String value) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("explain analyze select " + Rows.COLUMNS + " from "
                + Rows.TABLE + " where " + condition)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                long total = 0;
                Matcher m = SCAN_COUNT.matcher(plan);
                while (m.find()) {
                    total = Math.max(total, Long.parseLong(m.group(1)));
                }
                assertThat(plan).contains("FROM PUBLIC.ASYNCOPS_OPERATION_HOLD").contains(": REF = ");
                return total;
            }
        }
    }

    private static List<String> holds(Database db) throws Exception {
        return column(db, "select ref || ' ' || operation_id from " + H2Holds.TABLE);
    }

    private static List<String> column(Database db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
