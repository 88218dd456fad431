package io.asyncops.emulator.biztalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Rows of {@code emu_biztalk_service}. Every state change also changes the ETag. */
final class ServiceTable {
    private static final String COLUMNS = "subscription_id, cloud_service, name, plan_name, edition, region,"
            + " schema_version, tags, state, etag, last_action, last_request_id, created_at";

    private ServiceTable() {
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Inserts a new deployment; a taken name throws {@link BizTalkException} 409 {@code ConflictError}. Inside a
     * transaction the insert runs under a savepoint, so the refusal can still read the name's holder (PostgreSQL
     * aborts a transaction at its first error).
     */
    static void insert(Connection c, BizTalkService s) throws SQLException {
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        String sql = "INSERT INTO emu_biztalk_service (name_key, subscription_key, cloud_service_key, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key(s.name()));
            ps.setString(2, key(s.subscription()));
            ps.setString(3, key(s.cloudService()));
            ps.setString(4, s.subscription());
            ps.setString(5, s.cloudService());
            ps.setString(6, s.name());
            ps.setString(7, s.plan().wireName());
            ps.setString(8, s.edition().wireName());
            ps.setString(9, s.region());
            ps.setString(10, s.schemaVersion());
            ps.setString(11, tagsJson(s.tags()));
            ps.setString(12, s.state().wireName());
            ps.setString(13, s.etag());
            ps.setString(14, s.lastAction().wireName());
            ps.setString(15, s.lastRequestId());
            ps.setObject(16, OffsetDateTime.ofInstant(s.createdAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                if (savepoint != null) {
                    c.rollback(savepoint);
                }
                throw taken(c, s);
            }
            throw e;
        }
        if (savepoint != null) {
            c.releaseSavepoint(savepoint);
        }
    }

    private static BizTalkException taken(Connection c, BizTalkService wanted) throws SQLException {
        Optional<BizTalkService> existing = findByName(c, wanted.name());
        boolean here = existing.map(e -> e.subscription().equalsIgnoreCase(wanted.subscription())
                && e.cloudService().equalsIgnoreCase(wanted.cloudService())).orElse(false);
        return BizTalkException.conflict(here
                ? "A BizTalk service named '" + wanted.name() + "' already exists in the cloud service '"
                        + wanted.cloudService() + "'."
                : "The name '" + wanted.name() + "' is not available: BizTalk service names are unique across Azure.");
    }

    /** The deployment {@code name} of {@code cloudService} in {@code subscription}. */
    static Optional<BizTalkService> find(Connection c, String subscription, String cloudService, String name)
            throws SQLException {
        return findByName(c, name).filter(s -> s.subscription().equalsIgnoreCase(subscription)
                && s.cloudService().equalsIgnoreCase(cloudService));
    }

    /** The deployment called {@code name}, in whichever subscription and cloud service. */
    static Optional<BizTalkService> findByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM emu_biztalk_service WHERE name_key = ?")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Starts {@code action} on the deployment if it is in one of {@code from}: sets {@code to}, the action and its
     * handle.
     *
     * @return the state it was in, empty when it was in none of {@code from} (nothing changed)
     */
    static Optional<ServiceState> begin(Connection c, String name, Set<ServiceState> from, ServiceState to,
                                        BizTalkAction action, String requestId) throws SQLException {
        Optional<ServiceState> current;
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM emu_biztalk_service WHERE name_key = ?"
                + " FOR UPDATE")) {
            ps.setString(1, key(name));
            try (ResultSet rs = ps.executeQuery()) {
                current = rs.next() ? Optional.of(ServiceState.fromWireName(rs.getString(1))) : Optional.empty();
            }
        }
        if (current.isEmpty() || !from.contains(current.get())) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE emu_biztalk_service SET state = ?, etag = ?,"
                + " last_action = ?, last_request_id = ? WHERE name_key = ? AND state = ?")) {
            ps.setString(1, to.wireName());
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, action.wireName());
            ps.setString(4, requestId);
            ps.setString(5, key(name));
            ps.setString(6, current.get().wireName());
            return ps.executeUpdate() == 1 ? current : Optional.empty();
        }
    }

    /** Ends the operation {@code requestId} with the deployment in {@code state}; a no-op if another took over. */
    static void end(Connection c, String name, String requestId, ServiceState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE emu_biztalk_service SET state = ?, etag = ?"
                + " WHERE name_key = ? AND last_request_id = ?")) {
            ps.setString(1, state.wireName());
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, key(name));
            ps.setString(4, requestId);
            ps.executeUpdate();
        }
    }

    /** Removes the deployment if the operation {@code requestId} is still its last one. */
    static void remove(Connection c, String name, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM emu_biztalk_service"
                + " WHERE name_key = ? AND last_request_id = ?")) {
            ps.setString(1, key(name));
            ps.setString(2, requestId);
            ps.executeUpdate();
        }
    }

    private static BizTalkService read(ResultSet rs) throws SQLException {
        return new BizTalkService(
                rs.getString("subscription_id"),
                rs.getString("cloud_service"),
                rs.getString("name"),
                Edition.parse(rs.getString("plan_name"), "plan"),
                Edition.parse(rs.getString("edition"), "edition"),
                rs.getString("region"),
                rs.getString("schema_version"),
                tagsFrom(rs.getString("tags")),
                ServiceState.fromWireName(rs.getString("state")),
                rs.getString("etag"),
                BizTalkAction.fromWireName(rs.getString("last_action")),
                rs.getString("last_request_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String tagsJson(Map<String, String> tags) {
        try {
            return Json.mapper().writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tags", e);
        }
    }

    private static Map<String, String> tagsFrom(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not JSON", e);
        }
    }
}
