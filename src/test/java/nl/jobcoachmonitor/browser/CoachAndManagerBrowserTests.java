package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CoachAndManagerBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void coachLogsAContactOnAPhoneAndSeesTheHoursOfTheMonthGoUp() {
        Page page = phone();
        page.navigate("/login");
        assertAccessible(page, "login");
        logIn(page, "coach");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Caseload"))).isVisible();
        assertAccessible(page, "caseload");
        assertFitsThePhone(page);

        String name = jdbc.sql("""
                select e.first_name || ' ' || e.last_name from trajectory t join employee e on e.id = t.employee_id
                join app_user u on u.id = t.coach_id where u.username = 'coach' and t.phase = 'COACHING'
                order by e.last_name, e.first_name limit 1""").query(String.class).single();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1)))
                .isVisible();
        page.locator("#intensity-chart").waitFor();
        assertThat(paintedPixels(page)).as("the chart is drawn").isGreaterThan(500);
        assertAccessible(page, "trajectory");
        assertFitsThePhone(page);

        double before = hours(page);
        page.locator("#contacts").getByText("Contact vastleggen").click();
        page.getByLabel("Duur in minuten").fill("60");
        page.getByLabel("Met wie").selectOption("EMPLOYEE");
        page.getByLabel("Vorm").selectOption("PHONE");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Omgaan met stress")).check();
        page.getByLabel("Korte notitie").fill("Gebeld over de drukte bij de inventarisatie");
        assertAccessible(page, "trajectory-contact-form");
        // An impatient double tap must not log the contact twice.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).dblclick();

        assertThat(page.getByText("Het contact is vastgelegd.")).isVisible();
        assertThat(page.locator("#hours-this-month"))
                .hasText(String.format(java.util.Locale.forLanguageTag("nl"), "%.1f", before + 1.0));
        assertThat(page.getByText("Gebeld over de drukte bij de inventarisatie")).isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from contact where note = :n")
                .param("n", "Gebeld over de drukte bij de inventarisatie").query(Long.class).single()).isEqualTo(1);
        assertThat(paintedPixels(page)).as("the chart is drawn again after the swap").isGreaterThan(500);
        assertAccessible(page, "trajectory-after-contact");
        assertThat(page.url()).doesNotContain("/contacts");
    }

    @Test
    void badInputIsShownAtTheFieldAndTheFormKeepsWhatWasTyped() {
        Page page = phone();
        logIn(page, "coach");
        long id = jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = 'coach' and t.phase = 'COACHING' order by t.id limit 1").query(Long.class).single();
        page.navigate("/trajectories/" + id);
        page.locator("#contacts").getByText("Contact vastleggen").click();
        page.getByLabel("Duur in minuten").fill("900");
        page.getByLabel("Korte notitie").fill("Te lang gesprek");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).click();
        assertThat(page.locator("#minutes-error")).hasText("De waarde mag hoogstens 480 zijn.");
        assertThat(page.getByLabel("Korte notitie")).hasValue("Te lang gesprek");
        assertThat(page.getByLabel("Duur in minuten")).hasAttribute("aria-invalid", "true");
        assertAccessible(page, "trajectory-contact-error");
    }

    @Test
    void managerReassignsATrajectoryToAnotherCoach() {
        long id = jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = 'coach' and t.phase <> 'CLOSED' order by t.id desc limit 1")
                .query(Long.class).single();
        String coach2 = jdbc.sql("select display_name from app_user where username = 'coach2'").query(String.class)
                .single();
        Page page = phone();
        logIn(page, "manager");
        page.navigate("/team");
        assertAccessible(page, "team");
        page.navigate("/trajectories/" + id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Andere jobcoach")).click();
        assertAccessible(page, "reassign");
        page.getByLabel("Nieuwe jobcoach").selectOption(String.valueOf(jdbc.sql(
                "select id from app_user where username = 'coach2'").query(Long.class).single()));
        page.getByLabel("Reden van de overdracht").fill("Andere regio.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overdragen")).click();

        assertThat(page.getByText("Het traject is overgedragen.")).isVisible();
        assertThat(page.locator("dd").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(coach2)))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select u.username from trajectory t join app_user u "
                + "on u.id = t.coach_id where t.id = :id").param("id", id).query(String.class).single())
                .isEqualTo("coach2");
    }

    @Test
    void theInterfaceSwitchesToEnglish() {
        Page page = phone();
        logIn(page, "coach");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Hours this month")))
                .isAttached();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertAccessible(page, "caseload-en");
    }

    /** Non-transparent pixels on the intensity chart's canvas: zero when Chart.js drew nothing. */
    private static int paintedPixels(Page page) {
        page.waitForFunction("() => window.Chart && Chart.getChart('intensity-chart')");
        return ((Number) page.evaluate("""
                () => {
                  const c = document.getElementById('intensity-chart');
                  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let painted = 0;
                  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
                  return painted;
                }""")).intValue();
    }

    private static double hours(Page page) {
        return Double.parseDouble(page.locator("#hours-this-month").innerText().trim().replace(',', '.'));
    }
}
