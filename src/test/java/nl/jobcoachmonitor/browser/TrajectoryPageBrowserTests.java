package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trajectory page, used all day on a phone: jump links to its parts, Contact vastleggen one tap away wherever one
 * has scrolled, and the measurements as a table with each wave's state and what to do.
 */
class TrajectoryPageBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    long busiestTrajectoryOfCoach() {
        return jdbc.sql("""
                select t.id from trajectory t join app_user u on u.id = t.coach_id and u.username = 'coach'
                left join contact c on c.trajectory_id = t.id where t.phase = 'COACHING'
                group by t.id order by count(c.id) desc, t.id limit 1""").query(Long.class).single();
    }

    @Test
    void jumpLinksLeadToEachPartAndTheContactFormIsOneTapAwayOnAPhone() {
        long id = busiestTrajectoryOfCoach();
        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + id);

        Locator jump = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Op deze pagina"));
        for (String part : List.of("Overzicht", "Plan", "Contacten", "Metingen", "Indicatoren", "Rapportages",
                "Geschiedenis")) {
            assertThat(jump.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(part).setExact(true)))
                    .hasCount(1);
        }
        assertFitsThePhone(page);
        assertAccessible(page, "trajectory-jump-links-phone");

        jump.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Metingen")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Metingen").setLevel(2)))
                .isInViewport();

        // far down the page, the button is still on the screen; one tap and the cursor is in the form
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        Locator logContact = jump.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nieuw contact"));
        assertThat(logContact).isInViewport();
        logContact.click();
        assertThat(page.getByLabel("Duur in minuten")).isInViewport();
        assertThat(page.getByLabel("Duur in minuten")).isFocused();
        page.getByLabel("Duur in minuten").fill("30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).click();
        assertThat(page.getByText("Het contact is vastgelegd.")).isVisible();
        assertAccessible(page, "trajectory-after-one-tap-contact");
    }

    @Test
    void theMeasurementsTableShowsEachWavesStateAndActionsOnADesktopAndAPhone() {
        long id = busiestTrajectoryOfCoach();
        List<String> waves = jdbc.sql("select code from measurement_wave where trajectory_id = :t order by due_on")
                .param("t", id).query(String.class).list();
        assertThat(waves).isNotEmpty();
        Page page = phone();
        page.setViewportSize(1280, 900);
        logIn(page, "coach");
        page.navigate("/trajectories/" + id);

        Locator table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Metingen"));
        assertThat(table.getByRole(AriaRole.COLUMNHEADER)).hasText(new String[] {"Meting", "Datum", "Status",
                "Werknemer", "Jobcoach", "Werkgever (vrijwillig)"});
        assertThat(table.locator("tbody tr")).hasCount(waves.size());
        Locator t0 = table.locator("#wave-T0");
        assertThat(t0.getByRole(AriaRole.ROWHEADER)).hasText("T0");
        assertThat(t0.locator(".wave-state")).hasText(java.util.regex.Pattern.compile("gepland|open|herinneren|te laat|gesloten|vervallen"));
        assertThat(t0.locator("td").nth(2)).not().isEmpty();
        // a row is one line of cells side by side on a desktop
        Object oneLine = page.evaluate("() => { const cells = [...document.querySelectorAll('#wave-T0 > *')];"
                + " return new Set(cells.map(c => Math.round(c.getBoundingClientRect().top))).size === 1; }");
        assertThat(oneLine).isEqualTo(true);
        assertAccessible(page, "trajectory-waves-desktop");

        page.setViewportSize(375, 812);
        page.reload(); // a phone loads the page at its own width (the charts size themselves on load)
        assertFitsThePhone(page);
        assertThat(t0.locator("td").first()).isVisible();
        assertAccessible(page, "trajectory-waves-phone");
    }
}
