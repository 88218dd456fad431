package io.asyncops.emulator.biztalk;

import io.asyncops.engine.OperationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Rows of {@code emu_biztalk_operation}: the handle ({@code x-ms-request-id}) of each management operation. */
final class OperationTable {

    /**
     * One handle.
     *
     * @param operationId null until linked (for the instant between the submit's commit and the link)
     */
    record Handle(String requestId, OperationId operationId, String subscription, String cloudService, String name,
                  BizTalkAction action, Edition edition) {
    }

    private OperationTable() {
    }

    static void insert(Connection c, String requestId, String subscription, String cloudService, String name,
                       BizTalkAction action, Edition edition, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO emu_biztalk_operation (request_id, operation_id,"
                + " subscription_key, subscription_id, cloud_service, name, action, edition, created_at)"
                + " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, requestId);
            ps.setString(2, subscription.toLowerCase(Locale.ROOT));
            ps.setString(3, subscription);
            ps.setString(4, cloudService);
            ps.setString(5, name);
            ps.setString(6, action.wireName());
            ps.setString(7, edition.wireName());
            ps.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** Records which operation the handle names; the first link wins. */
    static void link(Connection c, String requestId, OperationId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE emu_biztalk_operation SET operation_id = ?"
                + " WHERE request_id = ? AND operation_id IS NULL")) {
            ps.setString(1, id.toString());
            ps.setString(2, requestId);
            ps.executeUpdate();
        }
    }

    /** The handle {@code requestId} if it belongs to {@code subscription} (compared without case). */
    static Optional<Handle> find(Connection c, String subscription, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, operation_id, subscription_id,"
                + " cloud_service, name, action, edition FROM emu_biztalk_operation"
                + " WHERE request_id = ? AND subscription_key = ?")) {
            ps.setString(1, requestId);
            ps.setString(2, subscription.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String op = rs.getString("operation_id");
                return Optional.of(new Handle(rs.getString("request_id"), op == null ? null : OperationId.parse(op),
                        rs.getString("subscription_id"), rs.getString("cloud_service"), rs.getString("name"),
                        BizTalkAction.fromWireName(rs.getString("action")),
                        Edition.parse(rs.getString("edition"), "edition")));
            }
        }
    }

    /** Forgets a handle whose operation the engine has pruned. */
    static void forget(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM emu_biztalk_operation WHERE request_id = ?")) {
            ps.setString(1, requestId);
            ps.executeUpdate();
        }
    }
}
