package io.asyncops.emulator.biztalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.emulator.AzureException;
import io.asyncops.emulator.EmulatorSettings;
import io.asyncops.emulator.ProviderCore;
import io.asyncops.emulator.ResourceTypes;
import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;
import io.asyncops.engine.IdempotencyConflictException;
import io.asyncops.engine.Operation;
import io.asyncops.engine.OperationStatus;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.BizTalkResource.KeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on the provider core with the real engine on a real database: every action's operation, the
 * deployment's state through it, handles (found through the engine by request id), faults, conflicts, idempotent
 * retries, cancellation and resumption by another engine.
 */
abstract class ProviderContract {
    static final String SUB = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    static final String OTHER_SUB = "0b8f1c7e-1111-2222-3333-444455556666";
    static final BizTalkTimings QUICK = new BizTalkTimings(Duration.ofMillis(400), Duration.ofMillis(200),
            Duration.ofMillis(200));
    static final BizTalkTimings ENDLESS = new BizTalkTimings(Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofHours(1));

    private final List<Engine> engines = new ArrayList<>();
    DataSource dataSource;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        dataSource = newDatabase();
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(Engine::close);
    }

    BizTalkServices provider(BizTalkTimings timings) {
        return provider(timings, Duration.ofSeconds(30));
    }

    BizTalkServices provider(BizTalkTimings timings, Duration lease) {
        return provider(timings, b -> b.leaseDuration(lease).fallbackPollInterval(Duration.ofMillis(100)));
    }

    /** The provider on a core of its own type, on an engine {@code engine} configures. */
    BizTalkServices provider(BizTalkTimings timings, Consumer<EngineConfig.Builder> engine) {
        ResourceTypes types = ResourceTypes.of(List.of(BizTalkServices.type(timings)));
        EmulatorSettings settings = EmulatorSettings.defaults();
        ProviderCore.migrate(dataSource);
        EngineConfig.Builder config = EngineConfig.builder(dataSource);
        types.handlers(dataSource, settings).forEach(config::handler);
        engine.accept(config);
        Engine started = Engine.start(config.build());
        engines.add(started);
        return new BizTalkServices(ProviderCore.create(types, dataSource, settings, started));
    }

    static BizTalkCaller caller(String sub) {
        return new BizTalkCaller(sub, "tester", UUID.randomUUID().toString(), null);
    }

    static BizTalkResource body(String name, String edition, String fault) {
        return BizTalkResource.request(name, edition, edition, "West US",
                fault == null ? null : List.of(new KeyValue("asyncops-fault", fault)));
    }

    static String name() {
        return "svc" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static Operation awaitEnd(BizTalkServices biztalk, String sub, String handle) {
        Operation[] last = new Operation[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25)).until(() -> {
            // Empty until the handle is linked to its operation (at once, or by the operation's first run).
            last[0] = biztalk.findOperation(sub, handle).map(BizTalkOperation::operation).orElse(null);
            return last[0] != null && last[0].isTerminal();
        });
        return last[0];
    }

    @Test
    void aCreateIsFoundByItsHandleAndLeavesAnActiveDeployment() {
        BizTalkServices biztalk = provider(QUICK);
        String name = name();
        BizTalkCaller caller = caller(SUB);
        BizTalkOperation started = biztalk.create(caller, "cloud", name, body(name, "Standard", null));
        assertThat(started.requestId()).isEqualTo(caller.requestId());
        assertThat(started.operation().kind()).isEqualTo("BizTalk/services/write");
        assertThat(started.operation().requestId()).isEqualTo(caller.requestId());
        assertThat(started.operation().subscription()).isEqualTo(SUB);
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().state()).isIn(ServiceState.CREATING,
                ServiceState.ACTIVE);

        BizTalkOperation found = biztalk.findOperation(SUB.toUpperCase(), caller.requestId()).orElseThrow();
        assertThat(found.operation().id()).isEqualTo(started.operation().id());
        assertThat(found.action()).isEqualTo(BizTalkAction.CREATE);
        assertThat(found.edition()).isEqualTo(Edition.STANDARD);
        assertThat(found.actsOn("CLOUD", name.toUpperCase())).isTrue();

        Operation end = awaitEnd(biztalk, SUB, caller.requestId());
        assertThat(end.status()).isEqualTo(OperationStatus.SUCCEEDED);
        BizTalkService active = biztalk.get(SUB, "cloud", name).orElseThrow();
        assertThat(active.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(active.lastRequestId()).isEqualTo(caller.requestId());
    }

    @Test
    void aHandleIsInvisibleToAnotherSubscription() {
        BizTalkServices biztalk = provider(QUICK);
        String name = name();
        BizTalkCaller caller = caller(SUB);
        biztalk.create(caller, "cloud", name, body(name, "Basic", null));
        assertThat(biztalk.findOperation(OTHER_SUB, caller.requestId())).isEmpty();
        assertThat(biztalk.findOperation(SUB, UUID.randomUUID().toString())).isEmpty();
        assertThat(biztalk.get(OTHER_SUB, "cloud", name)).isEmpty();
    }

    @Test
    void theFaultTagFailsTheCreateWithThatCodeAndTheDeploymentCanBeDeleted() {
        BizTalkServices biztalk = provider(QUICK);
        String name = name();
        BizTalkCaller caller = caller(SUB);
        biztalk.create(caller, "cloud", name, body(name, "Premium", "ResourceNotFound"));
        Operation end = awaitEnd(biztalk, SUB, caller.requestId());
        assertThat(end.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(end.error().code()).isEqualTo("ResourceNotFound");
        assertThat(end.error().httpStatus()).isEqualTo(404);
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().state()).isEqualTo(ServiceState.FAILED);
        assertThatThrownBy(() -> biztalk.restart(caller(SUB), "cloud", name))
                .isInstanceOfSatisfying(AzureException.class, e -> assertThat(e.code()).isEqualTo("ConflictError"));

        BizTalkCaller deleter = caller(SUB);
        biztalk.delete(deleter, "cloud", name);
        assertThat(awaitEnd(biztalk, SUB, deleter.requestId()).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(biztalk.get(SUB, "cloud", name)).isEmpty();
        assertThat(biztalk.findOperation(SUB, caller.requestId())).as("handles outlive the deployment").isPresent();
    }

    @Test
    void restartGoesThroughRestartingBackToActive() {
        BizTalkServices biztalk = provider(QUICK);
        String name = name();
        BizTalkCaller creator = caller(SUB);
        biztalk.create(creator, "cloud", name, body(name, "Developer", null));
        awaitEnd(biztalk, SUB, creator.requestId());
        String etag = biztalk.get(SUB, "cloud", name).orElseThrow().etag();
        BizTalkCaller restarter = caller(SUB);
        BizTalkOperation restart = biztalk.restart(restarter, "cloud", name);
        assertThat(restart.operation().kind()).isEqualTo("BizTalk/services/restart");
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().lastAction()).isEqualTo(BizTalkAction.RESTART);
        assertThat(awaitEnd(biztalk, SUB, restarter.requestId()).status()).isEqualTo(OperationStatus.SUCCEEDED);
        BizTalkService after = biztalk.get(SUB, "cloud", name).orElseThrow();
        assertThat(after.state()).isEqualTo(ServiceState.ACTIVE);
        assertThat(after.etag()).isNotEqualTo(etag);
    }

    @Test
    void aSecondActionWhileOneRunsIsRefusedAndAMissingDeploymentIsNotFound() {
        BizTalkServices biztalk = provider(ENDLESS);
        String name = name();
        biztalk.create(caller(SUB), "cloud", name, body(name, "Standard", null));
        for (Runnable busy : List.<Runnable>of(() -> biztalk.restart(caller(SUB), "cloud", name),
                () -> biztalk.delete(caller(SUB), "cloud", name),
                () -> biztalk.create(caller(SUB), "cloud", name, body(name, "Standard", null)))) {
            assertThatThrownBy(busy::run).isInstanceOfSatisfying(AzureException.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.code()).isEqualTo("ConflictError");
            });
        }
        assertThatThrownBy(() -> biztalk.create(caller(OTHER_SUB), "cloud", name, body(name, "Standard", null)))
                .isInstanceOfSatisfying(AzureException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("unique across Azure");
                });
        assertThatThrownBy(() -> biztalk.delete(caller(SUB), "cloud", "nosuchservice"))
                .isInstanceOfSatisfying(AzureException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(biztalk.findOperation(OTHER_SUB, "x")).isEmpty();
    }

    @Test
    void aRefusedCreateStoresNothing() {
        BizTalkServices biztalk = provider(QUICK);
        BizTalkCaller caller = caller(SUB);
        assertThatThrownBy(() -> biztalk.create(caller, "cloud", "shortn", body("shortn", "Gold", null)))
                .isInstanceOf(AzureException.class);
        assertThat(biztalk.findOperation(SUB, caller.requestId())).isEmpty();
        assertThat(biztalk.get(SUB, "cloud", "shortn")).isEmpty();
    }

    @Test
    void aRetriedCreateWithTheSameKeyIsTheSameOperationAndAnotherBodyIsAConflict() {
        BizTalkServices biztalk = provider(ENDLESS);
        String name = name();
        BizTalkCaller first = new BizTalkCaller(SUB, "tester", UUID.randomUUID().toString(), "key-1");
        BizTalkCaller retry = new BizTalkCaller(SUB, "tester", UUID.randomUUID().toString(), "key-1");
        BizTalkOperation a = biztalk.create(first, "cloud", name, body(name, "Basic", null));
        BizTalkOperation b = biztalk.create(retry, "cloud", name, body(name, "Basic", null));
        assertThat(b.operation().id()).isEqualTo(a.operation().id());
        assertThat(b.requestId()).as("the handle is the first request's id").isEqualTo(first.requestId());
        assertThat(biztalk.findOperation(SUB, retry.requestId())).isEmpty();
        BizTalkCaller other = new BizTalkCaller(SUB, "tester", UUID.randomUUID().toString(), "key-1");
        assertThatThrownBy(() -> biztalk.create(other, "cloud", name, body(name, "Premium", null)))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void aCanceledRestartLeavesTheDeploymentActive() {
        BizTalkServices biztalk = provider(new BizTalkTimings(Duration.ofMillis(300), Duration.ofHours(1),
                Duration.ofHours(1)));
        String name = name();
        BizTalkCaller creator = caller(SUB);
        biztalk.create(creator, "cloud", name, body(name, "Standard", null));
        awaitEnd(biztalk, SUB, creator.requestId());
        BizTalkCaller restarter = caller(SUB);
        BizTalkOperation restart = biztalk.restart(restarter, "cloud", name);
        engines.get(0).cancel(restart.operation().id());
        assertThat(awaitEnd(biztalk, SUB, restarter.requestId()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
    }

    @Test
    void aCanceledCreateRemovesTheDeployment() {
        BizTalkServices biztalk = provider(ENDLESS);
        String name = name();
        BizTalkCaller creator = caller(SUB);
        BizTalkOperation create = biztalk.create(creator, "cloud", name, body(name, "Standard", null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> biztalk.findOperation(SUB, creator.requestId())
                .map(o -> o.operation().status() == OperationStatus.IN_PROGRESS).orElse(false));
        engines.get(0).cancel(create.operation().id());
        assertThat(awaitEnd(biztalk, SUB, creator.requestId()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(biztalk.get(SUB, "cloud", name)).isEmpty();
    }

    @Test
    void aCreateCanceledBeforeAnyWorkerStartedItLeavesNoDeploymentBehind() {
        BizTalkServices biztalk = provider(QUICK, b -> b.runWorkers(false));
        Engine idle = engines.get(engines.size() - 1);
        String name = name();
        BizTalkCaller creator = caller(SUB);
        BizTalkOperation create = biztalk.create(creator, "cloud", name, body(name, "Standard", null));
        assertThat(idle.cancel(create.operation().id()).status()).isEqualTo(OperationStatus.CANCELED);
        assertThat(biztalk.get(SUB, "cloud", name)).as("the cancel's own transaction removed it").isEmpty();
        BizTalkCaller again = caller(SUB);
        assertThat(biztalk.create(again, "cloud", name, body(name, "Standard", null)).requestId())
                .as("the name is free again").isEqualTo(again.requestId());
    }

    @Test
    void anOperationWhoseEngineDiedIsFinishedByAnotherEngine() {
        BizTalkServices first = provider(new BizTalkTimings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), Duration.ofMillis(600));
        String name = name();
        BizTalkCaller caller = caller(SUB);
        first.create(caller, "cloud", name, body(name, "Standard", null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> first.findOperation(SUB, caller.requestId())
                .map(o -> o.operation().status() == OperationStatus.IN_PROGRESS).orElse(false));
        engines.remove(0).close();

        BizTalkServices second = provider(new BizTalkTimings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), Duration.ofMillis(600));
        Operation end = awaitEnd(second, SUB, caller.requestId());
        assertThat(end.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(end.attempt()).isGreaterThanOrEqualTo(2);
        assertThat(second.get(SUB, "cloud", name).orElseThrow().state()).isEqualTo(ServiceState.ACTIVE);
    }

    @Test
    void aHandleIsTheRequestIdTheEngineKeepsAndOutlivesAFailedRestartCheck() {
        BizTalkServices biztalk = provider(QUICK);
        String name = name();
        BizTalkCaller creator = caller(SUB);
        BizTalkOperation create = biztalk.create(creator, "cloud", name, body(name, "Free", null));
        assertThat(biztalk.findOperation(SUB, creator.requestId()).orElseThrow().edition()).isEqualTo(Edition.FREE);
        assertThat(biztalk.findOperation(SUB, "x".repeat(65))).isEmpty();
        Operation end = awaitEnd(biztalk, SUB, creator.requestId());
        assertThat(end.id()).isEqualTo(create.operation().id());
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().lastRequestId()).isEqualTo(creator.requestId());
        BizTalkCaller deleter = caller(SUB);
        biztalk.delete(deleter, "cloud", name);
        assertThat(biztalk.get(SUB, "cloud", name).orElseThrow().lastAction()).isEqualTo(BizTalkAction.DELETE);
        assertThat(awaitEnd(biztalk, SUB, deleter.requestId()).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(biztalk.findOperation(SUB, deleter.requestId()).orElseThrow().action())
                .isEqualTo(BizTalkAction.DELETE);
    }
}
