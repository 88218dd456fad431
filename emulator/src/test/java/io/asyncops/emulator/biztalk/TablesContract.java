package io.asyncops.emulator.biztalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.emulator.internal.Jdbc;
import io.asyncops.engine.OperationId;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's tables on a real database: migrations, uniqueness, state moves, handles. */
abstract class TablesContract {
    private static final String SUB = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private DataSource dataSource;

    abstract DataSource newDatabase();

    @BeforeEach
    void migrate() {
        dataSource = newDatabase();
        BizTalkServices.create(dataSource, BizTalkSettings.of(1)).migrate();
    }

    private static BizTalkService service(String sub, String cloud, String name, String requestId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("zeta", "1");
        tags.put("alpha", "two & <three>");
        return new BizTalkService(sub, cloud, name, Edition.PREMIUM, Edition.PREMIUM, "West US", "1.0", tags,
                ServiceState.CREATING, UUID.randomUUID().toString(), BizTalkAction.CREATE, requestId,
                Instant.parse("2026-03-01T10:15:30.123Z"));
    }

    private <T> T sql(Jdbc.SqlWork<T> work) {
        return Jdbc.run(dataSource, work);
    }

    @Test
    void migratingTwiceIsHarmless() {
        BizTalkServices.create(dataSource, BizTalkSettings.of(1)).migrate();
        assertThat(find(SUB, "cs", "nothere")).isEmpty();
    }

    @Test
    void storesAndReadsADeploymentWithNamesComparedWithoutCase() {
        BizTalkService s = service(SUB, "MyCloud", "MyBizTalk1", "r1");
        sql(c -> {
            ServiceTable.insert(c, s);
            return null;
        });
        Optional<BizTalkService> read = sql(c -> ServiceTable.find(c, SUB.toUpperCase(), "mycloud", "MYBIZTALK1"));
        assertThat(read).contains(s);
        assertThat(read.get().tags().keySet()).containsExactly("zeta", "alpha");
        assertThat(read.get().createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
        assertThat(find(SUB, "othercloud", "mybiztalk1")).isEmpty();
        assertThat(find("another-sub", "mycloud", "mybiztalk1")).isEmpty();
    }

    @Test
    void aTakenNameIsAConflictInTheSameCloudServiceAndAcrossSubscriptions() {
        sql(c -> {
            ServiceTable.insert(c, service(SUB, "cloud1", "taken-name", "r1"));
            return null;
        });
        assertThatThrownBy(() -> sql(c -> {
            ServiceTable.insert(c, service(SUB, "cloud1", "Taken-Name", "r2"));
            return null;
        })).isInstanceOfSatisfying(BizTalkException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("ConflictError");
        }).hasMessageContaining("already exists in the cloud service 'cloud1'");
        assertThatThrownBy(() -> sql(c -> {
            ServiceTable.insert(c, service("other-subscription", "cloud9", "taken-name", "r3"));
            return null;
        })).isInstanceOf(BizTalkException.class).hasMessageContaining("unique across Azure")
                .hasMessageNotContaining(SUB);
    }

    @Test
    void aTakenNameInsideATransactionIsAConflictThatLeavesTheTransactionUsable() throws Exception {
        sql(c -> {
            ServiceTable.insert(c, service(SUB, "cloud1", "tx-taken", "r1"));
            return null;
        });
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ServiceTable.insert(c, service(SUB, "cloud1", "tx-other", "r2"));
            assertThatThrownBy(() -> ServiceTable.insert(c, service(SUB, "cloud1", "tx-taken", "r3")))
                    .isInstanceOf(BizTalkException.class).hasMessageContaining("already exists");
            assertThat(ServiceTable.find(c, SUB, "cloud1", "tx-other")).as("earlier work survives").isPresent();
            c.commit();
        }
        assertThat(find(SUB, "cloud1", "tx-other")).isPresent();
        assertThat(find(SUB, "cloud1", "tx-taken").orElseThrow().lastRequestId()).isEqualTo("r1");
    }

    @Test
    void beginMovesOnlyFromTheAllowedStatesAndEndIsFencedByTheHandle() {
        sql(c -> {
            ServiceTable.insert(c, service(SUB, "cloud", "fenced-one", "create-1"));
            return null;
        });
        assertThat(beginRestart("fenced-one", "restart-1")).isEmpty();
        sql(c -> {
            ServiceTable.end(c, "fenced-one", "someone-else", ServiceState.FAILED);
            return null;
        });
        assertThat(state("fenced-one")).isEqualTo(ServiceState.CREATING);
        String etagBefore = find(SUB, "cloud", "fenced-one").orElseThrow().etag();
        sql(c -> {
            ServiceTable.end(c, "fenced-one", "create-1", ServiceState.ACTIVE);
            return null;
        });
        BizTalkService active = find(SUB, "cloud", "fenced-one").orElseThrow();
        assertThat(active.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(active.etag()).isNotEqualTo(etagBefore);
        assertThat(beginRestart("fenced-one", "restart-1")).contains(ServiceState.ACTIVE);
        BizTalkService restarting = find(SUB, "cloud", "fenced-one").orElseThrow();
        assertThat(restarting.state()).isEqualTo(ServiceState.RESTARTING);
        assertThat(restarting.lastAction()).isEqualTo(BizTalkAction.RESTART);
        assertThat(restarting.lastRequestId()).isEqualTo("restart-1");
        sql(c -> {
            ServiceTable.remove(c, "fenced-one", "create-1");
            return null;
        });
        assertThat(state("fenced-one")).as("a stale handle removes nothing").isEqualTo(ServiceState.RESTARTING);
        sql(c -> {
            ServiceTable.remove(c, "fenced-one", "restart-1");
            return null;
        });
        assertThat(find(SUB, "cloud", "fenced-one")).isEmpty();
    }

    @Test
    void handlesBelongToTheirSubscriptionAndAreLinkedOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OperationId first = OperationId.random();
        sql(c -> {
            OperationTable.insert(c, "req-1", SUB, "cloud", "svcname1", BizTalkAction.CREATE, Edition.FREE, now);
            return null;
        });
        assertThat(handle(SUB, "req-1")).get()
                .satisfies(h -> assertThat(h.operationId()).isNull());
        sql(c -> {
            OperationTable.link(c, "req-1", first);
            OperationTable.link(c, "req-1", OperationId.random());
            return null;
        });
        OperationTable.Handle h = sql(c -> OperationTable.find(c, SUB.toUpperCase(), "req-1")).orElseThrow();
        assertThat(h.operationId()).isEqualTo(first);
        assertThat(h.edition()).isEqualTo(Edition.FREE);
        assertThat(h.action()).isEqualTo(BizTalkAction.CREATE);
        assertThat(h.cloudService()).isEqualTo("cloud");
        assertThat(handle("another-sub", "req-1")).isEmpty();
        sql(c -> {
            OperationTable.forget(c, "req-1");
            return null;
        });
        assertThat(handle(SUB, "req-1")).isEmpty();
    }

    @Test
    void aWorkThatFailsInATransactionLeavesNothing() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ServiceTable.insert(c, service(SUB, "cloud", "rolled-back", "r1"));
            c.rollback();
        }
        assertThat(find(SUB, "cloud", "rolled-back")).isEmpty();
    }

    private Optional<BizTalkService> find(String sub, String cloud, String name) {
        return Jdbc.run(dataSource, c -> ServiceTable.find(c, sub, cloud, name));
    }

    private Optional<OperationTable.Handle> handle(String sub, String requestId) {
        return Jdbc.run(dataSource, c -> OperationTable.find(c, sub, requestId));
    }

    private Optional<ServiceState> beginRestart(String name, String requestId) {
        return Jdbc.run(dataSource, c -> ServiceTable.begin(c, name, EnumSet.of(ServiceState.ACTIVE),
                ServiceState.RESTARTING, BizTalkAction.RESTART, requestId));
    }

    private ServiceState state(String name) {
        return find(SUB, "cloud", name).orElseThrow().state();
    }
}
