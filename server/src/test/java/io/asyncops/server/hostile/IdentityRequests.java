package io.asyncops.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The hostile requests of the identity routes: the token endpoint ({@code POST /adfs/oauth2/token}, with and without
 * its trailing slash) with broken, oversized and repeated form fields, wrong content types, JSON, Basic headers that
 * are not base64 or have no colon, control characters; OIDC discovery and keys, cloud metadata with odd queries and
 * paths; and the ARM reads that came with it: subscriptions, tenants and the generic resource lists with hostile
 * {@code $filter}, {@code $expand}, {@code $top} and {@code $skipToken}.
 */
final class IdentityRequests extends ProbeGenerator {
    private static final String TOKEN = "/adfs/oauth2/token";
    private static final String ARM_SCOPE = "https%3A%2F%2Fmanagement.core.windows.net%2F.default";

    IdentityRequests(Random r, HostileRequests.Target t, List<String> names, List<Probe> probes) {
        super(r, t, names, probes);
    }

    @Override
    void all() {
        tokenEndpoint();
        discovery();
        subscriptions();
        resourceLists();
    }

    private static String basic(String decoded) {
        return "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the token endpoint

    private String valid() {
        return "grant_type=client_credentials&client_id=" + t.clientId() + "&client_secret=" + t.clientSecret()
                + "&scope=" + ARM_SCOPE;
    }

    /** Form bodies: every field missing, repeated, broken, huge, or carrying control characters and odd bytes. */
    private List<String> forms() {
        String id = t.clientId();
        String secret = t.clientSecret();
        String creds = "&client_id=" + id + "&client_secret=" + secret;
        List<String> forms = new ArrayList<>(List.of(valid(), "", "&", "&&&", "=", "==", "=&=", "grant_type",
                "grant_type=", "grant_type=client_credentials", "grant_type=client_credentials" + creds,
                "grant_type=client_credentials&grant_type=client_credentials" + creds + "&scope=" + ARM_SCOPE,
                "grant_type=client_credentials" + creds + "&client_id=" + id + "&scope=" + ARM_SCOPE,
                "grant_type=client_credentials" + creds + "&scope=" + ARM_SCOPE + "&scope=" + ARM_SCOPE,
                "grant_type=password" + creds, "grant_type=" + "g".repeat(5000) + creds,
                "grant_type=client%5Fcredentials" + creds + "&scope=" + ARM_SCOPE,
                "grant_type=client_credentials%00" + creds, "grant_type=%zz" + creds, "%zz=1", "%", "a=%", "a=%2",
                "%C0%AF=1&grant_type=client_credentials", "grant_type=%FF%FE" + creds, "grant_type=%E2%80%AE",
                "grant_type=client_credentials&client_id=" + "i".repeat(200) + "&client_secret=s&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + "i".repeat(15_000) + "&client_secret=s",
                "grant_type=client_credentials&client_id=" + id + "&client_secret=" + "s".repeat(600) + "&scope="
                        + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id + "&client_secret=" + "s".repeat(16_300),
                "grant_type=client_credentials&client_id=" + id + "&client_secret=" + "s".repeat(17_000),
                "grant_type=client_credentials" + creds + "&scope=" + "x".repeat(10_000),
                "grant_type=client_credentials" + creds + "&scope=" + "%20".repeat(3000),
                "grant_type=client_credentials" + creds + "&scope=" + "a%2F.default%20".repeat(500),
                "grant_type=client_credentials" + creds + "&scope=" + ARM_SCOPE + "%20" + ARM_SCOPE,
                "grant_type=client_credentials" + creds + "&scope=openid%20profile%20offline_access",
                "grant_type=client_credentials" + creds + "&scope=%2F.default",
                "grant_type=client_credentials" + creds + "&scope=%00%2F.default",
                "grant_type=client_credentials" + creds + "&scope=" + ARM_SCOPE + "%0D%0AX-Injected%3A%20yes",
                "grant_type=client_credentials" + creds + "&resource=" + "r".repeat(5000),
                "grant_type=client_credentials" + creds + "&resource=%01%0B",
                "grant_type=client_credentials" + creds + "&resource=https%3A%2F%2Fmanagement.azure.com%2F",
                "grant_type=client_credentials" + creds + "&resource=%20&scope=%20",
                "grant_type=client_credentials&client_id=%00&client_secret=%00&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=a%0D%0Ab&client_secret=%01&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=%F0%9F%92%A9&client_secret=%ED%A0%80&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id.toUpperCase() + "&client_secret=" + secret
                        + "&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id + "&client_secret=wrong&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id + "%00&client_secret=" + secret + "&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret + "%00&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=" + id + "&client_secret=&scope=" + ARM_SCOPE,
                "grant_type=client_credentials&client_id=&client_secret=" + secret,
                "grant_type=client_credentials&client_id=%27%3B%20drop%20table%20x%3B--&client_secret=x&scope="
                        + ARM_SCOPE,
                "grant_type+=client_credentials", "grant_type=client_credentials" + creds + "&client_info=1&x="
                        + "y".repeat(3000), "grant_type=client_credentials&" + "p=1&".repeat(40),
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + id + "\",\"client_secret\":\"" + secret
                        + "\"}", "grant_type=client_credentials" + creds + "\u0000", "\uFEFF" + valid()));
        for (int i = 0; i < 10; i++) {
            forms.add("grant_type=" + Inputs.randomEncoded(r, 20) + "&client_id=" + Inputs.randomEncoded(r, 30)
                    + "&client_secret=" + Inputs.randomEncoded(r, 30) + "&scope=" + Inputs.randomEncoded(r, 30));
        }
        return forms;
    }

    private void tokenEndpoint() {
        String form = "application/x-www-form-urlencoded";
        List<String> paths = List.of(TOKEN, TOKEN + "/");
        for (String body : forms()) {
            add(req("identity", "token form").method("POST").target(pick(paths)).header("Content-Type", form)
                    .body(body));
        }
        List<String> types = List.of(form + "; charset=utf-8", form + "; charset=utf-16", form + "; charset=x-bogus",
                "application/json", "text/plain", "", "multipart/form-data; boundary=x", form + "x",
                form.toUpperCase(), "x".repeat(3000), form + "\u0001", "application/xml", "*/*");
        for (String type : types) {
            add(req("identity", "token content type " + type.substring(0, Math.min(type.length(), 30))).method("POST")
                    .target(pick(paths)).header("Content-Type", type).body(valid()));
        }
        add(req("identity", "token without content type").method("POST").target(TOKEN).body(valid()));
        add(req("identity", "token without body").method("POST").target(TOKEN).header("Content-Type", form));
        for (String json : Inputs.brokenJson().subList(0, 30)) {
            add(req("identity", "token JSON body").method("POST").target(pick(paths))
                    .header("Content-Type", pick(List.of("application/json", form))).body(json));
        }
        String id = t.clientId();
        String secret = t.clientSecret();
        List<String> basics = List.of("Basic", "Basic ", "Basic  ", "Basic !!!!", "Basic ====", "Basic a",
                "Basic " + "A".repeat(30_000), basic("no-colon-here"), basic(":"), basic(id + ":"), basic(":" + secret),
                basic(id + ":" + secret), basic(id + ":wrong"), basic(id + ":" + secret + ":extra"),
                basic("\u0001:\u0002"), basic("%zz:%"), basic("%00:%00"), basic("i".repeat(5000) + ":s"),
                basic(id + ":" + "s".repeat(5000)), "Basic " + Base64.getEncoder().encodeToString(
                        new byte[] {(byte) 0xFF, (byte) 0xFE, ':', (byte) 0xC3}), "basic " + basic(id + ":" + secret)
                        .substring(6), "BASIC " + basic(id + ":" + secret).substring(6),
                basic(id + ":" + secret) + "\u0001", basic(id + ":" + secret).replace("=", ""),
                "Basic " + Base64.getUrlEncoder().encodeToString((id + ":" + secret + "??>>").getBytes(
                        StandardCharsets.UTF_8)), "Bearer " + t.token(), "Negotiate x", basic("a%0D%0Ab:c"));
        for (String header : basics) {
            String body = pick(List.of("grant_type=client_credentials&scope=" + ARM_SCOPE,
                    "grant_type=client_credentials&client_secret=" + secret + "&scope=" + ARM_SCOPE,
                    "grant_type=client_credentials&client_id=someone-else&scope=" + ARM_SCOPE,
                    "grant_type=client_credentials&client_id=" + id + "&scope=" + ARM_SCOPE, ""));
            add(req("identity", "token Basic header").method("POST").target(pick(paths)).header("Content-Type", form)
                    .header("Authorization", header).body(body));
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO")) {
            add(req("identity", "token method " + method).method(method).target(pick(paths))
                    .header("Content-Type", form).body(valid()));
        }
        List<String> odd = List.of(TOKEN + "//", TOKEN + "%00", TOKEN + "%2F", "/adfs//oauth2/token", "/ADFS/OAUTH2/TOKEN",
                TOKEN + "?x=" + "y".repeat(3000), TOKEN + "?%zz", TOKEN + "?grant_type=client_credentials",
                TOKEN + "/x", TOKEN + ";x", "/adfs/oauth2/%2e%2e/oauth2/token", "/adfs/oauth2/authorize",
                "/adfs/" + "a".repeat(5000), "/adfs/%", "/adfs/", "/adfs");
        for (String path : odd) {
            add(req("identity", "token path").method("POST").target(path).header("Content-Type", form).body(valid()));
        }
        add(req("identity", "token: chunked form").method("POST").target(TOKEN).header("Content-Type", form)
                .header("Transfer-Encoding", "chunked").rawBody(Integer.toHexString(valid().length()) + "\r\n"
                        + valid() + "\r\n0\r\n\r\n"));
        add(req("identity", "token: chunked form past the limit").method("POST").target(TOKEN)
                .header("Content-Type", form).header("Transfer-Encoding", "chunked")
                .rawBody("5000\r\n" + "a".repeat(0x5000) + "\r\n0\r\n\r\n"));
        add(req("identity", "token: broken chunking").method("POST").target(TOKEN).header("Content-Type", form)
                .header("Transfer-Encoding", "chunked").rawBody("zz\r\n" + valid() + "\r\n0\r\n\r\n"));
        add(req("identity", "token: truncated body").method("POST").target(TOKEN).header("Content-Type", form)
                .header("Content-Length", "900").noContentLength().rawBody(valid()));
        add(req("identity", "token: length past the limit").method("POST").target(TOKEN).header("Content-Type", form)
                .header("Content-Length", "99999999").noContentLength().rawBody(valid()));
    }

    // ---------------------------------------------------------------- discovery, keys, cloud metadata

    private void discovery() {
        List<String> paths = List.of("/adfs/.well-known/openid-configuration", "/adfs/discovery/keys");
        List<String> queries = List.of("", "?x=" + "y".repeat(3000), "?%zz", "?api-version=%00", "?a=%0D%0Ab",
                "?" + "a=b&".repeat(1000), "?api-version=2019-05-01", "?%", "?&&&", "?=x", "?appid=%01");
        for (String path : paths) {
            for (String query : queries) {
                add(req("identity", "discovery query").target(path + query));
            }
            for (String method : List.of("POST", "DELETE", "HEAD", "OPTIONS", "PUT")) {
                add(req("identity", "discovery method").method(method).target(path)
                        .header("Content-Type", "application/json").body("{}"));
            }
            for (String suffix : List.of("/", "//", "%00", "%2F..", "/..", ";x", "/x", "%20")) {
                add(req("identity", "discovery path").target(path + suffix));
            }
            add(req("identity", "discovery with a bad token").target(path).header("Authorization", "Bearer x.y.z"));
        }
        for (String path : List.of("/adfs/.well-known/%2e%2e/discovery/keys", "/adfs/.WELL-KNOWN/OPENID-CONFIGURATION",
                "//adfs/discovery/keys", "/adfs//discovery/keys", "/adfs/discovery//keys", "/adfs/.well-known/")) {
            add(req("identity", "discovery odd path").target(path));
        }
        List<String> versions = new ArrayList<>(Inputs.apiVersions());
        versions.addAll(List.of("2022-09-01", "2019-05-01", "1.0", "2022-09-01&api-version=2022-09-01",
                "2022-09-01&api-version=2019-05-01", "2022-09-01%00"));
        for (String v : versions) {
            add(req("metadata", "metadata api-version").target("/metadata/endpoints?api-version=" + v));
        }
        for (String path : List.of("//metadata/endpoints", "/metadata//endpoints", "/metadata/endpoints/",
                "/metadata/endpoints//", "/METADATA/ENDPOINTS", "/metadata/endpoints%00", "///metadata///endpoints",
                "/metadata/%2e%2e/metadata/endpoints", "/metadata/endpoints/x", "/metadata", "/metadata/")) {
            add(req("metadata", "metadata path").target(path + pick(List.of("?api-version=2022-09-01",
                    "?api-version=1.0", "", "?api-version"))));
        }
        for (String q : List.of("?api-version", "?api-version=", "?%zz", "?api-version=2022-09-01&%zz",
                "?api-version=2022-09-01&x=" + "y".repeat(5000), "?API-VERSION=2022-09-01")) {
            add(req("metadata", "metadata query").target("/metadata/endpoints" + q));
        }
        for (String method : List.of("POST", "PUT", "DELETE", "HEAD", "PATCH")) {
            add(req("metadata", "metadata method").method(method).target("/metadata/endpoints?api-version=2022-09-01")
                    .header("Content-Type", "application/json").body("{\"a\":1}"));
        }
    }

    // ---------------------------------------------------------------- subscriptions, tenants

    private void subscriptions() {
        List<String> versions = new ArrayList<>(Inputs.apiVersions());
        versions.addAll(List.of("2022-12-01", "2016-06-01", "2014-04-01-preview", "2022-12-01%00"));
        List<String> tokens = List.of("valid", "valid", "valid", "star", "otherSubscription", "manySubscriptions",
                "expired", "subscriptionWithControls", "subscriptionsNumber");
        for (String v : versions) {
            add(req("subscriptions", "subscriptions api-version").target("/subscriptions?api-version=" + v)
                    .token(t.tokens().get(pick(tokens))));
            add(req("subscriptions", "tenants api-version").target("/tenants?api-version=" + v)
                    .token(t.tokens().get(pick(tokens))));
        }
        for (String name : names) {
            add(req("subscriptions", "subscription id").target("/subscriptions/" + name + "?api-version=2022-12-01")
                    .token(t.tokens().get(pick(tokens))));
        }
        for (String token : List.of("valid", "star", "manySubscriptions", "subscriptionWithControls", "noSubject")) {
            add(req("subscriptions", "subscriptions as " + token).target("/subscriptions?api-version=2022-12-01")
                    .token(t.tokens().get(token)));
            add(req("subscriptions", "one subscription as " + token).target("/subscriptions/" + t.sub()
                    + "?api-version=2022-12-01").token(t.tokens().get(token)));
        }
        for (String path : List.of("/subscriptions/", "/subscriptions//", "/tenants/", "/tenants/x", "//tenants",
                "/TENANTS", "/subscriptions/" + t.sub().toUpperCase(), "/subscriptions/" + t.sub() + "/")) {
            add(req("subscriptions", "odd path").method(pick(List.of("GET", "GET", "POST", "DELETE")))
                    .target(path + "?api-version=2022-12-01").token(t.token()));
        }
        for (String q : List.of("&$filter=x", "&$top=-1", "&$skipToken=%00", "&$expand=x")) {
            add(req("subscriptions", "ignored query").target("/subscriptions?api-version=2022-12-01" + q)
                    .token(t.token()));
        }
    }

    // ---------------------------------------------------------------- generic resource lists

    private void resourceLists() {
        List<String> filters = List.of("resourceGroup%20eq%20'" + t.group() + "'", "resourceType%20eq%20'x'",
                "name%20eq%20''''", "name%20eq%20'", "name%20eq%20'a'%20and%20", "name%20eq%20'a'%20or%20name%20eq%20'b'",
                "tagValue%20eq%20'v'", "tagName%20eq%20'a'%20and%20tagValue%20eq%20'b'",
                "name%20eq%20'a'%20and%20name%20eq%20'b'", "x".repeat(5000), "%00", "(((((", "substringof('a',name)",
                "name%20eq%20'" + "a".repeat(2100) + "'", "name%20eq%20'%01%0B'", "name%20eq%20'%E2%80%AE'",
                "resourceGroup%20eq%20'%27%3B%20drop%20table%20x%3B--'", "location%20eq%20'west%20us'",
                "name%20eq%20'" + "''".repeat(1000) + "'", "%20".repeat(3000), "name" + "%20".repeat(3000) + "eq",
                "name%20eq%20'a'" + "%20and%20name%20eq%20'a'".repeat(40), "tagname%20EQ%20'a'", "%FF%FE");
        List<String> expands = List.of("createdTime", "createdTime,changedTime,provisioningState", "", ",,,",
                "x".repeat(3000), "%00", "properties", "CREATEDTIME", "createdTime,createdTime", "%01,%0B",
                "createdTime%20,%20changedTime");
        List<String> tops = List.of("1", "0", "-1", "1000", "1001", "99999999999999999999", "abc", "", "1e3", "%00",
                "2147483648", "%201", "0x10");
        List<String> skips = List.of("", "abc", "%00", "x".repeat(5000), "eyJ9", "AAAAAAAAAAAAAAAAAAAAAA",
                "MjAyNS0wMS0wMVQwMDowMDowMFp8eA", "%FF%FE", "e30", "eyJhIjoxfQ", Inputs.randomEncoded(r, 60),
                "bnVsbA", "W10", "MQ", "%2B%2F%3D", "AA", "YQFi", "__4", "w4");
        List<String> versions = List.of("2025-04-01", "2025-04-01", "2025-04-01", "2021-04-01", "",
                pick(Inputs.apiVersions()));
        for (int i = 0; i < 150; i++) {
            StringBuilder q = new StringBuilder("?api-version=" + pick(versions));
            if (r.nextInt(3) > 0) {
                q.append("&$filter=").append(pick(filters));
            }
            if (r.nextBoolean()) {
                q.append("&$expand=").append(pick(expands));
            }
            if (r.nextBoolean()) {
                q.append("&$top=").append(pick(tops));
            }
            if (r.nextBoolean()) {
                q.append("&$skipToken=").append(pick(skips));
            }
            if (r.nextInt(10) == 0) {
                q.append("&$filter=").append(pick(filters)).append("&$top=").append(pick(tops));
            }
            String sub = r.nextInt(6) == 0 ? pick(names) : t.sub();
            String path = r.nextBoolean() ? "/subscriptions/" + sub + "/resources"
                    : "/subscriptions/" + sub + "/resourceGroups/" + (r.nextInt(4) == 0 ? pick(names) : t.group())
                    + "/resources";
            add(req("resources", "resource list query").method(r.nextInt(12) == 0 ? "POST" : "GET").target(path + q)
                    .token(t.token()));
        }
        for (String skip : skips) {
            add(req("resources", "resource list skipToken").target("/subscriptions/" + t.sub()
                    + "/resources?api-version=2025-04-01&$top=1&$skipToken=" + skip).token(t.token()));
        }
        for (String filter : filters) {
            add(req("resources", "resource list filter").target("/subscriptions/" + t.sub() + "/resourceGroups/"
                    + t.group() + "/resources?api-version=2025-04-01&$filter=" + filter).token(t.token()));
        }
    }
}
