package io.asyncops.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim's query on H2 reads the due rows only, not the finished ones before them in the index (their due_at is
 * NULL, which H2 sorts first): a store with many finished operations claims as cheaply as an empty one.
 */
class DueQueryTest {
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    Path dir;

    @Test
    void aClaimOnH2ReadsTheDueRowsNotTheFinishedOnes() throws Exception {
        try (Database db = Database.h2(dir.resolve("data"))) {
            try (Engine ignored = Engine.start(EngineConfig.builder(db.dataSource())
                    .handler("noop", ctx -> Outcome.succeeded("{}")).build())) {
                // started once for its migrations
            }
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute(insert(5_000, "Succeeded", "null", "timestamp with time zone '2026-01-01 00:00:00+00'"));
                st.execute(insert(20, "Accepted", "timestamp with time zone '2026-01-01 00:00:00+00'"
                        + " + x * interval '1' second", "null"));
                Instant now = Instant.parse("2026-06-01T00:00:00Z");

                List<StoredOperation> due = SqlDialect.due(c, 10, now, "");
                assertThat(due).hasSize(10);
                List<Instant> dueTimes = new ArrayList<>();
                due.forEach(d -> dueTimes.add(d.dueAt()));
                assertThat(dueTimes).isSorted().doesNotContainNull();

                try (PreparedStatement ps = c.prepareStatement("explain analyze " + SqlDialect.DUE)) {
                    Rows.setInstant(ps, 1, SqlDialect.DUE_FLOOR);
                    Rows.setInstant(ps, 2, now);
                    ps.setInt(3, 10);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String plan = rs.getString(1);
                        Matcher m = SCAN_COUNT.matcher(plan);
                        assertThat(m.find()).as(plan).isTrue();
                        assertThat(Integer.parseInt(m.group(1))).as(plan).isLessThanOrEqualTo(11);
                    }
                }
            }
        }
    }

    private static String insert(int rows, String status, String dueAt, String endedAt) {
        return "insert into " + Rows.TABLE + " (id, kind, subscription, status, created_at, ended_at, attempt,"
                + " cancel_requested, version, due_at) select random_uuid(), 'noop', 's1', '" + status + "',"
                + " timestamp with time zone '2026-01-01 00:00:00+00', " + endedAt + ", 0, false, 1, " + dueAt
                + " from system_range(1, " + rows + ")";
    }
}
