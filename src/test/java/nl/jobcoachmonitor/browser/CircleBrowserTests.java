package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.OffsetDateTime;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coach registers for a knowledge circle meeting on a phone and unregisters again; ticking the theme debts on the
 * contact form shows the knowledge card about debt counselling beside it.
 */
class CircleBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aCoachRegistersForAMeetingOnAPhone() {
        String title = "Belastbaarheid en stress " + System.nanoTime() % 100_000;
        long circle = jdbc.sql("select min(c.id) from circle c join app_user u on u.id = c.organiser_id "
                + "where u.username = 'manager'").query(Long.class).single();
        var start = OffsetDateTime.now().plusDays(9).withHour(14).withMinute(0).withSecond(0).withNano(0);
        jdbc.sql("insert into meeting (circle_id, title, description, starts_at, ends_at, format, place, capacity, "
                + "created_by, created_at) select :c, :t, 'Over stress en belastbaarheid op het werk.', :s, :e, "
                + "'IN_PERSON', 'Zwolle', 30, organiser_id, current_timestamp from circle where id = :c")
                .param("c", circle).param("t", title).param("s", start).param("e", start.plusHours(2)).update();

        Page page = phone();
        logIn(page, "coach");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kenniskring").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Komende bijeenkomsten")))
                .isVisible();
        assertAccessible(page, "circle-overview");
        assertFitsThePhone(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
        assertThat(page.getByText("30 van 30 plaatsen vrij").first()).isVisible();
        assertAccessible(page, "circle-meeting");
        assertFitsThePhone(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Je bent aangemeld.");
        assertThat(page.getByText("Je bent aangemeld voor deze bijeenkomst.")).isVisible();
        assertThat(page.getByText("29 van 30 plaatsen vrij").first()).isVisible();
        assertAccessible(page, "circle-registered");
        assertFitsThePhone(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afmelden")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Je bent afgemeld.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden").setExact(true)))
                .isVisible();
    }

    @Test
    void theCardsOfATickedThemeAppearBesideTheContactForm() {
        long trajectory = jdbc.sql("select min(t.id) from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = 'coach' and t.phase <> 'CLOSED'").query(Long.class).single();
        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + trajectory);
        page.locator("#contacts").getByText("Contact vastleggen").click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Schulden en geldzorgen")).check();
        var cards = page.locator("#contacts .knowledge-cards");
        assertThat(cards).containsText("Schuldhulpverlening: wat klopt er wel?");
        cards.getByText("Schuldhulpverlening: wat klopt er wel?").click();
        assertThat(cards).containsText("huisdieren");
        assertAccessible(page, "contact-form-knowledge-cards");
        assertFitsThePhone(page);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Schulden en geldzorgen")).uncheck();
        assertThat(cards).not().containsText("Schuldhulpverlening");
    }
}
