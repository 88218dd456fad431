package io.asyncops.bench.http;

import io.asyncops.bench.engine.BenchPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The million bench's look into one of its databases: how full the polled subscriptions' first pages are, the
 * first page's plans, settling the database before a measure, and what PostgreSQL did behind the measures
 * (autovacuum runs, checkpoints, the listing query's own time).
 */
final class MillionDb {
    /** The engine's first-page statement on PostgreSQL (its subscription and limit behind InitPlans), limit 101. */
    private static final String FIRST_PAGE = "select * from asyncops_operation where 1 = 1"
            + " and subscription = (select ?) order by created_at desc, id desc fetch first (select 101) rows only";

    /** The engine's status read by id on PostgreSQL ({@code JdbcOperationStore.findStatus}). */
    private static final String STATUS_BY_ID = "select id, kind, subscription, status, percent_complete, created_at,"
            + " started_at, ended_at, expected_end_at, result, error, attempt, cancel_requested, version"
            + " from asyncops_operation where id = ?";

    private final String label;
    private final DataSource ds;

    MillionDb(String label, DataSource ds) {
        this.label = label;
        this.ds = ds;
    }

    /** What PostgreSQL had done in the background by a moment: autovacuum and autoanalyze runs, checkpoints. */
    record Activity(long autovacuums, long checkpoints) {
        String since(Activity before) {
            return String.format(java.util.Locale.ROOT, "%d autovacuum/autoanalyze runs on the table, %d checkpoints",
                    autovacuums - before.autovacuums, checkpoints - before.checkpoints);
        }
    }

    /**
     * The polled subscriptions whose first page is full (100 items), printing how full they are on average: a page
     * of fewer rows is a smaller answer, which is not the store's doing.
     */
    List<String> fullFirstPages() throws SQLException {
        int rows = 0;
        List<String> full = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement count = c.prepareStatement("select count(*) from (" + FIRST_PAGE + ") p")) {
            for (String sub : MillionRows.polledSubscriptions()) {
                count.setString(1, sub);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    int n = Math.min(100, rs.getInt(1));
                    rows += n;
                    if (n == 100) {
                        full.add(sub);
                    }
                }
            }
        }
        System.out.printf("  %s: first pages of the %d polled subscriptions hold %.1f items on average, %d full%n",
                label, MillionRows.POLLED_SUBSCRIPTIONS, rows / (double) MillionRows.POLLED_SUBSCRIPTIONS,
                full.size());
        return full;
    }

    /**
     * Prints the first page's plans, generic (the server's statements are prepared: after five runs PostgreSQL may
     * keep one plan for every subscription) and custom, for the busiest and the quietest polled subscription.
     */
    void explain() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare first_page(text) as " + FIRST_PAGE.replace("(select ?)", "(select $1)"));
            print("generic plan, subscription 0", s.executeQuery("explain (analyze, buffers) execute first_page('"
                    + MillionRows.subscription(0) + "')"));
            s.execute("deallocate first_page");
            s.execute("reset plan_cache_mode");
            for (int i : new int[] {0, MillionRows.POLLED_SUBSCRIPTIONS - 1}) {
                try (PreparedStatement plan = c.prepareStatement("explain (analyze, buffers) " + FIRST_PAGE)) {
                    plan.setString(1, MillionRows.subscription(i));
                    print("plan, subscription " + i, plan.executeQuery());
                }
            }
            // the status read by id of the oldest stored operation (at 1.01M one of the expired ones)
            try (ResultSet last = s.executeQuery("select id from asyncops_operation order by created_at limit 1");
                 PreparedStatement plan = c.prepareStatement("explain (analyze, buffers, timing) " + STATUS_BY_ID)) {
                last.next();
                plan.setObject(1, last.getObject(1));
                print("status read by id", plan.executeQuery());
            }
        }
    }

    private void print(String what, ResultSet rs) throws SQLException {
        try (rs) {
            System.out.println("  " + label + ", " + what + ":");
            while (rs.next()) {
                System.out.println("    " + rs.getString(1));
            }
        }
    }

    /**
     * Vacuums and analyzes the table, then checkpoints: what a live table has had, and what leaves autovacuum
     * nothing to do and no load's dirty pages for a checkpoint to write during the measures that follow.
     */
    void settle() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum (analyze) asyncops_operation");
            s.execute("checkpoint");
        }
    }

    /**
     * Reads the table, its TOAST and its indexes into shared buffers ({@code pg_prewarm}), as a database whose data
     * fits its memory and has been read before holds them: a read by id then finds its blocks there at any size.
     * Prints the blocks loaded and whether they fit {@code shared_buffers} (they are of no use otherwise).
     */
    void prewarm() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_prewarm");
            try (ResultSet rs = s.executeQuery("select coalesce(sum(pg_prewarm(r.oid)), 0),"
                    + " (select setting::bigint from pg_settings where name = 'shared_buffers')"
                    + " from pg_class r where r.oid = 'asyncops_operation'::regclass"
                    + " or r.oid = (select reltoastrelid from pg_class where oid = 'asyncops_operation'::regclass)"
                    + " or r.oid in (select indexrelid from pg_index where indrelid = 'asyncops_operation'::regclass)")) {
                rs.next();
                long blocks = rs.getLong(1);
                long buffers = rs.getLong(2);
                System.out.printf("  %s: prewarmed %,d blocks into %,d shared buffers%s%n", label, blocks, buffers,
                        blocks > buffers ? " (they do not fit: set -Dasyncops.bench.sharedBuffers)" : "");
            }
        }
    }

    /**
     * Makes every session of the cluster, open ones included, run prepared statements with their generic plan
     * ({@code plan_cache_mode = force_generic_plan}, reloaded): no statement is planned again per call.
     */
    void forceGenericPlans() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter system set plan_cache_mode = force_generic_plan");
            s.execute("select pg_reload_conf()");
        }
        System.out.println("  plan_cache_mode = force_generic_plan for the whole cluster");
    }

    /** The table's blocks read from outside shared buffers and found in them: heap, TOAST (with its index), indexes. */
    record Blocks(long heapRead, long heapHit, long toastRead, long toastHit, long indexRead, long indexHit) {
        String since(Blocks b) {
            return String.format(java.util.Locale.ROOT, "heap %,d / %,d, TOAST %,d / %,d, indexes %,d / %,d",
                    heapRead - b.heapRead, heapHit - b.heapHit, toastRead - b.toastRead, toastHit - b.toastHit,
                    indexRead - b.indexRead, indexHit - b.indexHit);
        }
    }

    Blocks blocks() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select heap_blks_read, heap_blks_hit,"
                     + " coalesce(toast_blks_read, 0) + coalesce(tidx_blks_read, 0),"
                     + " coalesce(toast_blks_hit, 0) + coalesce(tidx_blks_hit, 0), coalesce(idx_blks_read, 0),"
                     + " coalesce(idx_blks_hit, 0) from pg_statio_user_tables where relname = 'asyncops_operation'")) {
            rs.next();
            return new Blocks(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
        }
    }

    /** Prints the table's sizes: heap, TOAST, the primary key, all indexes. */
    void printSizes() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_relation_size(oid), coalesce(pg_relation_size(reltoastrelid), 0),"
                     + " pg_relation_size('asyncops_operation_pk'), pg_indexes_size(oid)"
                     + " from pg_class where oid = 'asyncops_operation'::regclass")) {
            rs.next();
            System.out.printf("  %s: table heap %.1f MB, TOAST %.1f MB, primary key %.1f MB, all indexes %.1f MB%n",
                    label, rs.getLong(1) / 1e6, rs.getLong(2) / 1e6, rs.getLong(3) / 1e6, rs.getLong(4) / 1e6);
        }
    }

    Activity activity() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select autovacuum_count + autoanalyze_count from pg_stat_user_tables"
                     + " where relname = 'asyncops_operation'), (select num_timed + num_requested"
                     + " from pg_stat_checkpointer)")) {
            rs.next();
            return new Activity(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * With {@code -Dasyncops.bench.statements=true}: makes the statistics readable in this database and forgets the
     * statements counted so far (in every database).
     */
    void resetStatements() throws SQLException {
        if (!BenchPostgres.STATEMENTS) {
            return;
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * With {@code -Dasyncops.bench.statements=true}: this database's own time for the listing since the reset, and
     * how many status reads reached it (a status GET answered from the engine's snapshots does not).
     */
    long printStatements() throws SQLException {
        if (!BenchPostgres.STATEMENTS) {
            return 0;
        }
        statement("the listing query", "%order by created_at desc, id desc%");
        return statement("reads of one operation by id", "%from asyncops_operation where id = $1");
    }

    /** Prints the statements' figures; their calls. */
    private long statement(String what, String like) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time)"
                     + " / nullif(sum(calls), 0), 0), coalesce(max(max_exec_time), 0), coalesce(sum(shared_blks_read), 0),"
                     + " coalesce(sum(plans), 0), coalesce(sum(total_plan_time) / nullif(sum(plans), 0), 0),"
                     + " coalesce(min(min_exec_time), 0), coalesce(max(stddev_exec_time), 0)"
                     + " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                     + " where d.datname = current_database() and query like ?")) {
            s.setString(1, like);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("  %s: %s in the database: %,d calls, mean %.3f ms, min %.3f ms, stddev %.3f ms,"
                        + " max %.2f ms, %,d blocks read; planned %,d times, mean %.3f ms%n", label, what, rs.getLong(1),
                        rs.getDouble(2), rs.getDouble(7), rs.getDouble(8), rs.getDouble(3), rs.getLong(4), rs.getLong(5),
                        rs.getDouble(6));
                return rs.getLong(1);
            }
        }
    }
}
