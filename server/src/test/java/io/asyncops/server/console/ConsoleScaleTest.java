package io.asyncops.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.asyncops.engine.Engine;
import io.asyncops.engine.OperationStatus;
import io.asyncops.engine.Submission;
import io.asyncops.server.TestServer;
import io.asyncops.server.testing.TestOpsPlane;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console with 10,000 operations listed, in real Chromium: all of them load (pages of 1,000), the table keeps
 * only the rows in view in the page (so scrolling, filtering and live updates cost the same at any size), and the
 * last one is reachable. Prints the times it measured; the limits asserted are loose, for a loaded 2-core machine.
 */
class ConsoleScaleTest {
    static final int OPERATIONS = 10_000;

    @TempDir
    static Path data;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(data);
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        Engine engine = server.server().engine();
        for (int i = 0; i < OPERATIONS; i++) {
            String name = "thing-" + i;
            engine.submit(Submission.of(i % 10 == 0 ? TestOpsPlane.DELETE : TestOpsPlane.WRITE,
                            "{\"location\":\"westus\",\"name\":\"" + name + "\",\"steps\":0}")
                    .withSubscription(TestServer.SUB)
                    .withResource(TestServer.thing(name)));
        }
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> engine.stats(TestServer.SUB).count(OperationStatus.SUCCEEDED) == OPERATIONS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tenThousandOperationsLoadAndStayFast() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            page.navigate(server.server().httpUri() + "/console");
            page.getByLabel("Bearer token").fill(server.token());
            long t0 = System.nanoTime();
            page.locator("#sign-in-button").click();
            assertThat(page.locator(".rows .row").first()).isVisible();
            long firstRows = millisSince(t0);
            page.waitForFunction("() => document.body.dataset.loaded === '" + OPERATIONS + "'", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            long allLoaded = millisSince(t0);
            assertThat(page.locator("#counts button.Succeeded b")).hasText(Integer.toString(OPERATIONS));
            int domRows = page.locator(".rows .row").count();
            assertThat(domRows).as("rows in the page").isLessThan(100);

            long t1 = System.nanoTime();
            page.evaluate("() => { const v = document.getElementById('viewport'); v.scrollTop = v.scrollHeight; }");
            assertThat(page.locator(".rows .row[aria-rowindex='" + (OPERATIONS + 1) + "']")).isVisible();
            long scrolled = millisSince(t1);

            long t2 = System.nanoTime();
            page.locator("#filter-kind").fill(TestOpsPlane.DELETE);
            assertThat(page.locator("#shown")).hasText((OPERATIONS / 10) + " operations listed");
            long filtered = millisSince(t2);

            double frame = ((Number) page.evaluate("() => new Promise(done => { const t = performance.now();"
                    + " document.getElementById('viewport').scrollTop = 5000;"
                    + " requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t))); })")).doubleValue();
            System.out.printf("console with %d operations: first rows %d ms, all %d loaded %d ms, %d rows in the"
                            + " page, scroll to the last %d ms, kind filter (server query + render) %d ms,"
                            + " a scroll repaint %.1f ms%n", OPERATIONS, firstRows, OPERATIONS, allLoaded, domRows,
                    scrolled, filtered, frame);
            assertThat(allLoaded).as("all loaded, ms").isLessThan(60_000);
            assertThat(scrolled).as("scroll to the end, ms").isLessThan(5_000);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
