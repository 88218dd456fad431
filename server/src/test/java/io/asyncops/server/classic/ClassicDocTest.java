package io.asyncops.server.classic;

import static io.asyncops.server.classic.ClassicClient.OTHER_SUB;
import static io.asyncops.server.classic.ClassicClient.SUB;
import static io.asyncops.server.classic.ClassicClient.XML;
import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.emulator.biztalk.BizTalkTimings;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/classic-plane.md true: runs the walk-through the page shows against a real server and checks that the
 * XML documents the server answers are exactly the documents the page prints (ids, ETags and dates aside), both ways;
 * the README's excerpt of the walk-through may show only documents the server answered.
 */
class ClassicDocTest {
    private static final Path DOC = Path.of("..", "docs", "classic-plane.md");
    private static final Path README = Path.of("..", "README.md");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path data;

    @Test
    void theDocumentsOnThePageAreWhatTheServerAnswers() throws IOException {
        List<String> answered = new ArrayList<>();
        try (ClassicClient classic = ClassicClient.start(data, new BizTalkTimings(java.time.Duration.ofSeconds(8),
                java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(3)), 1)) {
            String rid = classic.create("mycloudservice1", "mybiztalkservice", "Standard", null);
            String base = ClassicClient.base(SUB, "mycloudservice1");
            answered.add(body(classic.get(base + "/~/biztalk/mybiztalkservice?OperationStatus/" + rid), 202));
            classic.awaitEnd("mycloudservice1", "mybiztalkservice", rid);
            answered.add(body(classic.get(base + "/biztalk/mybiztalkservice?OperationStatus/" + rid), 202));
            answered.add(body(versioned(classic, "/" + SUB + "/operations/" + rid, "2009-10-01"), 200));
            answered.add(body(classic.get(base + "/biztalk/mybiztalkservice"), 200));

            String fid = classic.create("mycloudservice1", "failingservice", "Basic", "SomeErrorCode");
            classic.awaitEnd("mycloudservice1", "failingservice", fid);
            answered.add(body(classic.get(base + "/~/biztalk/failingservice?OperationStatus/" + fid), 202));
            answered.add(body(versioned(classic, "/" + SUB + "/operations/" + fid, "2009-10-01"), 200));

            String free = classic.create("mycloudservice1", "freebiztalk1", "Free", null);
            answered.add(body(classic.get(base + "/~/biztalk/freebiztalk1?OperationStatus/" + free), 400));
            answered.add(body(classic.get(base + "/biztalk/mybiztalkservice?OperationStatus/124"), 404));
            String poll = base + "/~/biztalk/mybiztalkservice?OperationStatus/" + rid;
            answered.add(body(classic.send(classic.server().request(classic.server().http(poll)).GET()), 400));
            answered.add(body(versioned(classic, poll, "2011-06-01"), 400));
            answered.add(body(classic.send(classic.request(poll).header("Content-Type", "application/json").GET()),
                    415));
            answered.add(body(classic.put(ClassicClient.resource(SUB, "mycloudservice1", "xxeservice1"),
                    "<?xml version=\"1.0\"?><!DOCTYPE Resource [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            + "<Resource><Name>&x;</Name></Resource>"), 400));
            String token = classic.server().token(List.of(OTHER_SUB));
            String othersPoll = ClassicClient.base(OTHER_SUB, "mycloudservice1") + "/~/biztalk/mybiztalkservice"
                    + "?OperationStatus/" + rid;
            answered.add(body(classic.send(classic.request(othersPoll).setHeader("Authorization", "Bearer " + token)
                    .GET()), 404));
        }
        TreeSet<String> fromServer = new TreeSet<>(answered.stream().map(ClassicDocTest::normalized).toList());
        assertThat(documentsIn(DOC)).isEqualTo(fromServer);
        // the README's excerpt of the walk-through shows some of the same documents, and nothing else
        assertThat(documentsIn(README)).isNotEmpty().isSubsetOf(fromServer);
    }

    private static TreeSet<String> documentsIn(Path page) throws IOException {
        return new TreeSet<>(Files.readAllLines(page).stream()
                .filter(line -> line.startsWith("<OperationStatus ") || line.startsWith("<Operation ")
                        || line.startsWith("<Resource xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>")
                        || line.startsWith("<Error "))
                .map(ClassicDocTest::normalized).toList());
    }

    private static HttpResponse<String> versioned(ClassicClient classic, String path, String version) {
        return classic.send(classic.server().request(classic.server().http(path)).header("x-ms-version", version)
                .header("Content-Type", XML).GET());
    }

    private static String body(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r.body();
    }

    private static String normalized(String xml) {
        return xml.trim().replaceAll(UUID, "<uuid>");
    }
}
