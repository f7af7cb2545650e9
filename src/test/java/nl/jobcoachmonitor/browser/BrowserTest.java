package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on a random port, driven by the system's Chromium through Playwright, on a phone-sized window.
 * Accessibility is checked with axe: no serious or critical violation of WCAG 2.1 A/AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("JCM_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;

    /** Script errors and Content-Security-Policy violations seen by the browser; none are allowed. */
    final List<String> consoleErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Statuses a test provokes on purpose (e.g. 404 for another coach's trajectory). */
    final java.util.Set<Integer> expectedErrors = new java.util.concurrent.CopyOnWriteArraySet<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A new phone: 375 px wide, Dutch, no cookies. */
    Page phone() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(375, 812).setLocale("nl-NL").setBaseURL("http://localhost:" + port));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP ' + e.effectiveDirective + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))");
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onResponse(r -> {
            if (r.status() >= 400 && !expectedErrors.contains(r.status())) {
                consoleErrors.add(r.status() + " " + r.url());
            }
        });
        return page;
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    void logIn(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord").fill("demo");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Inloggen")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
    void assertAccessible(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        List<Rule> violations = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze().getViolations();
        List<String> serious = violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
        assertThat(serious).as("axe on " + name).isEmpty();
    }

    /** The page is no wider than the phone: nothing to scroll sideways. */
    void assertFitsThePhone(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Object culprits = page.evaluate("() => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                + ".slice(0, 10).join(', ')");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px; too wide: " + culprits)
                .isLessThanOrEqualTo(0);
    }
}
