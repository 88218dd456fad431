package io.asyncops.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.protocol.Limits;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.classic.ClassicPlane;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every column that stores a value a client controls is at least as wide as the limit the edge checks it against
 * ({@link Limits}): a value the server accepts never overflows the database (the attack run's 500s).
 */
class ColumnsFitTheLimitsTest {
    /** table.column -> the limit of what it stores. */
    private static final Map<String, Integer> COLUMNS = Map.ofEntries(
            Map.entry("asyncops_operation.subscription", Limits.SUBSCRIPTION_ID),
            Map.entry("asyncops_operation.resource_id", Limits.RESOURCE_ID),
            Map.entry("asyncops_operation.active_resource", Limits.RESOURCE_ID),
            Map.entry("asyncops_operation.idempotency_key", Limits.IDEMPOTENCY_KEY),
            // "<length of the subscription>:<subscription>:<key>"
            Map.entry("asyncops_operation.idempotency_ref", 4 + Limits.SUBSCRIPTION_ID + 1 + Limits.IDEMPOTENCY_KEY),
            Map.entry("asyncops_operation.owner_principal", Limits.TOKEN_SUBJECT),
            Map.entry("emu_resource.id", Limits.RESOURCE_ID),
            Map.entry("emu_resource.id_key", Limits.RESOURCE_ID),
            Map.entry("emu_resource.parent_key", Limits.RESOURCE_ID),
            Map.entry("emu_resource.subscription_key", Limits.SUBSCRIPTION_ID),
            Map.entry("emu_resource.group_key", Limits.RESOURCE_GROUP_NAME),
            Map.entry("emu_resource.name", Limits.PATH_SEGMENT),
            Map.entry("emu_resource.location", Limits.LOCATION),
            Map.entry("emu_resource.body", Limits.TAGS_JSON));

    @Test
    void everyColumnHoldsTheLongestValueTheEdgeAccepts(@TempDir Path data) throws Exception {
        try (AsyncOpsServer server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data)
                .shutdownGrace(Duration.ZERO).addPlane(new ArmPlane())
                .addPlane(new ClassicPlane(BizTalkTimings.DEFAULT)).build());
             Connection c = server.dataSource().getConnection()) {
            for (Map.Entry<String, Integer> e : COLUMNS.entrySet()) {
                String[] tc = e.getKey().split("\\.");
                try (ResultSet rs = c.getMetaData().getColumns(null, null, tc[0].toUpperCase(Locale.ROOT),
                        tc[1].toUpperCase(Locale.ROOT))) {
                    assertThat(rs.next()).as("column %s exists", e.getKey()).isTrue();
                    assertThat(rs.getInt("COLUMN_SIZE")).as(e.getKey()).isGreaterThanOrEqualTo(e.getValue());
                }
            }
        }
    }
}
