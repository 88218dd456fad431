package io.asyncops.engine.internal.store;

import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationQuery;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Page;
import io.asyncops.engine.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Pages of operations, newest first, by keyset: the page token is the (created_at, id) of the last item, so a
 * page costs the same however deep it is and rows inserted meanwhile do not shift later pages.
 */
final class Listing {
    private Listing() {
    }

    static Page<Operation> list(DataSource dataSource, SqlDialect dialect, OperationQuery q) {
        StringBuilder sql = new StringBuilder("select ").append(Rows.COLUMNS).append(" from ").append(Rows.TABLE)
                .append(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        // Where the database plans a prepared statement per call's values (PostgreSQL), it keeps one plan for all
        // calls only while that plan is estimated no dearer than the per-value ones. A plain "subscription = ?"
        // failed that at a million rows: a busy subscription's plan, estimated from its own frequency, came out
        // cheaper than the plan for an average one, so every page was planned anew (0.14 ms of a 0.19 ms page).
        // So the planner sees neither the subscription nor the limit: both come from InitPlans. Every call then
        // estimates the same plan, and PostgreSQL keeps it at any table size. With the limit unknown the planner
        // costs a tenth of the subscription's rows and so takes the backward scan of the listing index, which stops
        // at the limit; a limit it could see, above the rows it expects of an average subscription (few, in a
        // small table), would make it read the whole subscription and sort it.
        boolean planOnce = dialect.plansPerValue();
        if (q.subscription() != null) {
            sql.append(planOnce ? " and subscription = (select ?)" : " and subscription = ?");
            params.add(q.subscription());
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" and status in (");
            String sep = "";
            for (OperationStatus s : q.statuses()) {
                sql.append(sep).append('?');
                params.add(s.wireName());
                sep = ", ";
            }
            sql.append(')');
            if (q.statuses().stream().noneMatch(OperationStatus::isTerminal)) {
                // implied (a running operation is always due some time), and it lets PostgreSQL use the small
                // index of running operations instead of walking the subscription's history
                sql.append(" and due_at is not null");
            }
        }
        if (q.kind() != null) {
            sql.append(" and kind = ?");
            params.add(q.kind());
        }
        if (q.resourceIdContains() != null) {
            sql.append(" and lower(resource_id) like ? escape '!'");
            params.add("%" + likeEscaped(q.resourceIdContains().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.pageToken() != null) {
            Key after = Key.decode(q.pageToken());
            sql.append(" and (created_at < ? or (created_at = ? and id < ?))");
            params.add(after.createdAt());
            params.add(after.createdAt());
            params.add(after.id());
        }
        sql.append(planOnce ? " order by created_at desc, id desc fetch first (select ?) rows only"
                : " order by created_at desc, id desc fetch first ? rows only");
        params.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Instant t) {
                    Rows.setInstant(ps, i + 1, t);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<Operation> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(Rows.read(rs).operation());
                }
            }
            if (items.size() <= q.limit()) {
                return new Page<>(items, null);
            }
            items = items.subList(0, q.limit());
            Operation last = items.get(items.size() - 1);
            return new Page<>(items, new Key(last.createdAt(), last.id().value()).encode());
        } catch (SQLException e) {
            throw new StoreException("cannot list operations", e);
        }
    }

    /** {@code text} with LIKE's wildcards and the escape character taken literally. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A position in the listing order. */
    record Key(Instant createdAt, UUID id) {
        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = text.indexOf(':');
                long micros = Long.parseLong(text.substring(0, colon));
                return new Key(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a page token: " + token);
            }
        }
    }
}
