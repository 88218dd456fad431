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
                st.execute(insert("busy", 30_000));
                st.execute(insert("quiet", 3_000));
                st.execute("analyze asyncops_operation");
                DataSource one = oneConnection(c);
                PostgresDialect dialect = new PostgresDialect();
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
            }
        }
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
                + " version, input) select gen_random_uuid(), 'noop', '" + subscription + "', 'Succeeded',"
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
