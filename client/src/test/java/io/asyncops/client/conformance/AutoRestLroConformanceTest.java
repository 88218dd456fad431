package io.asyncops.client.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncops.client.Backoff;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroException;
import io.asyncops.client.LroRequest;
import io.asyncops.client.LroResult;
import io.asyncops.client.OperationEndedException;
import io.asyncops.client.PollSnapshot;
import io.asyncops.client.PollerOptions;
import io.asyncops.client.SyncPoller;
import io.asyncops.protocol.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every LRO scenario of the AutoRest test server (the conformance suite Azure's code generators use) through
 * both pollers, each with an explicit expected outcome. Polls every millisecond: the server sends
 * {@code Retry-After: 0} or nothing.
 */
class AutoRestLroConformanceTest {
    private static AutoRestTestServer server;
    private static LroClient client;

    enum Driver { SYNC, ASYNC }

    @BeforeAll
    static void startServer() throws IOException {
        AutoRestTestServer.unavailableReason().ifPresent(reason -> {
            System.out.println("Skipping the AutoRest LRO conformance suite: " + reason);
            Assumptions.abort(reason);
        });
        server = AutoRestTestServer.start();
        client = LroClient.create(options());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static PollerOptions options() {
        return PollerOptions.custom()
                .defaultPollInterval(Duration.ofMillis(1))
                .backoff(Backoff.fixed(Duration.ofMillis(1)))
                .maxRetries(3)
                .timeout(Duration.ofSeconds(30))
                .header("x-ms-client-request-id", LroScenarios.CLIENT_REQUEST_ID)
                .build();
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (Scenario s : Stream.concat(LroScenarios.LRO_JSON.stream(), LroScenarios.OTHERS.stream()).toList()) {
            for (Driver d : Driver.values()) {
                all.add(Arguments.of(s, d));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("scenarios")
    void scenario(Scenario scenario, Driver driver) throws Exception {
        LroRequest request = request(scenario);
        Object outcome = run(client, request, driver);
        switch (scenario.expect()) {
            case Scenario.Succeeds ok -> {
                if (!(outcome instanceof LroResult result)) {
                    throw new AssertionError(scenario + " should succeed but ended with " + outcome, (Throwable) outcome);
                }
                assertThat(result.httpStatus()).as("HTTP status of the result").isEqualTo(ok.httpStatus());
                if (ok.json() == null) {
                    assertThat(result.body()).as("result body").isEmpty();
                } else {
                    JsonNode expected = Json.mapper().readTree(ok.json().replace("{base}", server.baseUri().toString()));
                    assertThat(result.json()).as("result body").isEqualTo(expected);
                }
            }
            case Scenario.Fails bad -> {
                assertThat(outcome).as(scenario + " outcome").isInstanceOf(bad.type());
                LroException e = (LroException) outcome;
                assertThat(e.getMessage()).contains(bad.detail());
                if (bad.httpStatus() != 0) {
                    assertThat(((HttpErrorException) e).httpStatus()).isEqualTo(bad.httpStatus());
                }
                if (e instanceof OperationEndedException ended) {
                    assertThat(ended.status()).isEqualToIgnoringCase(
                            bad.type().getSimpleName().contains("Failed") ? "Failed" : "Canceled");
                }
            }
        }
    }

    @Test
    void coversEveryLroOperationTheTestServerDescribes() throws IOException {
        Path swagger = server.installDir().resolve("node_modules/@microsoft.azure/autorest.testserver/swagger");
        Set<String> described = new TreeSet<>();
        for (String file : List.of("lro.json", "lro-parameterized-endpoints.json", "paging.json")) {
            JsonNode paths = Json.mapper().readTree(Files.readString(swagger.resolve(file)).replace("\uFEFF", ""))
                    .path("paths");
            for (Iterator<JsonNode> ops = paths.elements(); ops.hasNext(); ) {
                JsonNode methods = ops.next();
                methods.properties().forEach(e -> {
                    if (e.getValue().path("x-ms-long-running-operation").asBoolean(false)) {
                        described.add(e.getValue().path("operationId").asText());
                    }
                });
            }
        }
        Set<String> covered = new TreeSet<>();
        LroScenarios.LRO_JSON.forEach(s -> covered.add(s.operationId()));
        LroScenarios.OTHERS.forEach(s -> covered.add(s.operationId()));
        assertThat(LroScenarios.LRO_JSON).hasSize(81);
        assertThat(covered).isEqualTo(described);
    }

    @Test
    void customHeaderRoutesRefuseAPollerThatDoesNotSendTheHeader() {
        LroClient withoutHeader = LroClient.create(options().toBuilder().build());
        LroClient bare = LroClient.create(PollerOptions.custom().defaultPollInterval(Duration.ofMillis(1))
                .timeout(Duration.ofSeconds(30)).build());
        LroRequest request = LroRequest.put(server.url("/lro/customheader/putasync/retry/succeeded"), "{}");
        assertThat(withoutHeader.begin(request).waitForCompletion().json()).isEqualTo(json(LroScenarios.PRODUCT));
        assertThatThrownBy(() -> bare.begin(request))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void aResumeTokenCarriesAMultiStepOperationToAnotherClient() {
        // The scenario's state lives in a cookie set by the first poll: the token must carry it.
        SyncPoller first = client.begin(LroRequest.put(server.url("/lro/putasync/retry/succeeded"), "{}"));
        PollSnapshot afterOnePoll = first.poll();
        assertThat(afterOnePoll.done()).isFalse();
        assertThat(afterOnePoll.status()).isEqualTo("Accepted");
        String token = first.resumeToken();

        LroClient elsewhere = LroClient.create(options());
        LroResult result = elsewhere.resume(token).waitForCompletion();
        assertThat(result.json()).isEqualTo(json(LroScenarios.PRODUCT));
        assertThat(result.polls()).isEqualTo(2);
    }

    @Test
    void withoutACookieJarTheMultiStepScenariosNeverEnd() {
        // Proof that the per-poller jar is what makes them pass: a jar that forgets everything polls until timeout.
        LroClient forgetful = LroClient.create(options().toBuilder().timeout(Duration.ofMillis(500))
                .cookieJar(() -> new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_NONE)).build());
        assertThatThrownBy(() -> forgetful.begin(LroRequest.put(server.url("/lro/putasync/retry/succeeded"), "{}"))
                .waitForCompletion())
                .isInstanceOf(io.asyncops.client.OperationTimeoutException.class);
    }

    private static LroRequest request(Scenario s) {
        LroRequest r = LroRequest.of(s.method(), server.url(s.path()));
        if (!s.method().equals("DELETE")) {
            r = r.withBody("{}", "application/json");
        }
        return s.via() == null ? r : r.withFinalStateVia(s.via());
    }

    /** The result, or the exception the poller ended with. */
    static Object run(LroClient client, LroRequest request, Driver driver) throws InterruptedException {
        try {
            if (driver == Driver.SYNC) {
                return client.begin(request).waitForCompletion();
            }
            return client.beginAsync(request).thenCompose(p -> p.untilDone()).get(60, TimeUnit.SECONDS);
        } catch (LroException e) {
            return e;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (java.util.concurrent.TimeoutException e) {
            return fail("the async poller did not finish within 60 s");
        }
    }

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
