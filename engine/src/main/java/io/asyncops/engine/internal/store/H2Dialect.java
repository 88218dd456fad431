package io.asyncops.engine.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * H2 2.x, one process. H2 accepts {@code FOR UPDATE SKIP LOCKED} but then locks every due row before applying
 * the limit (its plan loses the "index sorted" early stop), so a claim would cost as much as the backlog. It
 * claims optimistically instead: read the first due rows without locks, then lease each with an update
 * conditional on the version read; a row another claimer took meanwhile is simply skipped.
 * No notifications: one process means the in-process signal sees every change.
 */
final class H2Dialect extends SqlDialect {
    @Override
    public String migrationFolder() {
        return "h2";
    }

    @Override
    List<Claimed> claim(Connection c, String owner, int limit, Instant now, Instant leaseUntil)
            throws SQLException {
        return leaseEach(c, due(c, limit, now, ""), owner, now, leaseUntil);
    }
}
