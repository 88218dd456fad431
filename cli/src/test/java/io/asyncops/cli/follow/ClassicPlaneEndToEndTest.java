package io.asyncops.cli.follow;

import static io.asyncops.cli.follow.ServedPlanes.OTHER_SUB;
import static io.asyncops.cli.follow.ServedPlanes.SUB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.asyncops.client.ClassicPolling;
import io.asyncops.client.HttpErrorException;
import io.asyncops.client.LroClient;
import io.asyncops.client.LroRequest;
import io.asyncops.client.LroResult;
import io.asyncops.client.OperationFailedException;
import io.asyncops.client.SyncPoller;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementOperation;
import io.asyncops.protocol.classic.Xml;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client library against asyncops' own server running the real classic plane (BizTalk Services, PROTOCOL §3) at
 * time scale 0.01 (a create takes 1.2 s): operations started with XML answer 202 with no URL, and the client polls them
 * by their {@code x-ms-request-id}, at BizTalk's {@code ?OperationStatus/{id}} or Service Management's
 * {@code /{subscription}/operations/{id}}, to Succeeded or to a typed failure carrying the XML error's code.
 */
class ClassicPlaneEndToEndTest {
    static final String VERSION = "2013-04-26";
    static final String CLOUD_SERVICE = "cs-e2e";

    @TempDir
    static Path dataDir;
    static ServedPlanes planes;
    static LroClient client;

    @BeforeAll
    static void start() {
        planes = ServedPlanes.start(dataDir, 0.01);
        client = planes.client();
    }

    @AfterAll
    static void stop() {
        if (planes != null) {
            planes.close();
        }
    }

    /** A deployment name: 6 to 20 letters and digits, globally unique. */
    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20 - prefix.length());
    }

    static String resourcePath(String sub, String name) {
        return "/" + sub + "/cloudservices/" + CLOUD_SERVICE + "/resources/biztalkservices/biztalk/" + name;
    }

    static URI resource(String name) {
        return planes.http(resourcePath(SUB, name));
    }

    static String body(String name, String edition, String fault) {
        return "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name>"
                + "<Type>biztalk</Type><Plan>" + edition + "</Plan><SchemaVersion>1.0</SchemaVersion>"
                + "<IntrinsicSettings><Edition>" + edition + "</Edition><Region>West US</Region></IntrinsicSettings>"
                + (fault == null ? "" : "<Tags><Tag><Key>asyncops-fault</Key><Value>" + fault + "</Value></Tag></Tags>")
                + "</Resource>";
    }

    static LroRequest create(String name, String edition, String fault) {
        return LroRequest.of("PUT", resource(name)).withBody(body(name, edition, fault), "application/xml")
                .withHeader("x-ms-version", VERSION);
    }

    static LroRequest action(String method, URI uri) {
        return LroRequest.of(method, uri).withHeader("x-ms-version", VERSION);
    }

    /** Starts an operation with plain HTTP; returns its handle, the 202's {@code x-ms-request-id}. */
    static String started(String method, URI uri, String xml) {
        return started(planes, method, uri, xml);
    }

    static String started(ServedPlanes planes, String method, URI uri, String xml) {
        HttpResponse<String> r = planes.send(method, uri, xml, xml == null ? Map.of("x-ms-version", VERSION)
                : Map.of("x-ms-version", VERSION, "Content-Type", "application/xml"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("x-ms-request-id").orElseThrow();
    }

    static <T> T xml(String body, Class<T> type) {
        return Xml.read(body.getBytes(StandardCharsets.UTF_8), type);
    }

    static HttpResponse<String> get(URI uri) {
        return planes.send("GET", uri, null, Map.of("x-ms-version", VERSION));
    }

    @Test
    void aCreateIsPolledByItsRequestIdUntilItSucceeds() {
        String name = unique("bt");
        SyncPoller poller = client.begin(create(name, "Standard", null));
        assertThat(poller.latest().httpStatus()).isEqualTo(202);
        URI polling = poller.latest().pollingUrl();
        assertThat(polling.getPath()).isEqualTo("/" + SUB + "/cloudservices/" + CLOUD_SERVICE
                + "/resources/biztalkservices/~/biztalk/" + name);
        assertThat(polling.getQuery()).matches("OperationStatus/[0-9a-f-]{36}");
        String handle = polling.getQuery().substring("OperationStatus/".length());

        LroResult result = poller.waitForCompletion();

        assertThat(result.httpStatus()).as("the seed: polls answer 202 whatever the state").isEqualTo(202);
        assertThat(result.url()).isEqualTo(polling);
        assertThat(xml(result.body(), ClassicOperationStatus.class)).isEqualTo(new ClassicOperationStatus("Succeeded", null));
        HttpResponse<String> op = get(planes.http("/" + SUB + "/operations/" + handle));
        assertThat(xml(op.body(), ServiceManagementOperation.class).status()).as("the handle is the operation's id")
                .isEqualTo("Succeeded");
        BizTalkResource deployed = xml(get(resource(name)).body(), BizTalkResource.class);
        assertThat(deployed.state()).isEqualTo("Active");
        assertThat(deployed.plan()).isEqualTo("Standard");
        assertThat(deployed.operationStatus().result()).isEqualTo("Succeeded");
    }

    @Test
    void theFaultTagEndsTheCreateFailedWithTheExtendedCode() {
        String name = unique("bad");

        assertThatThrownBy(() -> client.begin(create(name, "Basic", "SomeErrorCode")).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("Failed");
                    assertThat(e.error()).hasValueSatisfying(err -> {
                        assertThat(err.code()).isEqualTo("SomeErrorCode");
                        assertThat(err.message()).contains(name);
                    });
                    assertThat(e.url().getQuery()).startsWith("OperationStatus/");
                    assertThat(xml(e.body(), ClassicOperationStatus.class).error().httpCode()).isEqualTo(400);
                });
        assertThat(xml(get(resource(name)).body(), BizTalkResource.class).state()).isEqualTo("Failed");
    }

    @Test
    void restartAndDeleteAreFollowedTheSameWayAndTheDeletedServiceIsGone() {
        String name = unique("life");
        client.begin(create(name, "Premium", null)).waitForCompletion();
        URI restart = planes.http("/" + SUB + "/cloudservices/" + CLOUD_SERVICE + "/resources/biztalkservices/~/biztalk/"
                + name + "?comp=restart");

        LroResult restarted = client.begin(action("POST", restart)).waitForCompletion();
        assertThat(xml(restarted.body(), ClassicOperationStatus.class).result()).isEqualTo("Succeeded");
        LroResult deleted = client.begin(action("DELETE", resource(name))).waitForCompletion();
        assertThat(xml(deleted.body(), ClassicOperationStatus.class).result()).isEqualTo("Succeeded");

        assertThatThrownBy(() -> client.begin(action("GET", resource(name))))
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("ResourceNotFound"));
                });
    }

    @Test
    void getOperationStatusPollsTheFreeEditionWhereBizTalkPollingIsNotSupported() {
        String refused = unique("free");
        assertThatThrownBy(() -> client.begin(create(refused, "Free", null)).waitForCompletion())
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.url().getQuery()).startsWith("OperationStatus/");
                    assertThat(e.error()).hasValueSatisfying(err -> {
                        assertThat(err.code()).isEqualTo("OperationNotSupportedOnFreeEdition");
                        assertThat(err.message()).contains("not supported");
                    });
                });

        String name = unique("free");
        LroResult created = client.begin(create(name, "Free", null)
                .withClassicPolling(ClassicPolling.SERVICE_MANAGEMENT_OPERATIONS)).waitForCompletion();

        assertThat(created.url().getPath()).matches("/" + SUB + "/operations/[0-9a-f-]{36}");
        assertThat(created.httpStatus()).isEqualTo(200);
        assertThat(xml(created.body(), ServiceManagementOperation.class).status()).isEqualTo("Succeeded");
        assertThat(xml(get(resource(name)).body(), BizTalkResource.class).state()).isEqualTo("Active");
    }

    @Test
    void getOperationStatusCarriesTheErrorCodeOfAFailure() {
        String name = unique("smfail");
        assertThatThrownBy(() -> client.begin(create(name, "Developer", "QuotaExceeded")
                .withClassicPolling(ClassicPolling.SERVICE_MANAGEMENT_OPERATIONS)).waitForCompletion())
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.url().getPath()).startsWith("/" + SUB + "/operations/");
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("QuotaExceeded"));
                    assertThat(xml(e.body(), ServiceManagementOperation.class).httpStatusCode()).isEqualTo(400);
                });
    }

    @Test
    void followAttachesToOperationsStartedElsewhereByEitherStatusUrl() {
        String name = unique("seen");
        String handle = started("PUT", resource(name), body(name, "Standard", null));
        // the seed's own example URL, without "~/"
        URI seedForm = planes.http(resourcePath(SUB, name) + "?OperationStatus/" + handle);

        LroResult created = client.follow(seedForm).waitForCompletion();
        assertThat(xml(created.body(), ClassicOperationStatus.class).result()).isEqualTo("Succeeded");

        String deleteHandle = started("DELETE", resource(name), null);
        LroResult deleted = client.follow(planes.http("/" + SUB + "/operations/" + deleteHandle)).waitForCompletion();
        assertThat(xml(deleted.body(), ServiceManagementOperation.class).id()).isEqualTo(deleteHandle);
        assertThat(xml(deleted.body(), ServiceManagementOperation.class).status()).isEqualTo("Succeeded");
    }

    @Test
    void aResumeTokenFinishesAClassicOperationInAnotherClient() {
        String name = unique("resume");
        String token = client.begin(create(name, "Basic", null)).resumeToken();

        LroResult result = planes.client().resume(token).waitForCompletion();

        assertThat(result.url().getQuery()).startsWith("OperationStatus/");
        assertThat(xml(result.body(), ClassicOperationStatus.class).result()).isEqualTo("Succeeded");
    }

    @Test
    void aSecondCreateOfATakenNameIsAConflict() {
        String name = unique("taken");
        SyncPoller first = client.begin(create(name, "Standard", null));
        assertThatThrownBy(() -> client.begin(create(name, "Basic", null))).as("while the first create runs")
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.error()).hasValueSatisfying(err ->
                            assertThat(err.code()).isIn("AnotherOperationInProgress", "ConflictError"));
                });
        first.waitForCompletion();

        assertThatThrownBy(() -> client.begin(create(name, "Basic", null))).as("once it exists")
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.error()).hasValueSatisfying(err -> {
                        assertThat(err.code()).isEqualTo("ConflictError");
                        assertThat(err.message()).contains("already exists");
                    });
                });
    }

    @Test
    void anotherSubscriptionSeesNothing() {
        LroClient stranger = planes.client(planes.strangerToken());
        String mine = unique("mine");
        String handle = started("PUT", resource(mine), body(mine, "Standard", null));

        assertThatThrownBy(() -> stranger.begin(create(unique("intr"), "Basic", null)))
                .as("starting under a subscription the token does not grant")
                .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.error()).hasValueSatisfying(err -> assertThat(err.code()).isEqualTo("ResourceNotFound"));
                });
        for (String path : new String[] {
                "/" + SUB + "/cloudservices/" + CLOUD_SERVICE + "/resources/biztalkservices/~/biztalk/" + mine
                        + "?OperationStatus/" + handle,
                "/" + SUB + "/operations/" + handle,
                "/" + OTHER_SUB + "/operations/" + handle,
                resourcePath(OTHER_SUB, mine) + "?OperationStatus/" + handle}) {
            assertThatThrownBy(() -> stranger.follow(planes.http(path)).waitForCompletion()).as(path)
                    .isInstanceOfSatisfying(HttpErrorException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.error()).hasValueSatisfying(err ->
                                assertThat(err.code()).isEqualTo("ResourceNotFound"));
                    });
        }
        assertThat(xml(client.follow(planes.http("/" + SUB + "/operations/" + handle)).waitForCompletion().body(),
                ServiceManagementOperation.class).status()).isEqualTo("Succeeded");
    }
}
