package io.asyncops.server.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.asyncops.server.TestServer;
import com.microsoft.playwright.options.AriaRole;
import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.identity.NewServicePrincipal;
import io.asyncops.server.identity.internal.Issuer;
import io.asyncops.server.testing.TestOpsPlane;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in real headless Chromium against a real server (HTTP, dev tokens, the test plane and the ARM
 * plane): sign in, operations started through the API appear and reach {@code Succeeded} live (one list request,
 * no reload: the change stream moves them), a status filter, the detail's timeline and commands, a cancel from
 * the page, keyboard use, the resources tab; and a service principal signing in with its id and secret (a wrong
 * secret refused with the endpoint's reason, only its own subscription's operations, its token renewed before it
 * expires, a deleted principal asked again). Screenshots go to {@code target/console/}.
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
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
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

    @Test
    void signsInAsAServicePrincipalSeesOnlyItsSubscriptionAndRenewsItsToken() {
        String own = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        NewServicePrincipal sp = server.server().servicePrincipals().create("console-sp", List.of(own));
        Page page = browser.newPage();
        // the page's timers on a clock the test can move: the renewal is due 55 minutes after sign-in
        page.clock().install();
        List<String> tokenRequests = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.method().equals("POST") && r.url().endsWith("/adfs/oauth2/token")) {
                tokenRequests.add(r.postData());
            }
        });
        page.navigate(server.server().httpUri() + "/console");
        Locator alert = page.locator("#app-form [role=alert]");

        // a wrong secret: the OAuth error's description, announced, no trace
        page.getByLabel("Application (client) id").fill(sp.appId());
        page.getByLabel("Client secret").fill(sp.password() + "x");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in as application")).click();
        assertThat(alert).hasText("The client credentials are invalid: no service principal has this client id and "
                + "secret.");
        assertThat(alert).isVisible();
        assertThat(page.locator("#app")).isHidden();
        assertThat(page.locator("#sign-out")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("sign-in.png")));

        // the right one, sent with the keyboard from the secret field
        page.getByLabel("Client secret").fill(sp.password());
        page.getByLabel("Client secret").press("Enter");
        assertThat(page.locator("#live")).hasText("Live");
        assertThat(page.locator("#who-text")).hasText("Application " + sp.appId());
        assertThat(alert).isHidden();
        assertThat(page.locator("#subscription-switch option")).hasCount(1);
        assertThat(page.locator("#subscription-switch")).hasValue(own);
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.get(1)).contains("grant_type=client_credentials")
                .contains("client_id=" + sp.appId())
                .contains("scope=" + java.net.URLEncoder.encode(Issuer.ARM_AUDIENCES.get(0) + "/.default",
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat((String) page.evaluate("JSON.stringify(sessionStorage)")).doesNotContain(sp.password());

        // live: the other subscription's operation (started first) never shows, the own one appears and succeeds
        String foreign = start(other, "foreign", "{\"location\":\"westus\",\"steps\":2,\"stepMillis\":200}");
        String mine = start(own, "mine", "{\"location\":\"westus\",\"steps\":2,\"stepMillis\":200}");
        assertThat(row(page, mine).locator(".status")).hasText("Succeeded");
        assertThat(page.locator(".rows .row")).hasCount(1);
        assertThat(row(page, foreign)).hasCount(0);
        assertThat(page.locator("#counts button.Succeeded b")).hasText("1");
        // the principal's own token, from the page, is refused the other subscription as if it did not exist
        for (String path : List.of("/operations", "/operations/" + foreign, "/events")) {
            Object status = page.evaluate("p => fetch('/console/api/subscriptions/" + other + "' + p, {headers: "
                    + "{Authorization: 'Bearer ' + sessionStorage.getItem('asyncops.token')}}).then(r => r.status)",
                    path);
            assertThat(status).as(path).isEqualTo(404);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("service-principal.png")));

        // renewed before it expires: a new token from the same secret, the page stays live on it
        String first = (String) page.evaluate("sessionStorage.getItem('asyncops.token')");
        page.clock().fastForward("56:00");
        assertThat(page.locator("#live")).hasText("Live");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tokenRequests.size() == 3);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !first.equals(page.evaluate("sessionStorage.getItem('asyncops.token')")));
        String later = start(own, "later", "{\"location\":\"westus\",\"steps\":1,\"stepMillis\":100}");
        assertThat(row(page, later).locator(".status")).hasText("Succeeded");
        assertThat(page.locator("#who-text")).hasText("Application " + sp.appId());

        // the principal deleted: the next renewal is refused and the page asks again, keeping the id
        assertThat(server.server().servicePrincipals().delete(sp.appId())).isTrue();
        page.clock().fastForward("56:00");
        assertThat(page.locator("#sign-in")).isVisible();
        assertThat(alert).containsText("The token could not be renewed: The client credentials are invalid");
        assertThat(page.getByLabel("Application (client) id")).hasValue(sp.appId());
        assertThat(page.getByLabel("Client secret")).isFocused();
        assertThat((String) page.evaluate("JSON.stringify(sessionStorage)")).isEqualTo("{}");
        page.close();
    }

    private static Locator row(Page page, String id) {
        return page.locator(".rows .row[data-id='" + id + "']");
    }

    /** Starts a thing's write in {@code subscription} through the API (a dev token for it); its operation id. */
    private static String start(String subscription, String name, String body) {
        HttpResponse<String> accepted = server.send(HttpRequest.newBuilder(server.http("/subscriptions/" + subscription
                        + "/resourceGroups/rg1/providers/Test.Ops/things/" + name + "?api-version="
                        + TestOpsPlane.API_VERSION))
                .header("Authorization", "Bearer " + server.token(List.of(subscription)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return operationId(accepted);
    }

    /** Starts a thing's write through the API; its operation id. */
    private static String start(String name, String body) {
        HttpResponse<String> accepted = server.put(name, body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return operationId(accepted);
    }

    private static String operationId(HttpResponse<String> accepted) {
        String status = accepted.headers().firstValue("Azure-AsyncOperation").orElseThrow();
        String path = status.substring(0, status.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
