package io.asyncops.server.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the hostile requests of one run from a seed: every route family (ARM resources, status and result,
 * list, cancel, classic, health, metrics, authentication; identity, subscriptions and resource lists in
 * {@link IdentityRequests}; the console, its files and a spec-loaded provider in {@link ConsoleRequests}) and the
 * transport itself, each abused with malformed and
 * oversized JSON and XML, extreme numbers, odd names and encodings, header abuse, invalid chunking and bad tokens.
 * Every pool value is used at least once; random combinations fill the rest.
 */
final class HostileRequests {
    /**
     * What the requests aim at: a live server's ids and tokens.
     *
     * @param sub           a subscription the main token sees
     * @param group         an existing resource group
     * @param sqlServer     an existing, provisioned SQL server in {@code group}
     * @param operationId   an ARM operation id (terminal or not)
     * @param cloudService  a classic cloud service with {@code biztalk} in it
     * @param biztalk       an existing BizTalk service
     * @param classicRequestId the request id of a classic operation on {@code biztalk}
     * @param tokens        tokens by name: {@code valid}, and the abusive ones
     * @param clientId      a service principal's client id (it may sign in at the token endpoint)
     * @param clientSecret  its secret
     * @param widget        an existing {@code Contoso.Widgets} widget (a spec-loaded type) in {@code group}
     */
    record Target(String sub, String group, String sqlServer, String operationId, String cloudService,
                  String biztalk, String classicRequestId, java.util.Map<String, String> tokens, String clientId,
                  String clientSecret, String widget) {
        String token() {
            return tokens.get("valid");
        }
    }

    private final Random r;
    private final Target t;
    private final List<Probe> probes = new ArrayList<>();
    private final List<String> names;

    HostileRequests(long seed, Target target) {
        this.r = new Random(seed);
        this.t = target;
        this.names = Inputs.names(r);
    }

    List<Probe> all() {
        arm();
        status();
        list();
        cancel();
        classic();
        healthAndMetrics();
        auth();
        headers();
        transport();
        new IdentityRequests(r, t, names, probes).all();
        new ConsoleRequests(r, t, names, ids(), probes).all();
        return probes;
    }

    private Probe.Builder req(String family, String abuse) {
        return new Probe.Builder(family, abuse);
    }

    private void add(Probe.Builder b) {
        probes.add(b.build());
    }

    private String armBase() {
        return "/subscriptions/" + t.sub();
    }

    private String serverPath(String name) {
        return armBase() + "/resourceGroups/" + t.group() + "/providers/Microsoft.Sql/servers/" + name;
    }

    private <T> T pick(List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static String serverBody(String location, String login, String password, String version, String tags) {
        return "{\"location\":\"" + location + "\",\"tags\":" + tags + ",\"properties\":{\"administratorLogin\":\""
                + login + "\",\"administratorLoginPassword\":\"" + password + "\",\"version\":\"" + version + "\"}}";
    }

    private void json(String family, String abuse, String method, String target, String body) {
        add(req(family, abuse).method(method).target(target).token(t.token())
                .header("Content-Type", "application/json").body(body));
    }

    // ---------------------------------------------------------------- ARM resources

    private void arm() {
        String rgVersion = "?api-version=2025-04-01";
        String sqlVersion = "?api-version=2021-11-01";
        for (String name : names) {
            json("arm", "group name " + name, "PUT", armBase() + "/resourcegroups/" + name + rgVersion,
                    "{\"location\":\"westus\"}");
            add(req("arm", "server name").method(pick(List.of("GET", "DELETE", "HEAD"))).target(serverPath(name)
                    + sqlVersion).token(t.token()));
            json("arm", "database name " + name, "PUT", serverPath(t.sqlServer()) + "/databases/" + name + sqlVersion,
                    "{\"location\":\"westus\",\"sku\":{\"name\":\"S0\"}}");
            json("arm", "firewall rule name", "PUT", serverPath(t.sqlServer()) + "/firewallRules/" + name + sqlVersion,
                    "{\"properties\":{\"startIpAddress\":\"0.0.0.0\",\"endIpAddress\":\"0.0.0.0\"}}");
        }
        for (String v : Inputs.apiVersions()) {
            add(req("arm", "api-version " + v).target(armBase() + "/resourcegroups?api-version=" + v).token(t.token()));
            add(req("arm", "api-version " + v).target(serverPath(t.sqlServer()) + "?api-version=" + v).token(t.token()));
            json("arm", "api-version on a write", "PUT", armBase() + "/resourcegroups/hv?api-version=" + v,
                    "{\"location\":\"westus\"}");
        }
        for (String body : Inputs.brokenJson()) {
            json("arm", "broken group body", "PUT", armBase() + "/resourcegroups/hb" + r.nextInt(1000) + rgVersion, body);
            json("arm", "broken server body", pick(List.of("PUT", "PATCH")), serverPath("hs" + r.nextInt(1000))
                    + sqlVersion, body);
        }
        for (String n : Inputs.numbers()) {
            json("arm", "extreme maxSizeBytes " + n, "PUT", serverPath(t.sqlServer()) + "/databases/n" + r.nextInt(100)
                    + sqlVersion, "{\"location\":\"westus\",\"sku\":{\"name\":\"S0\",\"capacity\":" + n
                    + "},\"properties\":{\"maxSizeBytes\":" + n + "}}");
            json("arm", "extreme number as location", "PUT", armBase() + "/resourcegroups/hn" + rgVersion,
                    "{\"location\":" + n + "}");
        }
        for (String loc : Inputs.locations()) {
            json("arm", "location " + loc, "PUT", armBase() + "/resourcegroups/hl" + r.nextInt(1000) + rgVersion,
                    "{\"location\":\"" + loc + "\"}");
            json("arm", "server location", "PUT", serverPath("hsl" + r.nextInt(1000)) + sqlVersion,
                    serverBody(loc, "sqladmin", "Passw0rd!Passw0rd", "12.0", "{}"));
        }
        String escaped = Inputs.escapedTags();
        json("arm", "50 tags escaping past 60,000 characters", "PUT", armBase() + "/resourcegroups/tagged" + rgVersion,
                "{\"location\":\"westus\",\"tags\":" + escaped + "}");
        json("arm", "50 escaped tags on a server", "PUT", serverPath("tagged-server") + sqlVersion,
                serverBody("westus", "sqladmin", "Passw0rd!Passw0rd", "12.0", escaped));
        json("arm", "50 escaped tags on a database", "PUT", serverPath(t.sqlServer()) + "/databases/tagged" + sqlVersion,
                "{\"location\":\"westus\",\"tags\":" + escaped + "}");
        List<String> tagSets = List.of("{\"" + "k".repeat(512) + "\":\"" + "v".repeat(256) + "\"}",
                "{\"" + "k".repeat(513) + "\":\"v\"}", "{\"k\":\"" + "v".repeat(257) + "\"}", "{\"\":\"v\"}",
                "{\"a<b\":\"v\"}", "{\"k\":1}", "{\"k\":null}", "{\"k\":{\"x\":1}}", "{\"asyncops-fault\":\"x y\"}",
                "{\"asyncops-fault\":\"" + "F".repeat(500) + "\"}", "{\"asyncops-fault\":\"\\u0001\"}",
                many(51), many(50), "{\"k\\u0000\":\"v\"}");
        for (String tags : tagSets) {
            json("arm", "tags", "PUT", armBase() + "/resourcegroups/ht" + r.nextInt(1000) + rgVersion,
                    "{\"location\":\"westus\",\"tags\":" + tags + "}");
            json("arm", "server tags", "PUT", serverPath("hst" + r.nextInt(1000)) + sqlVersion,
                    serverBody("westus", "sqladmin", "Passw0rd!Passw0rd", "12.0", tags));
        }
        List<String> logins = List.of("", "a".repeat(129), "a".repeat(5000), "admin", "a\\u0001b", "1abc", "\\u00e9t\\u00e9");
        List<String> passwords = List.of("", "x", "P4ss!" + "x".repeat(200), "\\u0000\\u0000Aa1!aaaa", "Passw0rd!Passw0rd");
        List<String> versions = List.of("12.0", "", "x".repeat(100), "2.0", "\\u0001", "12.0\\u0000");
        for (int i = 0; i < 40; i++) {
            json("arm", "server properties", pick(List.of("PUT", "PATCH")), serverPath("hp" + r.nextInt(10_000))
                    + sqlVersion, serverBody("westus", pick(logins), pick(passwords), pick(versions), "{}"));
        }
        List<String> skus = List.of("{\"name\":\"" + "S".repeat(100) + "\"}", "{\"name\":\"\"}", "{\"name\":1}",
                "{\"name\":\"S0\",\"tier\":\"" + "T".repeat(100) + "\"}", "{\"name\":\"GP_Gen5\",\"family\":\""
                        + "F".repeat(100) + "\",\"capacity\":2}", "[]", "\"S0\"", "{\"name\":\"S0\\u0000\"}");
        for (String sku : skus) {
            json("arm", "database sku", "PUT", serverPath(t.sqlServer()) + "/databases/hk" + r.nextInt(1000)
                    + sqlVersion, "{\"location\":\"westus\",\"sku\":" + sku + ",\"properties\":{\"collation\":\""
                    + pick(List.of("SQL_Latin1_General_CP1_CI_AS", "x".repeat(300), "")) + "\"}}");
        }
        List<String> ips = List.of("0.0.0.0", "256.0.0.1", "1.2.3", "x".repeat(100), "", "::1", "1.2.3.4.5",
                "01.02.03.04", "-1.0.0.0", "1.2.3.4\\u0000");
        for (String ip : ips) {
            json("arm", "firewall ip " + ip, "PUT", serverPath(t.sqlServer()) + "/firewallRules/fw" + r.nextInt(100)
                    + sqlVersion, "{\"properties\":{\"startIpAddress\":\"" + ip + "\",\"endIpAddress\":\""
                    + pick(ips) + "\"}}");
        }
        List<String> exportBodies = List.of("{}", "{\"storageUri\":\"" + "x".repeat(5000) + "\"}", "[]", "",
                "{\"storageKeyType\":1}");
        for (String body : exportBodies) {
            json("arm", "export body", "POST", serverPath(t.sqlServer()) + "/databases/db1/export" + sqlVersion, body);
        }
        List<String> methods = List.of("GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND",
                "get", "X".repeat(300), "M-SEARCH", "BREW");
        for (int i = 0; i < 60; i++) {
            String path = pick(List.of(armBase() + "/resourcegroups/" + t.group(), serverPath(t.sqlServer()),
                    serverPath(t.sqlServer()) + "/databases", armBase() + "/providers/Microsoft.Sql/servers",
                    armBase() + "/resourcegroups/" + t.group() + "/providers/Microsoft.Sql/servers",
                    armBase() + "/resourceGROUPS/" + pick(names) + "/PROVIDERS/microsoft.sql/SERVERS/" + pick(names),
                    armBase() + "/providers/Microsoft.Other/widgets/" + pick(names), armBase(), "/subscriptions",
                    "/subscriptions/" + pick(names) + "/resourcegroups"));
            String method = pick(methods);
            Probe.Builder b = req("arm", "method and path mix").method(method).target(path + pick(List.of(sqlVersion,
                    rgVersion, "", "?api-version=" + pick(Inputs.apiVersions())))).token(t.token());
            if (r.nextBoolean()) {
                b.header("Content-Type", pick(List.of("application/json", "text/plain", "application/xml",
                        "application/json; charset=utf-16", "application/json; charset=x-bogus", "*/*", "")))
                        .body(pick(Inputs.brokenJson().subList(0, 30)));
            }
            add(b);
        }
    }

    private static String many(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":\"v\"");
        }
        return sb.append('}').toString();
    }

    // ---------------------------------------------------------------- status, result, list, cancel

    private String operationPath(String collection, String ns, String loc, String id) {
        return armBase() + "/providers/" + ns + "/locations/" + loc + "/" + collection + "/" + id;
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(t.operationId(), t.operationId().toUpperCase(),
                "00000000-0000-0000-0000-000000000000", new java.util.UUID(r.nextLong(), r.nextLong()).toString(), "not-an-id", "",
                "%00", "x".repeat(5000), t.operationId() + "%00", t.operationId() + "%2F..", "..", "%2F",
                t.classicRequestId()));
        for (int i = 0; i < 5; i++) {
            ids.add(Inputs.randomEncoded(r, 36));
        }
        return ids;
    }

    private void status() {
        List<String> namespaces = List.of("Microsoft.Sql", "microsoft.sql", "Microsoft.Other", "%00", "x".repeat(500),
                "Test.Ops", "Microsoft.Sql%2F..");
        List<String> locations = List.of("westus", "global", "%00", "x".repeat(500), "west%0Bus");
        List<String> prefer = List.of("wait=0", "wait=1", "wait=-1", "wait=99999999999999999999", "wait=abc",
                "wait", "wait=1;foo", "respond-async, wait=1", "x".repeat(5000), "wait=\"1\"", "wait=1e3");
        List<String> accept = List.of("text/event-stream", "*/*", "application/json", "text/event-stream;q=0",
                "x/y;;;", "", "text/event-stream, application/json;q=0.1");
        for (String id : ids()) {
            for (String collection : List.of("operationStatuses", "operationResults")) {
                add(req("status", "operation id").target(operationPath(collection, "Microsoft.Sql", "westus", id)
                        + "?api-version=2021-11-01").token(t.token()));
            }
        }
        for (int i = 0; i < 70; i++) {
            String collection = pick(List.of("operationStatuses", "operationResults"));
            String version = pick(Inputs.apiVersions());
            Probe.Builder b = req("status", "status mix").method(pick(List.of("GET", "GET", "GET", "PUT", "DELETE",
                    "HEAD", "POST"))).target(operationPath(collection, pick(namespaces), pick(locations),
                    pick(ids())) + "?api-version=" + version).token(t.token());
            if (r.nextBoolean()) {
                b.header("Prefer", pick(prefer));
            }
            if (r.nextBoolean()) {
                b.header("Accept", pick(accept));
            }
            add(b);
        }
    }

    private void list() {
        List<String> filters = List.of("status%20eq%20'InProgress'", "status%20eq%20'Bogus'", "status%20ne%20'x'",
                "x".repeat(5000), "%00", "status%20eq%20'InProgress'%20or%20status%20eq%20'Failed'",
                "status%20eq%20'" + "a".repeat(2000) + "'", "(((((", "status%20eq%20'Succeeded'%20and%201%20eq%201",
                "status eq 'InProgress'", "%27%3B%20drop%20table%20x%3B--");
        List<String> tops = List.of("1", "0", "-1", "1000", "1001", "99999999999999999999", "abc", "", "1e3", "%00",
                "2147483648");
        List<String> skips = List.of("", "abc", "%00", "x".repeat(5000), "eyJ9", "AAAAAAAAAAAAAAAAAAAAAA",
                "MjAyNS0wMS0wMVQwMDowMDowMFp8eA", Inputs.randomEncoded(r, 40));
        for (int i = 0; i < 90; i++) {
            StringBuilder q = new StringBuilder("?api-version=" + pick(Inputs.apiVersions()));
            if (r.nextBoolean()) {
                q.append("&$filter=").append(pick(filters));
            }
            if (r.nextBoolean()) {
                q.append("&$top=").append(pick(tops));
            }
            if (r.nextBoolean()) {
                q.append("&$skiptoken=").append(pick(skips));
            }
            String sub = r.nextInt(5) == 0 ? pick(names) : t.sub();
            add(req("list", "list query").method(r.nextInt(8) == 0 ? "POST" : "GET")
                    .target("/subscriptions/" + sub + "/operationStatuses" + q).token(t.token()));
        }
    }

    private void cancel() {
        for (String id : ids()) {
            add(req("cancel", "cancel id").method("POST").target(operationPath("operationStatuses", "Microsoft.Sql",
                    "westus", id) + "/cancel?api-version=2021-11-01").token(t.token()));
        }
        for (int i = 0; i < 40; i++) {
            Probe.Builder b = req("cancel", "cancel mix").method(pick(List.of("POST", "POST", "GET", "PUT", "DELETE")))
                    .target(operationPath("operationStatuses", pick(List.of("Microsoft.Sql", "x", "%01")), "westus",
                            pick(ids())) + "/cancel?api-version=" + pick(Inputs.apiVersions())).token(t.token());
            if (r.nextBoolean()) {
                b.header("Content-Type", "application/json").body(pick(Inputs.brokenJson().subList(0, 30)));
            }
            add(b);
        }
    }

    // ---------------------------------------------------------------- classic

    private String classicBase(String sub, String cs) {
        return "/" + sub + "/cloudservices/" + cs + "/resources/biztalkservices";
    }

    private Probe.Builder classic(String abuse, String method, String target) {
        return req("classic", abuse).method(method).target(target).token(t.token())
                .header("x-ms-version", "2013-04-26");
    }

    private void classic() {
        String base = classicBase(t.sub(), t.cloudService());
        List<String> bodies = Inputs.xmlBodies("hostilebt");
        for (int i = 0; i < bodies.size(); i++) {
            String xml = bodies.get(i);
            add(classic("xml body #" + i, "PUT", base + "/biztalk/hostilebt")
                    .header("Content-Type", "application/xml; charset=utf-8").body(xml));
        }
        add(classic("xml body, bytes not UTF-8", "PUT", base + "/biztalk/hostilebt")
                .header("Content-Type", "application/xml").body(new byte[] {'<', 'R', (byte) 0xC3, (byte) 0x28, '>'}));
        for (String name : names) {
            add(classic("classic name", pick(List.of("GET", "DELETE", "PUT")), base + "/biztalk/" + name)
                    .header("Content-Type", "application/xml").body(Inputs.xmlBodies(name).get(0)));
            add(classic("cloud service name", "GET", classicBase(t.sub(), name) + "/biztalk/" + t.biztalk()));
            add(classic("operation id", "GET", "/" + t.sub() + "/operations/" + name));
            add(classic("OperationStatus id", "GET", base + "/~/biztalk/" + t.biztalk() + "?OperationStatus/" + name));
        }
        List<String> queries = List.of("OperationStatus/" + t.classicRequestId(), "OperationStatus/a%0Bb",
                "OperationStatus/", "OperationStatus", "operationstatus/" + t.classicRequestId(), "OperationStatus/%00",
                "OperationStatus/" + "x".repeat(5000), "OperationStatus/a&b=c", "OperationStatus//x",
                "OperationStatus/%", "OperationStatus/%zz", "OperationStatus/%C0%AF", "comp=restart", "comp=",
                "comp=" + "x".repeat(3000), "comp=%01", "x=%0B");
        List<String> versions = List.of("2013-04-26", "", "2009-10-01", "2012-07-31", "9999-12-31", "x".repeat(500),
                "2013-04-26\u0001", "2013-02-30", "%00", "2013-04-26 ");
        List<String> types = List.of("application/xml", "application/json", "text/xml", "", "application/xml; charset=utf-16",
                "x".repeat(2000), "application/xml\u0001");
        for (int i = 0; i < 110; i++) {
            String path = pick(List.of(base + "/biztalk/" + t.biztalk(), base + "/~/biztalk/" + t.biztalk(),
                    base + "/biztalk/" + pick(names), classicBase(pick(names), t.cloudService()) + "/biztalk/x",
                    "/" + t.sub() + "/operations/" + t.classicRequestId(), "/" + t.sub() + "/cloudservices",
                    "/" + pick(names) + "/operations/" + pick(names), base));
            String method = pick(List.of("GET", "GET", "PUT", "POST", "DELETE", "PATCH", "MERGE", "HEAD"));
            Probe.Builder b = req("classic", "classic mix").method(method)
                    .target(path + (r.nextBoolean() ? "?" + pick(queries) : "")).token(t.token());
            if (r.nextInt(5) > 0) {
                b.header("x-ms-version", pick(versions));
            }
            if (r.nextBoolean()) {
                b.header("Content-Type", pick(types));
            }
            if (method.equals("PUT") || r.nextInt(6) == 0) {
                b.body(pick(Inputs.xmlBodies(pick(List.of("hostilebt", t.biztalk(), "a")))));
            }
            add(b);
        }
    }

    // ---------------------------------------------------------------- health, metrics, auth

    private void healthAndMetrics() {
        List<String> paths = List.of("/health/live", "/health/ready", "/metrics", "/health", "/health/", "/HEALTH/LIVE",
                "/metrics/", "/metrics?x=" + "y".repeat(3000), "/health/live%00", "/health/..%2Fmetrics",
                "/health/live?%zz", "/metrics%20");
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "DELETE", "HEAD", "FOO")) {
                Probe.Builder b = req(path.startsWith("/metrics") ? "metrics" : "health", "health or metrics")
                        .method(method).target(path);
                if (method.equals("POST")) {
                    b.header("Content-Type", "application/json").body(pick(Inputs.brokenJson().subList(0, 30)));
                }
                add(b);
            }
        }
    }

    private void auth() {
        List<String> routes = List.of(armBase() + "/resourcegroups?api-version=2025-04-01",
                serverPath(t.sqlServer()) + "?api-version=2021-11-01",
                operationPath("operationStatuses", "Microsoft.Sql", "westus", t.operationId()) + "?api-version=2021-11-01",
                "/subscriptions/" + t.sub() + "/operationStatuses?api-version=2021-11-01",
                classicBase(t.sub(), t.cloudService()) + "/biztalk/" + t.biztalk(),
                "/" + t.sub() + "/operations/" + t.classicRequestId());
        List<String> raw = List.of("", "Bearer", "Bearer ", "Bearer  ", "Basic dXNlcjpwYXNz", "bearer x.y.z",
                "Bearer x.y.z", "Bearer " + "a".repeat(7000), "Bearer ....", "Bearer \u0001", "Bearer e30.e30.",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Negotiate abc", "Bearer " + "e".repeat(200) + "." + "f",
                "Bearer %00");
        for (String route : routes) {
            for (String value : raw) {
                add(req("auth", "authorization header").target(route).header("x-ms-version", "2013-04-26")
                        .header("Authorization", value));
            }
            for (var token : t.tokens().entrySet()) {
                add(req("auth", "token " + token.getKey()).target(route).header("x-ms-version", "2013-04-26")
                        .token(token.getValue()));
            }
        }
        // a '*' token on a subscription id past every column; a long-subject token starting operations
        String longSub = "a".repeat(65);
        String star = t.tokens().get("star");
        add(req("auth", "* token, 65-character subscription").method("PUT")
                .target("/subscriptions/" + longSub + "/resourcegroups/rg?api-version=2025-04-01").token(star)
                .header("Content-Type", "application/json").body("{\"location\":\"westus\"}"));
        add(req("auth", "* token, 65-character subscription, SQL").method("PUT")
                .target("/subscriptions/" + longSub + "/resourceGroups/rg/providers/Microsoft.Sql/servers/s65?api-version=2021-11-01")
                .token(star).header("Content-Type", "application/json")
                .body(serverBody("westus", "sqladmin", "Passw0rd!Passw0rd", "12.0", "{}")));
        add(req("auth", "* token, 65-character subscription, classic").method("PUT")
                .target(classicBase(longSub, "cs65") + "/biztalk/bt65").token(star).header("x-ms-version", "2013-04-26")
                .header("Content-Type", "application/xml").body(Inputs.xmlBodies("bt65").get(0)));
        add(req("auth", "* token, 300-character subscription list").target("/subscriptions/" + "b".repeat(300)
                + "/operationStatuses?api-version=2021-11-01").token(star));
        String longSubject = t.tokens().get("longSubject");
        add(req("auth", "subject past 500 characters starts an ARM operation").method("PUT")
                .target(serverPath("long-subject") + "?api-version=2021-11-01").token(longSubject)
                .header("Content-Type", "application/json")
                .body(serverBody("westus", "sqladmin", "Passw0rd!Passw0rd", "12.0", "{}")));
        add(req("auth", "subject past 500 characters starts a group").method("PUT")
                .target(armBase() + "/resourcegroups/long-subject?api-version=2025-04-01").token(longSubject)
                .header("Content-Type", "application/json").body("{\"location\":\"westus\"}"));
        add(req("auth", "subject past 500 characters starts a classic operation").method("PUT")
                .target(classicBase(t.sub(), t.cloudService()) + "/biztalk/longsubject").token(longSubject)
                .header("x-ms-version", "2013-04-26").header("Content-Type", "application/xml")
                .body(Inputs.xmlBodies("longsubject").get(0)));
    }

    // ---------------------------------------------------------------- headers and transport

    private void headers() {
        List<String> names = List.of("x-ms-client-request-id", "x-ms-correlation-request-id", "Idempotency-Key",
                "Repeatability-Request-ID", "Repeatability-First-Sent", "Prefer", "Accept", "Content-Type",
                "x-ms-version", "If-Match", "If-None-Match", "Expect", "Host", "Accept-Encoding", "Forwarded",
                "X-Forwarded-Host", "Range", "Cookie", "Origin", "TE");
        List<String> writes = List.of("arm-group", "arm-server", "classic-create", "status");
        for (String name : names) {
            for (String value : Inputs.headerValues()) {
                add(write(pick(writes), "header " + name).header(name, value));
            }
        }
        add(write("arm-server", "Idempotency-Key of 201 characters").header("Idempotency-Key", "k".repeat(201)));
        add(write("arm-group", "Idempotency-Key of 201 characters").header("Idempotency-Key", "k".repeat(201)));
        add(write("classic-create", "Idempotency-Key of 201 characters").header("Idempotency-Key", "k".repeat(201)));
        add(write("arm-server", "Repeatability-Request-ID of 300 characters")
                .header("Repeatability-Request-ID", "r".repeat(300))
                .header("Repeatability-First-Sent", "Sun, 06 Nov 1994 08:49:37 GMT"));
        Probe.Builder manyHeaders = write("arm-group", "500 headers");
        for (int i = 0; i < 500; i++) {
            manyHeaders.header("x-h" + i, "v");
        }
        add(manyHeaders);
        add(write("arm-group", "one 100 KB header").header("x-big", "b".repeat(100_000)));
        add(write("arm-group", "header without colon").rawHeader("NoColonHere"));
        add(write("arm-group", "header name with space").rawHeader("Bad Name: x"));
        add(write("arm-group", "folded header").rawHeader("x-a: one").rawHeader(" folded"));
        add(write("arm-group", "header with NUL").rawHeader("x-a: a\u0000b"));
        add(write("arm-group", "two hosts").header("Host", "evil.example"));
        add(write("status", "no Host").noHost());
        add(write("arm-group", "Host with path").noHost().header("Host", "a/b@c:99999"));
    }

    /** A request that would be valid, as a base for header abuse. */
    private Probe.Builder write(String what, String abuse) {
        return switch (what) {
            case "arm-group" -> req("arm", abuse).method("PUT").target(armBase() + "/resourcegroups/hh"
                    + r.nextInt(100) + "?api-version=2025-04-01").token(t.token())
                    .header("Content-Type", "application/json").body("{\"location\":\"westus\"}");
            case "arm-server" -> req("arm", abuse).method("PUT").target(serverPath("hh" + r.nextInt(1_000_000))
                    + "?api-version=2021-11-01").token(t.token()).header("Content-Type", "application/json")
                    .body(serverBody("westus", "sqladmin", "Passw0rd!Passw0rd", "12.0", "{}"));
            case "classic-create" -> classic(abuse, "PUT", classicBase(t.sub(), t.cloudService()) + "/biztalk/hh"
                    + r.nextInt(1000)).header("Content-Type", "application/xml")
                    .body(Inputs.xmlBodies("hh").get(0));
            default -> req("status", abuse).target(operationPath("operationStatuses", "Microsoft.Sql", "westus",
                    t.operationId()) + "?api-version=2021-11-01").token(t.token());
        };
    }

    private void transport() {
        String group = armBase() + "/resourcegroups/hc?api-version=2025-04-01";
        String json = "{\"location\":\"westus\"}";
        List<String> chunked = List.of("zz\r\n" + json + "\r\n0\r\n\r\n", "-5\r\nabc\r\n0\r\n\r\n",
                "ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n", "7fffffff\r\nabc", "5\r\nab\r\n0\r\n\r\n",
                "2\r\nabcdef\r\n0\r\n\r\n", "1;ext=" + "x".repeat(5000) + "\r\na\r\n0\r\n\r\n", "\r\n\r\n",
                "0x10\r\n" + "a".repeat(16) + "\r\n0\r\n\r\n", "1 2\r\na\r\n0\r\n\r\n", "3\na\r\n0\r\n\r\n",
                "15\r\n" + json + "\r\n", "15\r\n" + json + "\r\n0\r\nTrailer: x\r\nBad Trailer\r\n\r\n",
                "+5\r\nabcde\r\n0\r\n\r\n", "", "  5\r\nabcde\r\n0\r\n\r\n", "5\r\nabcde\r\n-0\r\n\r\n",
                "1" + "0".repeat(30) + "\r\nx\r\n0\r\n\r\n", "\u00e9\r\nx\r\n0\r\n\r\n");
        for (String body : chunked) {
            for (String target : List.of(group, classicBase(t.sub(), t.cloudService()) + "/biztalk/chunked")) {
                add(req("transport", "invalid chunking").method("PUT").target(target).token(t.token())
                        .header("x-ms-version", "2013-04-26")
                        .header("Content-Type", target.startsWith("/subscriptions") ? "application/json" : "application/xml")
                        .header("Transfer-Encoding", "chunked").rawBody(body));
            }
        }
        List<String[]> framing = List.of(new String[] {"Content-Length", "-1"}, new String[] {"Content-Length", "abc"},
                new String[] {"Content-Length", "99999999999999999999"}, new String[] {"Content-Length", "1, 2"},
                new String[] {"Content-Length", "100"}, new String[] {"Content-Length", "+5"},
                new String[] {"Transfer-Encoding", "gzip"}, new String[] {"Transfer-Encoding", "chunked, identity"},
                new String[] {"Transfer-Encoding", "x".repeat(500)}, new String[] {"Content-Length", " 5 "},
                new String[] {"Content-Encoding", "gzip"}, new String[] {"Content-Encoding", "br"});
        for (String[] h : framing) {
            add(req("transport", "framing " + h[0] + ": " + h[1].substring(0, Math.min(20, h[1].length()))).method("PUT")
                    .target(group).token(t.token()).header("Content-Type", "application/json").header(h[0], h[1])
                    .noContentLength().rawBody(json));
        }
        add(req("transport", "Content-Length and chunked").method("PUT").target(group).token(t.token())
                .header("Content-Type", "application/json").header("Content-Length", "5")
                .header("Transfer-Encoding", "chunked").rawBody("15\r\n" + json + "\r\n0\r\n\r\n"));
        add(req("transport", "two Content-Lengths").method("PUT").target(group).token(t.token())
                .header("Content-Type", "application/json").header("Content-Length", "21")
                .header("Content-Length", "5").noContentLength().rawBody(json));
        add(req("transport", "truncated body").method("PUT").target(group).token(t.token())
                .header("Content-Type", "application/json").header("Content-Length", "500").noContentLength()
                .rawBody(json));
        List<String> versions = List.of("HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/9.9", "", "HTTP/1.1x", "http/1.1",
                "HTTP/1", "HTTP/1.10", "XYZ/1.1");
        for (String version : versions) {
            add(req("transport", "protocol version " + version).version(version).target(armBase()
                    + "/resourcegroups?api-version=2025-04-01").token(t.token()));
            add(req("transport", "protocol version on classic " + version).version(version)
                    .target("/" + t.sub() + "/operations/x").token(t.token()).header("x-ms-version", "2013-04-26"));
        }
        List<String> targets = List.of("*", "http://127.0.0.1" + armBase() + "/resourcegroups?api-version=2025-04-01",
                "//x", "x", "/" + "a".repeat(10_000), "/?" + "q".repeat(20_000), "/%", "/%%%", "/a b",
                "/\u00e9", "/..%2F..%2Fetc%2Fpasswd", "/./../", "#frag", "/metrics#x", "/subscriptions/%00/x",
                armBase() + "/resourcegroups?api-version=2025-04-01&" + "a=b&".repeat(3000));
        for (String target : targets) {
            add(req("transport", "request target").target(target).token(t.token()));
        }
        for (int i = 0; i < 50; i++) {
            String method = randomMethod();
            add(req("transport", "random method").method(method).target(pick(List.of("/metrics", "/health/live",
                    group, "/" + t.sub() + "/operations/x", "/nothing/" + i))).token(t.token())
                    .header("x-ms-version", "2013-04-26"));
        }
        add(req("transport", "bare line feeds").bareLineFeeds().target("/health/live"));
        add(req("transport", "NUL in the request line").target("/health/\u0000live"));
        add(req("transport", "tab in the request line").method("GET\t").target("/health/live"));
        add(req("transport", "empty method").method("").target("/health/live"));
        add(req("transport", "request line only garbage").method("\u0016\u0003\u0001").target("").version(""));
    }

    private String randomMethod() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!#$%&'*+^`|~";
        StringBuilder sb = new StringBuilder();
        int length = 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 12);
        for (int i = 0; i < length; i++) {
            sb.append(letters.charAt(r.nextInt(letters.length())));
        }
        return sb.toString();
    }
}
