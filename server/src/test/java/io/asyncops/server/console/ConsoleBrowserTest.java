package io.asyncops.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.asyncops.server.TestServer;
import io.asyncops.server.arm.ArmPlane;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real headless Chromium against a real server (HTTP, dev tokens, the test plane and the ARM
 * plane): sign in, operations started through the API appear and reach {@code Succeeded} live (one list request,
 * no reload: the change stream moves them), a status filter, the detail's timeline and commands, a cancel from
 * the page, keyboard use, the resources tab. Screenshots go to {@code target/console/}.
 */
class ConsoleBrowserTest {
    static final Path SHOTS = Path.of("target", "console");

    @TempDir
    static Path data;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        server = TestServer.start(data, b -> b.addPlane(new ArmPlane()));
        browser = Browser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void followsOperationsLiveFiltersShowsATimelineCancelsAndListsResources() {
        HttpResponse<String> group = server.send(server.request(server.http("/subscriptions/" + TestServer.SUB
                        + "/resourcegroups/console-rg?api-version=2025-04-01"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westus\"}")));
        assertThat(group.statusCode()).isEqualTo(201);
        Page page = browser.newPage();
        AtomicInteger listRequests = new AtomicInteger();
        page.onRequest(r -> {
            if (r.url().contains("/operations?")) {
                listRequests.incrementAndGet();
            }
        });

        page.navigate(server.server().httpUri() + "/console");
        assertThat(page.locator("#sign-in")).isVisible();
        page.getByLabel("Bearer token").fill(server.token());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#live")).hasText("Live");
        assertThat(page.locator("#who-text")).hasText("tester");
        page.evaluate("window.__sameDocument = 42");
        int listsAtSignIn = listRequests.get();

        // three operations started through the API appear and succeed, pushed by the change stream
        List<String> ids = new ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma")) {
            ids.add(start(name, "{\"location\":\"westus\",\"steps\":4,\"stepMillis\":1500}"));
        }
        for (String id : ids) {
            assertThat(row(page, id).locator(".status")).hasText("Succeeded");
            assertThat(row(page, id).locator(".c-kind")).hasText("Test.Ops/things/write");
            assertThat(row(page, id).locator(".pct")).hasText("100%");
        }
        assertThat(page.evaluate("window.__sameDocument")).isEqualTo(42);
        assertThat(listRequests.get()).as("the list was not fetched again").isEqualTo(listsAtSignIn);
        assertThat(page.locator("#counts button.Succeeded b")).hasText("3");

        // a status filter
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("Failed");
        assertThat(page.locator(".rows .row")).hasCount(0);
        assertThat(page.locator(".rows .empty")).hasText("No operations match.");
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("Succeeded");
        assertThat(page.locator(".rows .row")).hasCount(3);
        for (Locator status : page.locator(".rows .row .status").all()) {
            assertThat(status).hasText("Succeeded");
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("filtered.png")));

        // the detail view: timeline, ids, commands, the status monitor
        row(page, ids.get(0)).click();
        Locator timeline = page.locator("#timeline");
        assertThat(timeline.locator("li").first()).containsText("Accepted");
        assertThat(timeline).containsText("Started, attempt 1");
        assertThat(timeline).containsText("Progress 25%");
        assertThat(timeline).containsText("Checkpoint: 4");
        assertThat(timeline.locator("li").last()).containsText("Ended Succeeded");
        assertThat(page.locator("#detail pre[aria-label='asyncops wait command']"))
                .containsText("bin/asyncops wait '" + server.server().httpUri() + "/subscriptions/" + TestServer.SUB
                        + "/providers/Test.Ops/locations/westus/operationStatuses/" + ids.get(0));
        assertThat(page.locator("#detail pre[aria-label='curl command']"))
                .containsText("curl -s -H \"Authorization: Bearer $TOKEN\"");
        assertThat(page.locator("#monitor-json")).containsText("\"status\": \"Succeeded\"");
        assertThat(page.locator("#detail dl")).containsText("Correlation id");
        page.keyboard().press("Escape");
        assertThat(page.locator("#detail")).isHidden();

        // a running operation canceled from the page
        page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("");
        String slow = start("slow", "{\"location\":\"westus\",\"steps\":200,\"stepMillis\":1000}");
        assertThat(row(page, slow).locator(".status")).hasText("InProgress");
        assertThat(row(page, slow).locator(".pct")).not().hasText("0%");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operations.png")));
        // keyboard: the row keeps the focus across the page's renders (one a second); Enter opens it
        row(page, slow).focus();
        page.waitForTimeout(1500);
        assertThat(row(page, slow)).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#detail")).isVisible();
        assertThat(page.locator("#detail dl")).containsText(slow);
        assertThat(page.locator("#detail-title")).hasText("Test.Ops/things/write");
        assertThat(page.locator("#detail-cancel")).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console.png")));
        page.locator("#detail-cancel").click();
        assertThat(page.locator("#detail .status").first()).hasText("Canceled");
        assertThat(timeline).containsText("Cancel requested");
        assertThat(timeline.locator("li").last()).containsText("Ended Canceled");
        assertThat(page.locator("#detail .error")).containsText("OperationCanceled");
        assertThat(row(page, slow).locator(".status")).hasText("Canceled");
        assertThat(page.locator("#counts button.Canceled b")).hasText("1");
        assertThat(page.locator("#counts button.InProgress b")).hasText("0");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("canceled.png")));
        page.keyboard().press("Escape");

        // the resources tab
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new Page.GetByRoleOptions().setName("Resources")).click();
        assertThat(page.locator("#panel-resources")).isVisible();
        assertThat(page.locator("#rg-console-rg")).containsText("Succeeded");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("resources.png")));
        assertThat(page.evaluate("window.__sameDocument")).isEqualTo(42);
    }

    private static Locator row(Page page, String id) {
        return page.locator(".rows .row[data-id='" + id + "']");
    }

    /** Starts a thing's write through the API; its operation id. */
    private static String start(String name, String body) {
        HttpResponse<String> accepted = server.put(name, body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String path = status.substring(0, status.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
