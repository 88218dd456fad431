package io.asyncops.server.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's script is a graph of ES modules: the page loads {@code console.js} as a module, every module it
 * reaches through its imports is served (as JavaScript, which browsers require of a module, with the same caching
 * and policy headers as the page), and every module the server serves is reached (none left over). The browser
 * tests prove the modules work together; this one names a missing or mistyped file directly.
 */
class ConsoleModulesTest {
    private static final Pattern IMPORT = Pattern.compile("^import \\{[^}]*} from '\\./([a-z]+\\.js)';$",
            Pattern.MULTILINE);

    @TempDir
    Path data;

    @Test
    void thePageLoadsItsModulesAndEachIsServedAsJavaScriptUnderThePagePolicy() {
        try (TestServer server = TestServer.start(data)) {
            HttpResponse<String> page = server.get("/console");
            assertThat(page.body()).contains("<script type=\"module\" src=\"/console/console.js\"></script>");
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");

            Set<String> reached = new LinkedHashSet<>();
            Deque<String> toRead = new ArrayDeque<>(Set.of("console.js"));
            while (!toRead.isEmpty()) {
                String name = toRead.pop();
                if (!reached.add(name)) {
                    continue;
                }
                HttpResponse<String> script = server.get("/console/" + name);
                assertThat(script.statusCode()).as(name).isEqualTo(200);
                assertThat(script.headers().firstValue("Content-Type")).as(name)
                        .hasValue("text/javascript; charset=utf-8");
                assertThat(script.headers().firstValue("Cache-Control")).as(name).hasValue("no-cache");
                assertThat(script.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
                assertThat(script.headers().firstValue("Content-Security-Policy")).as(name).hasValue(policy);
                for (Matcher m = IMPORT.matcher(script.body()); m.find(); ) {
                    toRead.push(m.group(1));
                }
            }
            assertThat(reached).as("modules reached from console.js")
                    .containsExactlyInAnyOrderElementsOf(ConsoleService.SCRIPTS);
            assertThat(server.get("/console/nothere.js").statusCode()).isEqualTo(404);
        }
    }
}
