package io.asyncops.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.protocol.Json;
import io.asyncops.protocol.classic.ServiceManagementError;
import io.asyncops.protocol.classic.Xml;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.AuthConfig;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.classic.ClassicPlane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One regression test per finding of the attack run (issue 12): each request that answered a 5xx, or was accepted
 * when it should not be, now gets its specific 4xx, or is stored whole when it was within the limits.
 */
class HostileFindingsTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String ARM = "/subscriptions/" + SUB;
    static final String CLASSIC = "/" + SUB + "/cloudservices/findings/resources/biztalkservices/biztalk/";

    @TempDir
    static Path data;
    static AsyncOpsServer server;
    static TokenMinter minter;
    static String token;

    @BeforeAll
    static void start() {
        server = AsyncOpsServer.start(ServerConfig.builder().httpPort(0).dataDir(data).timeScale(0.02)
                .shutdownGrace(Duration.ofSeconds(1))
                .auth(AuthConfig.builder().maxTokenLifetime(Duration.ofDays(2)).build())
                .addPlane(new ArmPlane()).addPlane(new ClassicPlane(BizTalkTimings.DEFAULT)).build());
        minter = TokenMinter.forDataDir(data);
        token = minter.mint("findings", List.of(SUB), Duration.ofHours(1));
        RawHttp.Answer group = send(request("PUT", ARM + "/resourcegroups/findings?api-version=2025-04-01", token)
                .header("Content-Type", "application/json").body("{\"location\":\"westus\"}"));
        assertThat(group.status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Probe.Builder request(String method, String target, String bearer) {
        return new Probe.Builder("finding", method + " " + target).method(method).target(target).token(bearer)
                .header("x-ms-version", "2013-04-26");
    }

    private static RawHttp.Answer send(Probe.Builder b) {
        Probe p = b.build();
        return RawHttp.exchange(server.httpPort(), p.bytes(), p.halfClose(), p.head(), Duration.ofSeconds(20));
    }

    private static String armCode(RawHttp.Answer a) throws Exception {
        return Json.mapper().readTree(a.body()).at("/error/code").asText();
    }

    private static ServiceManagementError classicError(RawHttp.Answer a) {
        return Xml.read(a.body().getBytes(StandardCharsets.UTF_8), ServiceManagementError.class);
    }

    private static String xmlBody(String name, String tags) {
        return "<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name><Type>biztalk"
                + "</Type><Plan>Standard</Plan><SchemaVersion>1.0</SchemaVersion><IntrinsicSettings><Edition>Standard"
                + "</Edition><Region>West US</Region></IntrinsicSettings>" + tags + "</Resource>";
    }

    /**
     * Bytes the transport cannot parse in the request target (a malformed percent-escape in the path or the query, a
     * raw space) get the routing's specific code in the plane's format, not the transport's bare {@code BadRequest};
     * a fault elsewhere (a header name with a space) keeps the generic code. Raw socket: clients refuse to send these.
     */
    @Test
    void unparseableTargetsGetASpecificCodeOnBothPlanes() throws Exception {
        Map<String, String> arm = new LinkedHashMap<>();
        arm.put("/subscriptions/" + SUB + "/providers?%zz", "InvalidQueryParameterValue");
        arm.put(ARM + "/resourcegroups?api-version=2025-04-01&$top=%", "InvalidQueryParameterValue");
        arm.put(ARM + "/resourcegroups?api-version=%zz", "InvalidApiVersionParameter");
        arm.put(ARM + "/resourcegroups/%zz?api-version=2025-04-01", "InvalidUri");
        arm.put(ARM + "/resourcegroups/a%?api-version=2025-04-01", "InvalidUri");
        arm.put(ARM + "/operationStatuses?api-version=2021-11-01&$filter=status eq 'InProgress'", "InvalidUri");
        // the transport leaves the path to the routing's rules (validatePath off): what java.net.URI refuses, a
        // fragment and a relative target are the same specific 400
        arm.put(ARM + "/resourcegroups/a{b}?api-version=2025-04-01", "InvalidUri");
        arm.put(ARM + "/providers/Microsoft.Sql/locations/westus/operationStatuses/a|b?api-version=2021-11-01",
                "InvalidUri");
        arm.put(ARM + "/resourcegroups#top", "InvalidUri");
        arm.put(ARM.substring(1) + "/resourcegroups?api-version=2025-04-01", "InvalidUri");
        for (Map.Entry<String, String> e : arm.entrySet()) {
            RawHttp.Answer a = send(request("GET", e.getKey(), token));
            assertThat(a.status()).as(e.getKey()).isEqualTo(400);
            assertThat(a.header("Content-Type")).as(e.getKey()).startsWith("application/json");
            assertThat(a.header("x-ms-request-id")).as(e.getKey()).isNotBlank();
            assertThat(armCode(a)).as(e.getKey() + ": " + a.body()).isEqualTo(e.getValue());
        }
        Map<String, String> classic = new LinkedHashMap<>();
        classic.put("/" + SUB + "/operations/%zz", "InvalidUri");
        classic.put(CLASSIC + "findingsbt?%zz", "InvalidQueryParameterValue");
        for (Map.Entry<String, String> e : classic.entrySet()) {
            RawHttp.Answer a = send(request("GET", e.getKey(), token));
            assertThat(a.status()).as(e.getKey()).isEqualTo(400);
            assertThat(classicError(a).code()).as(e.getKey() + ": " + a.body()).isEqualTo(e.getValue());
        }
        RawHttp.Answer badHeader = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01", token)
                .rawHeader("Bad Header: x"));
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(armCode(badHeader)).isEqualTo("BadRequest");
    }

    @Test
    void classicControlCharactersAre400sInWellFormedXml() {
        for (String target : List.of("/" + SUB + "/operations/%01", "/" + SUB + "/cloudservices/cs%01/resources"
                + "/biztalkservices/biztalk/findingsbt", CLASSIC.replace("/biztalk/", "/~/biztalk/") + "findingsbt"
                + "?OperationStatus/a%0Bb")) {
            RawHttp.Answer a = send(request("GET", target, token));
            assertThat(a.status()).as(target).isEqualTo(400);
            assertThat(a.body()).as(target).doesNotContain("\u0001", "\u000b");
            assertThat(classicError(a).code()).as(target).isIn("InvalidUri", "InvalidQueryParameterValue");
        }
        RawHttp.Answer xml11 = send(request("PUT", CLASSIC + "findingsbt", token)
                .header("Content-Type", "application/xml")
                .body("<?xml version=\"1.1\"?>" + xmlBody("a&#1;b", "")));
        assertThat(xml11.status()).isEqualTo(400);
        assertThat(classicError(xml11).message()).contains("U+0001").doesNotContain("\u0001");
    }

    @Test
    void fiftyArmTagsWhoseEscapingPasses60000CharactersAreStored() throws Exception {
        RawHttp.Answer put = send(request("PUT", ARM + "/resourcegroups/escaped-tags?api-version=2025-04-01", token)
                .header("Content-Type", "application/json")
                .body("{\"location\":\"westus\",\"tags\":" + Inputs.escapedTags() + "}"));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        RawHttp.Answer get = send(request("GET", ARM + "/resourcegroups/escaped-tags?api-version=2025-04-01", token));
        JsonNode tags = Json.mapper().readTree(get.body()).path("tags");
        assertThat(tags.size()).isEqualTo(50);
        assertThat(tags.path("000" + "\u0001".repeat(509)).asText()).isEqualTo("\u0001".repeat(256));
    }

    @Test
    void fiftyClassicTagsOfTheLongestKeysAndValuesAreStored() {
        RawHttp.Answer put = send(request("PUT", CLASSIC + "longtags1", token).header("Content-Type", "application/xml")
                .body(xmlBody("longtags1", Inputs.classicTags(50, "k", "v"))));
        assertThat(put.status()).as(put.body()).isEqualTo(202);
        RawHttp.Answer get = send(request("GET", CLASSIC + "longtags1", token));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.body()).contains("<Key>049" + "k".repeat(509) + "</Key><Value>" + "v".repeat(256) + "</Value>");
    }

    @Test
    void anIdempotencyKeyPast200CharactersIsRefused() throws Exception {
        RawHttp.Answer a = send(request("PUT", ARM + "/resourceGroups/findings/providers/Microsoft.Sql/servers/"
                + "findings-key?api-version=2021-11-01", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(201)).body("{\"location\":\"westus\",\"properties\":{"
                        + "\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":\"Passw0rd!Passw0rd\"}}"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(armCode(a)).isEqualTo("InvalidIdempotencyKey");
    }

    @Test
    void aTokenSubjectPast500CharactersIsRefused() throws Exception {
        RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01",
                minter.mint("s".repeat(501), List.of(SUB), Duration.ofHours(1))));
        assertThat(a.status()).isEqualTo(401);
        assertThat(armCode(a)).isEqualTo("InvalidAuthenticationToken");
        RawHttp.Answer fits = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01",
                minter.mint("s".repeat(500), List.of(SUB), Duration.ofHours(1))));
        assertThat(fits.status()).isEqualTo(200);
    }

    @Test
    void aStarTokenWithA65CharacterSubscriptionIsRefused() throws Exception {
        String star = minter.mint("star", List.of("*"), Duration.ofHours(1));
        String sub = "a".repeat(65);
        RawHttp.Answer arm = send(request("PUT", "/subscriptions/" + sub + "/resourcegroups/rg?api-version=2025-04-01",
                star).header("Content-Type", "application/json").body("{\"location\":\"westus\"}"));
        assertThat(arm.status()).isEqualTo(400);
        assertThat(armCode(arm)).isEqualTo("InvalidSubscriptionId");
        RawHttp.Answer classic = send(request("PUT", "/" + sub + "/cloudservices/cs/resources/biztalkservices/biztalk/"
                + "subbt1", star).header("Content-Type", "application/xml").body(xmlBody("subbt1", "")));
        assertThat(classic.status()).isEqualTo(400);
        assertThat(classicError(classic).code()).isEqualTo("InvalidSubscriptionId");
    }

    @Test
    void aMalformedChunkedBodyIs400() throws Exception {
        RawHttp.Answer a = send(request("PUT", ARM + "/resourcegroups/chunky?api-version=2025-04-01", token)
                .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                .rawBody("zz\r\n{}\r\n0\r\n\r\n"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(armCode(a)).isEqualTo("InvalidChunkedEncoding");
    }

    @Test
    void aTokenRequestWithBrokenChunkingOrCutShortIsAnOAuth400() throws Exception {
        String form = "grant_type=client_credentials&client_id=x&client_secret=y";
        for (Probe.Builder b : List.of(
                request("POST", "/adfs/oauth2/token", null).header("Transfer-Encoding", "chunked")
                        .rawBody("zz\r\n" + form + "\r\n0\r\n\r\n"),
                request("POST", "/adfs/oauth2/token", null).header("Content-Length", "900").noContentLength()
                        .rawBody(form),
                request("POST", "/adfs/oauth2/token", null).header("Transfer-Encoding", "chunked")
                        .rawBody("5000\r\n" + "a".repeat(0x5000) + "\r\n0\r\n\r\n"))) {
            RawHttp.Answer a = send(b.header("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(Json.mapper().readTree(a.body()).path("error").asText()).as(a.body()).isEqualTo("invalid_request");
        }
    }

    @Test
    void badJsonIsRefusedInOurOwnWords() throws Exception {
        for (String body : List.of("[".repeat(5000) + "]".repeat(5000), "{\"location\":\"westus\"}garbage",
                "{\"location\":\"westus\"}{\"location\":\"westus\"}", "{\"location\":" + "9".repeat(5000) + "}")) {
            RawHttp.Answer a = send(request("PUT", ARM + "/resourcegroups/json?api-version=2025-04-01", token)
                    .header("Content-Type", "application/json").body(body));
            assertThat(a.status()).isEqualTo(400);
            assertThat(armCode(a)).isEqualTo("InvalidRequestContent");
            assertThat(a.body()).doesNotContain("StreamReadConstraints", "Jackson", "com.fasterxml", "token 'null'");
        }
    }

    @Test
    void aControlCharacterAfterTheApiVersionIsRefused() throws Exception {
        RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups?api-version=2021-11-01%00", token));
        assertThat(a.status()).isEqualTo(400);
        assertThat(armCode(a)).isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void anEncodedSlashInANameIsRefusedNotRerouted() throws Exception {
        RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups/findings%2Fproviders?api-version=2025-04-01",
                token));
        assertThat(a.status()).isEqualTo(400);
        assertThat(armCode(a)).isEqualTo("InvalidResourceName");
    }

    @Test
    void http10GetsA505WithTheRightCodeAndTheIds() throws Exception {
        RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01", token)
                .version("HTTP/1.0").header("x-ms-correlation-request-id", "corr-10"));
        assertThat(a.status()).isEqualTo(505);
        assertThat(armCode(a)).isEqualTo("HttpVersionNotSupported");
        assertThat(a.header("x-ms-request-id")).isNotBlank();
        assertThat(a.header("x-ms-correlation-request-id")).isNotBlank();
    }

    @Test
    void transportErrorsCarryTheCorrelationId() {
        RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01", token)
                .header("x-ms-correlation-request-id", "corr-transport").rawHeader("Bad Header Name: x"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("x-ms-correlation-request-id")).isNotBlank();
        assertThat(a.header("x-ms-request-id")).isNotBlank();
    }

    @Test
    void tokensLivingPastTheCapAreRefused() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("long-lived").issuer(TokenMinter.DEV_ISSUER)
                .audience(TokenMinter.DEV_ISSUER).claim("subscriptions", List.of(SUB)).issueTime(Date.from(now));
        String year9999 = minter.sign(claims.expirationTime(Date.from(Instant.parse("9999-12-31T00:00:00Z"))).build());
        String threeDays = minter.sign(claims.expirationTime(Date.from(now.plus(Duration.ofDays(3)))).build());
        String oneDay = minter.sign(claims.expirationTime(Date.from(now.plus(Duration.ofDays(1)))).build());
        for (String refused : List.of(year9999, threeDays)) {
            RawHttp.Answer a = send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01", refused));
            assertThat(a.status()).isEqualTo(401);
            assertThat(Json.mapper().readTree(a.body()).at("/error/message").asText()).contains("lifetime");
        }
        assertThat(send(request("GET", ARM + "/resourcegroups?api-version=2025-04-01", oneDay)).status())
                .isEqualTo(200);
    }
}
