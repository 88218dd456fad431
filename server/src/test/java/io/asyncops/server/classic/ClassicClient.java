package io.asyncops.server.classic;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.protocol.classic.BizTalkResource;
import io.asyncops.protocol.classic.ClassicOperationStatus;
import io.asyncops.protocol.classic.ServiceManagementError;
import io.asyncops.protocol.classic.ServiceManagementOperation;
import io.asyncops.protocol.classic.Xml;
import io.asyncops.server.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * A real server with the classic plane, and the requests of the BizTalk Services API as its documents write them:
 * {@code x-ms-version: 2013-04-26}, {@code Content-Type: application/xml; charset=utf-8}.
 */
final class ClassicClient implements AutoCloseable {
    static final String VERSION = "2013-04-26";
    static final String XML = "application/xml; charset=utf-8";
    static final String SUB = TestServer.SUB;
    static final String OTHER_SUB = TestServer.OTHER_SUB;

    private final TestServer server;

    private ClassicClient(TestServer server) {
        this.server = server;
    }

    /** A server where provisioning takes {@code timings} times {@code timeScale}. */
    static ClassicClient start(Path dataDir, BizTalkTimings timings, double timeScale) {
        return new ClassicClient(TestServer.start(dataDir, b -> b.timeScale(timeScale)
                .addPlane(new ClassicPlane(timings))));
    }

    /** Create 1.2 s, restart 0.3 s, delete 0.45 s. */
    static ClassicClient fast(Path dataDir) {
        return start(dataDir, BizTalkTimings.DEFAULT, 0.01);
    }

    /** Create 2 h: every operation stays InProgress while a test looks at it. */
    static ClassicClient slow(Path dataDir) {
        return start(dataDir, new BizTalkTimings(Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2)), 1);
    }

    TestServer server() {
        return server;
    }

    static String base(String sub, String cloudService) {
        return "/" + sub + "/cloudservices/" + cloudService + "/resources/biztalkservices";
    }

    static String resource(String sub, String cloudService, String name) {
        return base(sub, cloudService) + "/biztalk/" + name;
    }

    /** The seed's poll URL, with {@code ~/}. */
    static String poll(String sub, String cloudService, String name, String requestId) {
        return base(sub, cloudService) + "/~/biztalk/" + name + "?OperationStatus/" + requestId;
    }

    static String body(String name, String edition, String fault) {
        return "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name>"
                + "<Type>biztalk</Type><Plan>" + edition + "</Plan><SchemaVersion>1.0</SchemaVersion>"
                + "<IntrinsicSettings><Edition>" + edition + "</Edition><Region>West US</Region></IntrinsicSettings>"
                + (fault == null ? "" : "<Tags><Tag><Key>asyncops-fault</Key><Value>" + fault + "</Value></Tag></Tags>")
                + "</Resource>";
    }

    /** A request with the default token and {@code x-ms-version}. */
    HttpRequest.Builder request(String pathAndQuery) {
        return server.request(server.http(pathAndQuery)).header("x-ms-version", VERSION);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return server.send(request);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).header("Content-Type", XML).GET());
    }

    HttpResponse<String> put(String pathAndQuery, String xml) {
        return send(request(pathAndQuery).header("Content-Type", XML).PUT(HttpRequest.BodyPublishers.ofString(xml)));
    }

    /** Creates {@code name} in {@code cloudService} of {@link #SUB}; asserts the 202 and returns its handle. */
    String create(String cloudService, String name, String edition, String fault) {
        HttpResponse<String> r = put(resource(SUB, cloudService, name), body(name, edition, fault));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        return r.headers().firstValue("x-ms-request-id").orElseThrow();
    }

    /** Polls until the operation is no longer InProgress; returns the last answer's document. */
    ClassicOperationStatus awaitEnd(String cloudService, String name, String requestId) {
        AtomicReference<ClassicOperationStatus> last = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            HttpResponse<String> r = get(poll(SUB, cloudService, name, requestId));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            last.set(status(r));
            return !last.get().result().equals("InProgress");
        });
        return last.get();
    }

    static ClassicOperationStatus status(HttpResponse<String> r) {
        return Xml.read(r.body().getBytes(StandardCharsets.UTF_8), ClassicOperationStatus.class);
    }

    static ServiceManagementOperation operation(HttpResponse<String> r) {
        return Xml.read(r.body().getBytes(StandardCharsets.UTF_8), ServiceManagementOperation.class);
    }

    static BizTalkResource resource(HttpResponse<String> r) {
        return Xml.read(r.body().getBytes(StandardCharsets.UTF_8), BizTalkResource.class);
    }

    /** Asserts a classic XML error with {@code status} and {@code code}; returns it. */
    static ServiceManagementError error(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/xml"));
        assertThat(r.body()).startsWith("<Error xmlns=\"http://schemas.microsoft.com/windowsazure\">")
                .doesNotContain("Exception").doesNotContain("\tat ");
        ServiceManagementError e = Xml.read(r.body().getBytes(StandardCharsets.UTF_8), ServiceManagementError.class);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.message()).isNotBlank();
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        return e;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 20 - prefix.length());
    }

    @Override
    public void close() {
        server.close();
    }
}
