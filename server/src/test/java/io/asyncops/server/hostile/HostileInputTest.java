package io.asyncops.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.asyncops.emulator.biztalk.BizTalkTimings;
import io.asyncops.protocol.Json;
import io.asyncops.server.AsyncOpsServer;
import io.asyncops.server.ServerConfig;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.auth.TokenMinter;
import io.asyncops.server.identity.NewServicePrincipal;
import io.asyncops.server.classic.ClassicPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: over a thousand generated hostile requests (seeded, so every run sends the same bytes)
 * against one real server with both planes, over raw sockets. Rules: no answer is a 5xx, no request hangs, and no
 * body names our internals (class names, SQL, library names) unless the request itself carried the word. The one
 * 5xx allowed is {@code 505 HttpVersionNotSupported} for a request in another HTTP version than 1.1.
 *
 * <p>The seed is {@code -Dhostile.seed=N} (default 12), the printed table is what issue notes quote.
 */
class HostileInputTest {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final Path REPORT = Path.of("target", "hostile-report.txt");
    /** A small spec of our own ({@code Contoso.Widgets}), shared with the spec loader's tests. */
    private static final Path WIDGETS_SPEC = Path.of("..", "emulator", "src", "test", "resources", "openapi",
            "specification", "widgets");
    /** Words that betray internals: class and package names, SQL, libraries. */
    private static final Pattern INTERNAL = Pattern.compile("exception|java\\.|javax\\.|io\\.asyncops|helidon|jackson"
            + "|fasterxml|nimbus|hikari|org\\.h2|postgres|sqlstate|jdbc|select |insert into|asyncops_operation|emu_"
            + "|streamreadconstraints|caffeine|micrometer|flyway|\\bat [a-z]+\\.[a-z]+\\.|\\.java:\\d+",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path data;
    static AsyncOpsServer server;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        server = AsyncOpsServer.start(ServerConfig.builder()
                .httpPort(0)
                .dataDir(data)
                .timeScale(0.02)
                .shutdownGrace(Duration.ofSeconds(1))
                .addPlane(new ArmPlane())
                .addPlane(new ClassicPlane(BizTalkTimings.DEFAULT))
                .addSpec(WIDGETS_SPEC)
                .build());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noHostileRequestGetsA5xxAHangOrOurInternals() throws Exception {
        HostileRequests.Target target = prepare();
        long seed = Long.getLong("hostile.seed", 12);
        List<Probe> probes = new HostileRequests(seed, target).all();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(1000);

        long start = System.nanoTime();
        List<RawHttp.Answer> answers = sendAll(probes);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> histogram = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        List<String> fiveXx = new ArrayList<>();
        List<String> hangs = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            RawHttp.Answer a = answers.get(i);
            families.merge(p.family(), 1, Integer::sum);
            String key = switch (a.outcome()) {
                case ANSWERED -> Integer.toString(a.status());
                case CLOSED_WITHOUT_ANSWER -> "closed";
                case HUNG -> "hung";
            };
            histogram.merge(key, 1, Integer::sum);
            String what = p.family() + " / " + p.abuse() + ": " + p.firstLine();
            if (a.outcome() == RawHttp.Outcome.HUNG) {
                hangs.add(what);
            }
            if (a.status() >= 500 && !(a.status() == 505 && !p.firstLine().endsWith("HTTP/1.1?"))) {
                // a 505 is the prescribed answer to another HTTP version, not a server error
                fiveXx.add(a.status() + " " + what + " -> " + shorten(a.body()));
            }
            String leak = leak(p, a);
            if (leak != null) {
                leaks.add(what + " -> '" + leak + "' in " + shorten(a.body()));
            }
        }
        System.out.printf(Locale.ROOT, "hostile suite (seed %d): %d requests in %.1f s; by family %s;"
                + " statuses %s; 5xx %d; hangs %d; internal names %d%n", seed, probes.size(), millis / 1000.0,
                families, histogram, fiveXx.size(), hangs.size(), leaks.size());
        report(probes, answers, fiveXx, hangs, leaks);

        assertThat(first(fiveXx)).as("answers with a 5xx (%d; all in %s)", fiveXx.size(), REPORT).isEmpty();
        assertThat(first(hangs)).as("requests without an answer within %s", HANG).isEmpty();
        assertThat(first(leaks)).as("bodies naming internals (%d)", leaks.size()).isEmpty();
        assertThat(get("/health/ready").statusCode()).as("the server is still ready").isEqualTo(200);
    }

    private static List<String> first(List<String> all) {
        return all.subList(0, Math.min(all.size(), 15));
    }

    /** Every probe and its answer, for reading after a failure. */
    private static void report(List<Probe> probes, List<RawHttp.Answer> answers, List<String> fiveXx,
                               List<String> hangs, List<String> leaks) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        fiveXx.forEach(f -> sb.append("5xx: ").append(f).append('\n'));
        hangs.forEach(h -> sb.append("hang: ").append(h).append('\n'));
        leaks.forEach(l -> sb.append("leak: ").append(l).append('\n'));
        for (int i = 0; i < probes.size(); i++) {
            RawHttp.Answer a = answers.get(i);
            sb.append(a.outcome() == RawHttp.Outcome.ANSWERED ? Integer.toString(a.status()) : a.outcome().name())
                    .append(' ').append(a.millis()).append("ms ").append(probes.get(i).family()).append(" / ")
                    .append(probes.get(i).abuse()).append(": ").append(probes.get(i).firstLine()).append(" -> ")
                    .append(shorten(a.body())).append('\n');
        }
        java.nio.file.Files.createDirectories(REPORT.getParent());
        java.nio.file.Files.writeString(REPORT, sb);
    }

    /** Sends the probes four at a time; answers in the probes' order. */
    private static List<RawHttp.Answer> sendAll(List<Probe> probes) throws Exception {
        int port = server.httpPort();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<RawHttp.Answer>> futures = new ArrayList<>();
            for (Probe p : probes) {
                futures.add(pool.submit(() -> RawHttp.exchange(port, p.bytes(), p.halfClose(), p.head(), p.stream(),
                        HANG)));
            }
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (Future<RawHttp.Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        }
    }

    /** The internal word a body shows that the request did not carry, or null. */
    private static String leak(Probe p, RawHttp.Answer a) {
        String type = a.header("Content-Type");
        if (a.outcome() != RawHttp.Outcome.ANSWERED || (a.status() == 200 && type != null
                && (type.startsWith("text/plain; version=0.0.4") || servedFile(p, type)))) {
            return null;
        }
        String request = new String(p.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        Matcher m = INTERNAL.matcher(a.body());
        while (m.find()) {
            if (!request.contains(m.group().toLowerCase(Locale.ROOT))) {
                return m.group();
            }
        }
        return null;
    }

    /**
     * Whether the answer is one of the console's or API viewer's own files (their HTML, CSS and scripts say
     * {@code select}; they are our text, not an error telling internals).
     */
    private static boolean servedFile(Probe p, String type) {
        String[] line = p.firstLine().split(" ", 3);
        String target = line.length > 1 ? line[1] : "";
        return (target.startsWith("/console") || target.startsWith("//console") || target.startsWith("/docs"))
                && (type.startsWith("text/html") || type.startsWith("text/css") || type.startsWith("text/javascript"));
    }

    private static String shorten(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    // ---------------------------------------------------------------- the live state the probes aim at

    private static HostileRequests.Target prepare() throws Exception {
        TokenMinter minter = TokenMinter.forDataDir(data);
        String token = minter.mint("hostile", List.of(SUB), Duration.ofHours(1));
        String arm = "/subscriptions/" + SUB;
        call("PUT", arm + "/resourcegroups/hostile-rg?api-version=2025-04-01", token, "{\"location\":\"westus\"}", 201);
        HttpResponse<String> created = call("PUT", arm + "/resourceGroups/hostile-rg/providers/Microsoft.Sql/servers/"
                + "hostile-sql?api-version=2021-11-01", token, "{\"location\":\"westus\",\"properties\":{"
                + "\"administratorLogin\":\"sqladmin\",\"administratorLoginPassword\":\"Passw0rd!Passw0rd\","
                + "\"version\":\"12.0\"}}", 202);
        String status = created.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        awaitTerminal(status, token);
        HttpResponse<String> db = call("PUT", arm + "/resourceGroups/hostile-rg/providers/Microsoft.Sql/servers/"
                + "hostile-sql/databases/db1?api-version=2021-11-01", token,
                "{\"location\":\"westus\",\"sku\":{\"name\":\"S0\"}}", 202);
        awaitTerminal(db.headers().firstValue("Azure-AsyncOperation").orElseThrow(), token);
        String operationId = URI.create(status).getPath().substring(URI.create(status).getPath().lastIndexOf('/') + 1);

        HttpResponse<String> biz = http.send(HttpRequest.newBuilder(URI.create(server.httpUri()
                        + "/" + SUB + "/cloudservices/hostilecs/resources/biztalkservices/biztalk/hostilebiz"))
                .header("Authorization", "Bearer " + token).header("x-ms-version", "2013-04-26")
                .header("Content-Type", "application/xml")
                .PUT(HttpRequest.BodyPublishers.ofString(Inputs.xmlBodies("hostilebiz").get(0))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(biz.statusCode()).as(biz.body()).isEqualTo(202);
        String classicRequestId = biz.headers().firstValue("x-ms-request-id").orElseThrow();
        HttpResponse<String> widget = http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + arm
                        + "/resourceGroups/hostile-rg/providers/Contoso.Widgets/widgets/hostile-widget"
                        + "?api-version=2024-06-01"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westus\",\"properties\":{\"zone\":\"1\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(widget.statusCode()).as(widget.body()).isIn(200, 201, 202);
        widget.headers().firstValue("Azure-AsyncOperation").ifPresent(s -> awaitTerminal(s, token));
        NewServicePrincipal principal = server.servicePrincipals().create("hostile", List.of(SUB));
        return new HostileRequests.Target(SUB, "hostile-rg", "hostile-sql", operationId, "hostilecs", "hostilebiz",
                classicRequestId, tokens(minter, token), principal.appId(), principal.password(), "hostile-widget");
    }

    /** The valid token and the abusive ones, by name. */
    private static Map<String, String> tokens(TokenMinter minter, String valid) {
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("valid", valid);
        tokens.put("star", minter.mint("hostile-star", List.of("*"), Duration.ofHours(1)));
        tokens.put("longSubject", minter.mint("s".repeat(600), List.of(SUB), Duration.ofHours(1)));
        tokens.put("otherSubscription", minter.mint("other", List.of("99999999-8888-7777-6666-555555555555"),
                Duration.ofHours(1)));
        JWTClaimsSet.Builder base = new JWTClaimsSet.Builder().subject("forged").issuer(TokenMinter.DEV_ISSUER)
                .audience(TokenMinter.DEV_ISSUER).claim("subscriptions", List.of(SUB));
        tokens.put("expired", minter.sign(base.expirationTime(Date.from(now.minusSeconds(3600))).build()));
        tokens.put("notYetValid", minter.sign(base.expirationTime(Date.from(now.plusSeconds(7200)))
                .notBeforeTime(Date.from(now.plusSeconds(3600))).build()));
        JWTClaimsSet.Builder live = new JWTClaimsSet.Builder().subject("forged").issuer(TokenMinter.DEV_ISSUER)
                .audience(TokenMinter.DEV_ISSUER).claim("subscriptions", List.of(SUB))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        tokens.put("lifetimeTo9999", minter.sign(live.expirationTime(Date.from(Instant.parse("9999-12-31T00:00:00Z")))
                .build()));
        live.expirationTime(Date.from(now.plusSeconds(3600)));
        tokens.put("wrongAudience", minter.sign(live.audience("someone-else").build()));
        live.audience(TokenMinter.DEV_ISSUER);
        tokens.put("wrongIssuer", minter.sign(live.issuer("https://evil.example/").build()));
        live.issuer(TokenMinter.DEV_ISSUER);
        tokens.put("noSubject", minter.sign(live.subject(null).build()));
        tokens.put("subjectWithControls", minter.sign(live.subject("a\u0001b\u000b").build()));
        live.subject("forged");
        tokens.put("subscriptionsNumber", minter.sign(live.claim("subscriptions", 5).build()));
        tokens.put("subscriptionsObject", minter.sign(live.claim("subscriptions", Map.of("a", "b")).build()));
        tokens.put("manySubscriptions", minter.sign(live.claim("subscriptions",
                Collections.nCopies(3000, "x".repeat(40))).build()));
        tokens.put("subscriptionWithControls", minter.sign(live.claim("subscriptions", List.of(SUB + "\u0000"))
                .build()));
        // signed with the key of another install's database
        tokens.put("wrongSecret", TokenMinter.forDataDir(data.resolve("another-install"))
                .mint("x", List.of(SUB), Duration.ofHours(1)));
        String[] parts = valid.split("\\.");
        tokens.put("algNone", "eyJhbGciOiJub25lIn0." + parts[1] + ".");
        tokens.put("tamperedPayload", parts[0] + "." + parts[1] + "x." + parts[2]);
        tokens.put("rs256Header", "eyJhbGciOiJSUzI1NiJ9." + parts[1] + "." + parts[2]);
        return tokens;
    }

    private static HttpResponse<String> call(String method, String path, String token, String body, int expected)
            throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
        return r;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.httpUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitTerminal(String status, String token) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(status))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return !Json.mapper().readTree(r.body()).path("status").asText().equals("InProgress");
        });
    }
}
