package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.SUB;
import static io.asyncops.server.classic.ClassicClient.XML;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken XML on the create route: every one is a 4xx with an XML error, answered quickly, and creates
 * nothing. External entities are never fetched, entity expansion never happens.
 */
class HostileXmlTest {
    @TempDir
    static Path data;
    static ClassicClient classic;
    static HttpServer bait;
    static final AtomicInteger baitHits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        classic = ClassicClient.fast(data);
        bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            baitHits.incrementAndGet();
            byte[] body = "<!ENTITY leaked \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        bait.start();
    }

    @AfterAll
    static void stop() {
        bait.stop(0);
        classic.close();
    }

    private static String url() {
        return "http://127.0.0.1:" + bait.getAddress().getPort() + "/x";
    }

    private void refusedAndNothingCreated(String name, String xml, int status, String code) {
        long start = System.nanoTime();
        HttpResponse<String> r = classic.put(ClassicClient.resource(SUB, "cs-hostile", name), xml);
        ClassicClient.error(r, status, code);
        assertThat(System.nanoTime() - start).as("answered promptly").isLessThan(10_000_000_000L);
        assertThat(r.body()).doesNotContain("LEAKED").doesNotContain("root:");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-hostile", name)), 404, "ResourceNotFound");
    }

    @Test
    void anExternalFileEntityIsRefused() throws Exception {
        Path secret = data.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + ClassicClient.body("xxefile01", "Basic", null).replace("<Type>biztalk</Type>", "<Type>&x;</Type>");
        HttpResponse<String> r = classic.put(ClassicClient.resource(SUB, "cs-hostile", "xxefile01"), xml);
        assertThat(ClassicClient.error(r, 400, "InvalidXmlRequest").message()).contains("Document type declarations");
        assertThat(r.body()).doesNotContain("TOP-SECRET");
    }

    @Test
    void anExternalHttpEntityIsNeverFetched() {
        int before = baitHits.get();
        refusedAndNothingCreated("xxehttp01", "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY x SYSTEM \""
                + url() + "\">]><Resource><Name>&x;</Name></Resource>", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("xxehttp02", "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY % p SYSTEM \""
                + url() + "\"> %p;]><Resource><Name>&leaked;</Name></Resource>", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("xxehttp03", "<?xml version=\"1.0\"?><!DOCTYPE Resource SYSTEM \"" + url()
                + "\"><Resource/>", 400, "InvalidXmlRequest");
        assertThat(baitHits.get()).as("no request reached the entity's URL").isEqualTo(before);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = "lol" + i;
        }
        xml.append("]><Resource><Name>&").append(previous).append(";</Name></Resource>");
        refusedAndNothingCreated("laughs001", xml.toString(), 400, "InvalidXmlRequest");
    }

    @Test
    void truncatedAndMalformedDocumentsAreRefused() {
        String full = ClassicClient.body("truncated1", "Basic", null);
        refusedAndNothingCreated("truncated1", full.substring(0, full.length() / 2), 400, "InvalidXmlRequest");
        refusedAndNothingCreated("truncated2", "<Resource><Plan>Basic</Plan>", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("malformed1", "<Resource><Plan>Basic</Resource></Plan>", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("malformed2", full.replace("truncated1", "malformed2") + "<Resource/>", 400,
                "InvalidXmlRequest");
        refusedAndNothingCreated("malformed3", "{\"plan\":\"Basic\"}", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("malformed4", "", 400, "InvalidXmlRequest");
        refusedAndNothingCreated("malformed5", "<Resource><Name>&undeclared;</Name></Resource>", 400,
                "InvalidXmlRequest");
    }

    @Test
    void theWrongRootOrNamespaceIsRefused() {
        refusedAndNothingCreated("wrongroot1", ClassicClient.body("wrongroot1", "Basic", null)
                .replace("<Resource", "<Deployment").replace("</Resource>", "</Deployment>"), 400,
                "InvalidXmlRequest");
        refusedAndNothingCreated("wrongns001", ClassicClient.body("wrongns001", "Basic", null)
                .replace("http://schemas.microsoft.com/windowsazure", "urn:not-azure"), 400, "InvalidXmlRequest");
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<Resource>" + "<a>".repeat(3000) + "</a>".repeat(3000) + "</Resource>";
        refusedAndNothingCreated("deepnest01", deep, 400, "InvalidXmlRequest");
    }

    @Test
    void aHugeBodyIsRefusedBeforeParsingWhetherItsLengthIsDeclaredOrNot() {
        String huge = "<Resource><Name>" + "x".repeat(2 * 1024 * 1024) + "</Name></Resource>";
        HttpResponse<String> overServerLimit = classic.put(ClassicClient.resource(SUB, "cs-hostile", "hugebody01"),
                huge);
        // refused by the transport before routing (the server's body limit), still in the classic plane's XML
        ClassicClient.error(overServerLimit, 413, "RequestEntityTooLarge");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-hostile", "hugebody01")), 404,
                "ResourceNotFound");
        String overXmlLimit = "<Resource><Name>" + "y".repeat(ClassicXml.MAX_BODY_BYTES) + "</Name></Resource>";
        refusedAndNothingCreated("hugebody02", overXmlLimit, 413, "RequestEntityTooLarge");
        byte[] bytes = overXmlLimit.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = classic.send(classic.request(ClassicClient.resource(SUB, "cs-hostile",
                "hugebody03")).header("Content-Type", XML)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        ClassicClient.error(chunked, 413, "RequestEntityTooLarge");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-hostile", "hugebody03")), 404,
                "ResourceNotFound");
    }

    @Test
    void nonXmlContentTypesAreRefusedBeforeTheBodyIsRead() {
        String name = "ctype00001";
        String body = ClassicClient.body(name, "Basic", null);
        for (String type : new String[] {"application/json", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/xml"}) {
            HttpResponse<String> r = classic.send(classic.request(ClassicClient.resource(SUB, "cs-hostile", name))
                    .header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofString(body)));
            ClassicClient.error(r, 415, "UnsupportedMediaType");
        }
        HttpResponse<String> none = classic.send(classic.request(ClassicClient.resource(SUB, "cs-hostile", name))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(ClassicClient.error(none, 415, "UnsupportedMediaType").message()).contains("required");
        ClassicClient.error(classic.get(ClassicClient.resource(SUB, "cs-hostile", name)), 404, "ResourceNotFound");
    }

    @Test
    void theServerStillWorksAfterAllOfIt() {
        String name = ClassicClient.unique("after");
        classic.awaitEnd("cs-hostile", name, classic.create("cs-hostile", name, "Basic", null));
    }
}
