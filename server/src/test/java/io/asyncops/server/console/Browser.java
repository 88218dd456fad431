package io.asyncops.server.console;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven by Playwright for Java. Playwright's own browser
 * download is off ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}): its driver comes from the Maven artifact, the
 * browser from the machine, so the tests run offline.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    static Browser launch() {
        return new Browser();
    }

    /** A fresh context (its own storage) with a desktop-sized page. */
    com.microsoft.playwright.Page newPage() {
        return browser.newContext(new NewContextOptions().setViewportSize(1440, 900)).newPage();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
