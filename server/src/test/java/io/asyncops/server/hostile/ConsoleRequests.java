package io.asyncops.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hostile requests of the console and the spec-loaded provider: the console's data routes (operation list with
 * hostile filters and paging, details with odd ids, stats, resources, the change stream with odd
 * {@code Last-Event-ID}), its files and the API viewer's under traversal and encoded names; and
 * {@code Contoso.Widgets} (served from an OpenAPI spec) with bodies the spec refuses: wrong types, huge strings,
 * deep nesting, unknown and read-only properties, and its actions and api-versions.
 */
final class ConsoleRequests extends ProbeGenerator {
    private static final String API = "/console/api";

    private final List<String> ids;

    ConsoleRequests(Random r, HostileRequests.Target t, List<String> names, List<String> ids, List<Probe> probes) {
        super(r, t, names, probes);
        this.ids = ids;
    }

    @Override
    void all() {
        console();
        files();
        widgets();
    }

    // ---------------------------------------------------------------- console data routes

    private void console() {
        String sub = API + "/subscriptions/" + t.sub();
        List<String> statuses = List.of("InProgress", "Succeeded,Failed", "Bogus", ",,,", "", "%00", "x".repeat(3000),
                "InProgress,".repeat(500), "inprogress", "%01", "Succeeded%0D%0A");
        List<String> kinds = List.of("Microsoft.Sql/servers", "", "x".repeat(3000), "%00", "%27%3B--", "%E2%80%AE",
                "a%0Bb", "%25", "_%25_");
        List<String> texts = List.of("hostile", "", "%20", "x".repeat(300), "x".repeat(3000), "%00", "%27%3B--",
                "%25%25%25", "_", "%5C", "a%0Bb", "%F0%9F%92%A9", "%FF");
        List<String> tops = List.of("1", "0", "-1", "1000", "1001", "99999999999999999999", "abc", "", "%00", "1e3");
        List<String> skips = List.of("", "abc", "%00", "x".repeat(5000), "eyJ9", "AAAAAAAAAAAAAAAAAAAAAA",
                "MjAyNS0wMS0wMVQwMDowMDowMFp8eA", Inputs.randomEncoded(r, 40), "%FF%FE");
        for (int i = 0; i < 90; i++) {
            StringBuilder q = new StringBuilder("?x=1");
            if (r.nextBoolean()) {
                q.append("&status=").append(pick(statuses));
            }
            if (r.nextBoolean()) {
                q.append("&kind=").append(pick(kinds));
            }
            if (r.nextBoolean()) {
                q.append("&q=").append(pick(texts));
            }
            if (r.nextBoolean()) {
                q.append("&top=").append(pick(tops));
            }
            if (r.nextBoolean()) {
                q.append("&skiptoken=").append(pick(skips));
            }
            add(req("console", "operation list query").target(sub + "/operations" + q).token(t.token()));
        }
        for (String id : ids) {
            add(req("console", "operation detail id").target(sub + "/operations/" + id).token(t.token()));
        }
        for (String name : names) {
            add(req("console", "console subscription").target(API + "/subscriptions/" + name + "/"
                    + pick(List.of("operations", "stats", "resources", "operations/" + t.operationId())))
                    .token(t.token()));
        }
        for (String route : List.of("/stats", "/resources", "/operations", "/operations/" + t.operationId())) {
            for (String token : List.of("valid", "star", "otherSubscription", "expired", "manySubscriptions",
                    "subscriptionWithControls")) {
                add(req("console", "console route as " + token).target(sub + route).token(t.tokens().get(token)));
            }
            add(req("console", "console route without a token").target(sub + route));
            add(req("console", "console route, odd method").method(pick(List.of("POST", "PUT", "DELETE", "PATCH")))
                    .target(sub + route).token(t.token()).header("Content-Type", "application/json")
                    .body(pick(Inputs.brokenJson().subList(0, 30))));
            add(req("console", "console route, odd query").target(sub + route + pick(List.of("?%zz",
                    "?x=" + "y".repeat(5000), "?top=0", "?status=%00"))).token(t.token()));
        }
        for (String token : List.of("valid", "star", "manySubscriptions", "noSubject", "subjectWithControls")) {
            add(req("console", "me as " + token).target(API + "/me").token(t.tokens().get(token)));
        }
        add(req("console", "me without a token").target(API + "/me"));
        // the change stream: an odd Last-Event-ID or Accept on a live stream, and odd subscriptions (no stream)
        List<String> lastIds = List.of("", "0", "-1", "x".repeat(5000), "%00", "a\u0001b", "99999999999999999999",
                t.operationId(), "\u00e9", "1, 2");
        for (String last : lastIds) {
            add(req("console", "event stream Last-Event-ID").target(sub + "/events").token(t.token())
                    .header("Accept", pick(List.of("text/event-stream", "*/*", "application/json", "x/y;;;")))
                    .header("Last-Event-ID", last).stream());
        }
        for (String name : names.subList(0, 12)) {
            add(req("console", "event stream subscription").target(API + "/subscriptions/" + name + "/events")
                    .token(t.token()).stream());
        }
        add(req("console", "event stream, foreign token").target(sub + "/events")
                .token(t.tokens().get("otherSubscription")).stream());
        add(req("console", "event stream, POST").method("POST").target(sub + "/events").token(t.token())
                .header("Content-Type", "text/event-stream").body("data: x\n\n"));
    }

    // ---------------------------------------------------------------- console and viewer files

    private void files() {
        List<String> files = List.of("index.html", "console.js", "console.css", "..", "%2e%2e", "..%2Fconsole.js",
                "..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E%2Fpom.xml", "index.html%00", "index.html%00.js",
                "console.js;x", "console.js%3Bx", "CONSOLE.JS", "console.js.", "console.js%20", "console.js%2F",
                "%5C..%5Cconsole.js", "..%5C..%5Cwindows", "%C0%AE%C0%AE%C0%AF", "%252e%252e", "x".repeat(5000),
                "%00", "%", "%zz", "a%0D%0AX-Injected:%20yes", "io%2Fasyncops%2Fserver%2Fconsole%2Findex.html",
                "META-INF%2FMANIFEST.MF", "logback-test.xml", "application.conf", "%E2%80%AE", "openapi.json",
                "swagger-ui.css", "swagger-ui-bundle.js", "..;", "~", ".git%2Fconfig", "index.html?x=%00",
                "index.html#x", "console.js/..", "*", "api");
        for (String file : files) {
            add(req("console", "console file").target("/console/" + file));
            add(req("docs", "viewer file").target("/docs/" + file));
        }
        for (String path : List.of("/console/", "/console//", "//console", "/CONSOLE", "/console%00", "/docs/",
                "/docs//", "/DOCS", "/docs%2F..%2Fconsole", "/console/api", "/console/api/", "/console/api/x",
                "/console/a/b", "/docs/a/b", "/openapi.json?x=%00", "/openapi.json/", "/console/api/subscriptions")) {
            add(req("console", "console path").target(path).token(t.token()));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH")) {
            add(req("console", "console file method").method(method).target(pick(List.of("/console", "/console/console.js",
                    "/docs", "/docs/index.html"))).header("Content-Type", "text/html").body("<x/>"));
        }
        for (String header : List.of("Range: bytes=0-1", "Range: bytes=-999999999999", "If-None-Match: *",
                "If-Modified-Since: Mon, 32 Foo 9999 99:99:99 GMT", "Accept-Encoding: gzip;q=x",
                "Accept: x/y;;;", "Range: bytes=5-1")) {
            int colon = header.indexOf(':');
            add(req("console", "console file header").target(pick(List.of("/console/console.js", "/docs/index.html")))
                    .header(header.substring(0, colon), header.substring(colon + 2)));
        }
    }

    // ---------------------------------------------------------------- a provider served from an OpenAPI spec

    private String widgetPath(String name) {
        return "/subscriptions/" + t.sub() + "/resourceGroups/" + t.group() + "/providers/Contoso.Widgets/widgets/"
                + name;
    }

    private void json(String abuse, String method, String target, String body) {
        add(req("spec", abuse).method(method).target(target).token(t.token())
                .header("Content-Type", "application/json").body(body));
    }

    /** Widget bodies the spec refuses or must handle: wrong types, sizes, nesting, unknown and read-only members. */
    private List<String> widgetBodies() {
        List<String> props = List.of("{\"color\":1}", "{\"color\":\"" + "c".repeat(100_000) + "\"}",
                "{\"shape\":\"oval\"}", "{\"shape\":null}", "{\"shape\":[\"round\"]}", "{\"serial\":\"AB-1\"}",
                "{\"serial\":\"" + "A".repeat(50_000) + "-1\"}", "{\"serial\":\"AB-" + "1".repeat(10_000) + "x\"}",
                "{\"serial\":12}", "{\"zone\":{}}", "{\"zone\":\"\\u0000\"}", "{\"adminPassword\":true}",
                "{\"endpoints\":{\"primary\":\"x\"}}", "{\"createdOn\":\"9999-99-99\"}",
                "{\"provisioningState\":\"Succeeded\"}", "{\"parts\":[\"a\"]}", "{\"weight\":0}", "{\"weight\":1001}",
                "{\"weight\":1.5}", "{\"weight\":\"10\"}", "{\"weight\":1e999999}", "{\"weight\":-9223372036854775809}",
                "{\"weight\":" + "9".repeat(5000) + "}", "{\"enableSoftDelete\":\"yes\"}",
                "{\"softDeleteRetentionInDays\":91}", "{\"createMode\":\"recover\"}",
                "{\"gadgets\":[{\"kind\":\"spring\",\"name\":\"s\",\"tension\":0}]}",
                "{\"gadgets\":[{\"kind\":\"spring\",\"name\":\"s\",\"tension\":-1e308}]}",
                "{\"gadgets\":[{\"kind\":\"nope\",\"name\":\"s\"}]}", "{\"gadgets\":[{\"name\":\"s\"}]}",
                "{\"gadgets\":[{\"kind\":1,\"name\":2}]}", "{\"gadgets\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"gadgets\":[" + "{\"kind\":\"spring\",\"name\":\"s\",\"tension\":1},".repeat(4)
                        + "{\"kind\":\"spring\",\"name\":\"s\",\"tension\":1}]}",
                "{\"gadgets\":[" + "{\"kind\":\"x\",\"name\":\"n\"},".repeat(5000) + "{}]}",
                "{\"accessPolicies\":[{}]}", "{\"accessPolicies\":\"x\"}",
                "{\"accessPolicies\":[" + "null,".repeat(5000) + "null]}", "{\"unknown\":" + Inputs.deepObject(500)
                        + "}", "{\"x\":" + Inputs.deepArray(3000) + "}", "{\"" + "k".repeat(50_000) + "\":1}",
                "[]", "\"x\"", "null", "{\"color\":\"red\",\"color\":\"green\"}");
        List<String> bodies = new ArrayList<>();
        for (String p : props) {
            bodies.add("{\"location\":\"westus\",\"properties\":" + p + "}");
        }
        bodies.addAll(List.of("{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\",\"capacity\":99}}",
                "{\"location\":\"westus\",\"sku\":{\"name\":\"Huge\"}}", "{\"location\":\"westus\",\"sku\":{}}",
                "{\"location\":\"westus\",\"sku\":\"Basic\"}", "{\"location\":\"westus\",\"id\":\"/x\",\"name\":\"y\","
                        + "\"type\":\"z\",\"systemData\":{\"createdBy\":\"me\"}}",
                "{\"location\":\"westus\",\"tags\":" + Inputs.escapedTags() + "}", "{\"location\":\"westus\",\"tags\":"
                        + "{\"a\":{\"b\":1}}}", "{\"location\":" + Inputs.deepObject(2000) + "}", "{}",
                "{\"location\":\"" + "x".repeat(5000) + "\"}", "{\"location\":\"westus\",\"unknownTop\":[1,2,3]}",
                "{\"location\":\"westus\",\"properties\":{\"zone\":\"1\"}}"));
        bodies.addAll(Inputs.brokenJson());
        return bodies;
    }

    private void widgets() {
        String v = "?api-version=2024-06-01";
        String existing = widgetPath(t.widget());
        List<String> bodies = widgetBodies();
        for (String body : bodies) {
            json("widget body", pick(List.of("PUT", "PUT", "PATCH")), pick(List.of(existing,
                    widgetPath("hw" + r.nextInt(1000)))) + v, body);
        }
        for (String name : names) {
            add(req("spec", "widget name").method(pick(List.of("GET", "PUT", "DELETE"))).target(widgetPath(name) + v)
                    .token(t.token()).header("Content-Type", "application/json").body("{\"location\":\"westus\"}"));
        }
        List<String> versions = new ArrayList<>(Inputs.apiVersions());
        versions.addAll(List.of("2024-01-01", "2024-06-01", "2024-06-01-preview", "2024-06-01%00"));
        for (String version : versions) {
            add(req("spec", "widget api-version").method(pick(List.of("GET", "PUT", "GET"))).target(existing
                    + "?api-version=" + version).token(t.token()).header("Content-Type", "application/json")
                    .body("{\"location\":\"westus\",\"properties\":{\"zone\":\"1\"}}"));
        }
        List<String> actions = List.of("/listKeys", "/restart", "/regenerateKey", "/settings/default", "/settings",
                "/accessPolicies/add", "/accessPolicies/" + pick(names), "/privateLinkResources", "/nope");
        List<String> actionBodies = List.of("", "{}", "{\"keyName\":\"primary\"}", "{\"keyName\":1}",
                "{\"keyName\":\"" + "k".repeat(20_000) + "\"}", "[]", Inputs.deepArray(3000), "{\"x\":",
                "{\"properties\":{\"accessPolicies\":[{}]}}", "null");
        for (int i = 0; i < 45; i++) {
            String action = pick(actions);
            String method = action.startsWith("/settings/default") || action.startsWith("/accessPolicies")
                    ? pick(List.of("PUT", "GET")) : pick(List.of("POST", "POST", "GET", "DELETE"));
            Probe.Builder b = req("spec", "widget action").method(method).target(pick(List.of(existing,
                    widgetPath(pick(names)))) + action + pick(List.of(v, v, "?api-version=" + pick(versions))))
                    .token(t.token());
            if (!method.equals("GET") || r.nextInt(4) == 0) {
                b.header("Content-Type", "application/json").body(pick(actionBodies));
            }
            add(b);
        }
        String provider = "/subscriptions/" + t.sub() + "/providers/Contoso.Widgets";
        for (String skip : List.of("AA", "YQFi", "__4", "AAAAAAAAAAAAAAAAAAAAAA", "e30")) {
            add(req("spec", "widget list skipToken").target(widgetPath("").replaceAll("/$", "") + v + "&$skipToken="
                    + skip).token(t.token()));
        }
        List<String> subscriptionRoutes = List.of("/checkNameAvailability", "/locations/westus/checkNameAvailability",
                "/locations/" + pick(names) + "/checkNameAvailability", "/locations/" + pick(names) + "/usages",
                "/skus", "/deletedWidgets", "/widgets", "/locations/westus/deletedWidgets/" + pick(names),
                "/locations/" + pick(names) + "/deletedWidgets/w/purge");
        List<String> checkBodies = List.of("{\"name\":\"w\",\"type\":\"Contoso.Widgets/widgets\"}", "{}",
                "{\"name\":\"" + "n".repeat(20_000) + "\"}", "{\"name\":1}", "[]", "", "{\"name\":\"\\u0000\"}");
        for (int i = 0; i < 30; i++) {
            String route = pick(subscriptionRoutes);
            boolean post = route.contains("check") || route.endsWith("purge");
            Probe.Builder b = req("spec", "widget provider route").method(post ? "POST" : pick(List.of("GET", "GET",
                    "POST"))).target(provider + route + pick(List.of(v, v, "?api-version=" + pick(versions),
                    v + "&$top=-1", v + "&$skipToken=%00", v + "&$skipToken=AA"))).token(t.token());
            if (post) {
                b.header("Content-Type", "application/json").body(pick(checkBodies));
            }
            add(b);
        }
    }
}
