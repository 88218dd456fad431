package io.asyncops.engine.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Database;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.Outcome;
import io.asyncops.engine.testing.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the listing's prepared statement keeps one (generic) plan, where a subscription is busy enough that a
 * plain {@code subscription = ? ... fetch first ? rows} statement is planned anew at every call: its plan for an
 * average subscription is estimated dearer than a busy one's own. {@code pg_prepared_statements} counts the plans.
 * The plan kept is the backward scan of the listing index that stops at the limit, in a small table (where an
 * average subscription has few rows) as in a large one.
 */
class ListingPlanTest {
    private static final String PLAIN = "select id from asyncops_operation where subscription = ?"
            + " order by created_at desc, id desc fetch first ? rows only";

    @Test
    void theListingKeepsOnePlanWhereAPlainStatementIsPlannedAtEveryCall() throws Exception {
        try (Database db = EmbeddedPostgres.shared().openDatabase()) {
            try (Engine ignored = Engine.start(EngineConfig.builder(db.dataSource())
                    .handler("noop", ctx -> Outcome.succeeded("{}")).build())) {
                // started once for its migrations
            }
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                DataSource one = oneConnection(c);
                PostgresDialect dialect = new PostgresDialect();
                // a small table: one subscription of 600 operations among 400 of 2 (a few rows expected of each)
                st.execute(insert("'busy'", 600));
                st.execute(insert("'s' || (x % 400)", 800));
                st.execute("analyze asyncops_operation");
                for (int i = 0; i < 10; i++) {
                    assertThat(Listing.list(one, dialect, OperationQuery.bySubscription("busy", 100)).items())
                            .hasSize(100);
                }
                String plan = genericPlan(c);
                assertThat(plan).as("the listing's plan stops at the limit").contains("Index Scan Backward")
                        .doesNotContain("Sort");
                assertThat(plans(c, "%subscription = (select $1)%")[1]).as("listing's custom plans")
                        .isLessThanOrEqualTo(5);
                // a large one: two subscriptions of 30,000 and 3,000
                st.execute("delete from asyncops_operation");
                st.execute(insert("'busy'", 30_000));
                st.execute(insert("'quiet'", 3_000));
                st.execute("analyze asyncops_operation");
                // another session (this one stays open, so the pool hands out another): a session's statement
                // weighs its plans in the small table into its later choices
                try (Connection c2 = db.dataSource().getConnection()) {
                    checkLarge(c2, oneConnection(c2), dialect);
                }
            }
        }
    }

    /** The large table, in a session of its own: one plan kept, a plain statement planned at every call. */
    private static void checkLarge(Connection c, DataSource one, PostgresDialect dialect) throws Exception {
        for (int i = 0; i < 30; i++) {
            String sub = i % 3 == 0 ? "quiet" : "busy";
            assertThat(Listing.list(one, dialect, OperationQuery.bySubscription(sub, 100)).items())
                    .hasSize(100);
            try (PreparedStatement ps = c.prepareStatement(PLAIN)) {
                ps.setString(1, sub);
                ps.setInt(2, 101);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }
        long[] plain = plans(c, "%select id from asyncops_operation where subscription = $1%");
        long[] listing = plans(c, "%subscription = (select $1)%");
        // the control: the data makes a plain statement plan anew
        assertThat(plain[1]).as("plain statement's custom plans").isGreaterThan(20);
        assertThat(listing[0]).as("listing's generic plans").isGreaterThan(20);
        assertThat(listing[1]).as("listing's custom plans").isLessThanOrEqualTo(5);
        assertThat(genericPlan(c)).contains("Index Scan Backward").doesNotContain("Sort");
    }

    /** The generic plan of the listing's statement as the session prepared it, for subscription 'busy'. */
    private static String genericPlan(Connection c) throws Exception {
        String statement;
        try (PreparedStatement ps = c.prepareStatement("select statement from pg_prepared_statements"
                + " where statement like '%subscription = (select $1)%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                statement = rs.getString(1);
            }
        }
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement()) {
            st.execute("set plan_cache_mode = force_generic_plan");
            st.execute("prepare listing_plan(text, int) as " + statement);
            try (ResultSet rs = st.executeQuery("explain execute listing_plan('busy', 101)")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            st.execute("deallocate listing_plan");
            st.execute("reset plan_cache_mode");
        }
        return plan.toString();
    }

    /** Generic and custom plans of the session's prepared statement like {@code like}. */
    private static long[] plans(Connection c, String like) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(generic_plans), 0),"
                + " coalesce(sum(custom_plans), 0) from pg_prepared_statements where statement like ?")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static String insert(String subscription, int n) {
        return "insert into asyncops_operation (id, kind, subscription, status, created_at, attempt, cancel_requested,"
                + " version, input) select gen_random_uuid(), 'noop', " + subscription + ", 'Succeeded',"
                + " timestamptz '2026-01-01 00:00:00+00' + x * interval '1 second', 1, false, 1,"
                + " repeat('x', 200) from generate_series(1, " + n + ") x";
    }

    /** A data source handing out {@code c} (the session whose prepared statements are counted), never closing it. */
    private static DataSource oneConnection(Connection c) {
        Connection unclosed = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) ->
                        method.getName().equals("close") ? null : method.invoke(c, args));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosed;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
