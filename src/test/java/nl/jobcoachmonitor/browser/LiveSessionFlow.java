package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.circle.live.LiveFixtures;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live session in three browsers at once, the organiser and two coaches of different organisations: the
 * organiser opens the competency poll, both coaches vote, and every screen shows the result without a reload. The
 * screens may be served by different application instances (ports).
 */
abstract class LiveSessionFlow extends BrowserTest {

    @Autowired JdbcClient jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A phone on the instance at this port, with the console watched as {@link #phone()} does. */
    Page phoneOn(int instancePort) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(375, 812).setLocale("nl-NL").setBaseURL("http://localhost:" + instancePort));
        c.setDefaultTimeout(15_000);
        contexts.add(c);
        Page page = c.newPage();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP ' + e.effectiveDirective + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample))");
        // the page's server-sent event stream is open (the htmx SSE extension says so)
        page.addInitScript("document.addEventListener('htmx:sseOpen', () => { window.liveStreamOpen = true; })");
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
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    void threeScreens(int organiserPort, int firstCoachPort, int secondCoachPort) {
        var fixtures = new LiveFixtures(jdbc);
        // an organiser of its own (password "demo", no second factor), not whichever manager another test made last
        String organiserName = "live-organiser-" + System.nanoTime() % 1_000_000_000L;
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select :n, password_hash, 'Olga Organiser', 'MANAGER', organisation_id, true "
                + "from app_user where username = 'manager'").param("n", organiserName).update();
        long meeting = fixtures.meetingOrganisedBy(organiserName, 6);
        String base = "/circle/meetings/" + meeting + "/live";
        String otherCoach = fixtures.coachOfAnotherOrganisation();

        Page organiser = phoneOn(organiserPort);
        logIn(organiser, organiserName);
        organiser.navigate(base + "/organise");
        Page first = phoneOn(firstCoachPort);
        logIn(first, "coach");
        first.navigate(base);
        Page second = phoneOn(secondCoachPort);
        logIn(second, otherCoach);
        second.navigate(base);
        for (Page p : List.of(first, second)) {
            p.waitForFunction("() => window.liveStreamOpen === true");
            assertThat(p.getByText("Er staat nu geen vraag open")).isVisible();
        }

        organiser.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open de competentiekeuze")).click();
        organiser.waitForFunction("() => window.liveStreamOpen === true");
        // the coaches' screens get the poll by themselves
        for (Page p : List.of(first, second)) {
            assertThat(p.getByText("Kies de drie competenties die jij het belangrijkst vindt")).isVisible();
            p.evaluate("() => { window.notReloaded = true; }");
        }
        organiser.evaluate("() => { window.notReloaded = true; }");

        // three colleagues voted already (as the pages would: counters and the voters' keyed hashes)
        long poll = fixtures.openPoll(meeting);
        List<Long> options = fixtures.options(poll);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into live_poll_voter (poll_id, voter_hash) values (:p, :h)").param("p", poll)
                    .param("h", "%064d".formatted(i)).update();
        }
        jdbc.sql("update live_poll set ballots = ballots + 3 where id = :p").param("p", poll).update();
        jdbc.sql("update live_poll_option set votes = votes + 3 where id in (:o)")
                .param("o", options.subList(0, 3)).update();

        vote(first, "Competentie 1", "Competentie 2", "Competentie 4");
        vote(second, "Competentie 1", "Competentie 3", "Competentie 5");

        for (Page p : List.of(organiser, first, second)) {
            Locator results = p.locator("#live-results");
            assertThat(results.getByText("Antwoorden: 5")).isVisible();
            assertThat(results.locator("ol.live-bars li").first()).containsText("1. Competentie 1");
            assertThat(results.locator("ol.live-bars li").first()).containsText("5 stemmen (100%)");
            assertThat(results.getByText("4 stemmen (80%)")).hasCount(2);
            assertThat((Boolean) p.evaluate("() => window.notReloaded === true")).as("no reload").isTrue();
        }
        assertThat(first.getByText("Je hebt gestemd")).isVisible();
        assertFitsThePhone(first);
        assertAccessible(first, "live-session-coach");
        assertAccessible(organiser, "live-session-organiser");
    }

    private static void vote(Page page, String... competencies) {
        for (String c : competencies) {
            page.locator("#live-poll label.choice").filter(new Locator.FilterOptions().setHasText(c)).click();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stem")).click();
        assertThat(page.getByText("Je stem is geteld")).isVisible();
    }
}
