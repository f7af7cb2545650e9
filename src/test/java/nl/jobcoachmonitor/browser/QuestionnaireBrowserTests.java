package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The coach makes a personal link; the employee answers on a phone, comes back later, and finishes. */
class QuestionnaireBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private long newTrajectory() {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        return trajectories.start(coach, new StartTrajectoryForm(null, "Sanne", "Vragenlijst",
                LocalDate.of(1997, 6, 1), null, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Tuincentrum Groen", "Medewerker planten", new BigDecimal("24"), ContractType.TEMPORARY, today, null));
    }

    private static void choose(Page page, String item, String answer) {
        page.locator("#q-" + item).getByText(answer, new Locator.GetByTextOptions().setExact(true)).click();
    }

    private static void next(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende")).click();
    }

    @Test
    void theEmployeeAnswersBySectionComesBackLaterAndFinishes() {
        long id = newTrajectory();
        Page coach = phone();
        logIn(coach, "coach");
        coach.navigate("/trajectories/" + id);
        assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Metingen"))).isVisible();
        assertAccessible(coach, "trajectory-waves");
        assertFitsThePhone(coach);
        coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Persoonlijke link voor T0 maken"))
                .click();
        assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Persoonlijke link voor meting T0"))).isVisible();
        assertAccessible(coach, "questionnaire-link");
        String link = coach.getByLabel("Link voor de werknemer").inputValue();
        assertThat(link).matches("http://localhost:\\d+/q/[A-Za-z0-9_-]{43}");
        coach.navigate("/trajectories/" + id);
        coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vragenlijst jobcoach voor T0 invullen"))
                .click();
        assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Vragenlijst jobcoach, meting T0"))).isVisible();
        assertThat(coach.locator("#q-care_coordination")).isHidden();
        choose(coach, "care_providers", "Huisarts");
        assertThat(coach.locator("#q-care_coordination")).isVisible();
        assertAccessible(coach, "coach-questionnaire");
        assertFitsThePhone(coach);
        context.close();

        Page employee = phone();
        employee.navigate(link);
        employee.waitForURL(url -> url.endsWith("/q"));
        assertThat(employee.url()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(employee.getByText("Deel 1 van 11")).isVisible();
        assertAccessible(employee, "questionnaire-work");
        assertFitsThePhone(employee);

        choose(employee, "paid_work", "Ja");
        employee.getByLabel("Hoeveel uur per week werk je volgens je contract?").fill("24");
        next(employee);
        assertThat(employee.getByText("Deel 2 van 11")).isVisible();
        choose(employee, "coach_value", "8");
        choose(employee, "rapport_1", "Mee eens");
        choose(employee, "rapport_2", "Helemaal mee eens");
        assertAccessible(employee, "questionnaire-coach");
        assertFitsThePhone(employee);
        next(employee);
        assertThat(employee.locator(".alert-error")).isVisible();
        assertThat(employee.locator("#rapport_3-error")).hasText("Geef hier een antwoord.");
        // the summary at the top names the question and leads to it
        assertThat(employee.locator(".error-summary")).isFocused();
        assertThat(employee.locator(".error-summary a")).hasText(
                "Ik kan mijn verhaal kwijt zonder bang te zijn mijn werk te verliezen. Geef hier een antwoord.");
        employee.locator(".error-summary a").click();
        assertThat(employee.locator("#q-rapport_3 input").first()).isFocused();
        assertAccessible(employee, "questionnaire-error");
        choose(employee, "rapport_3", "Neutraal");
        next(employee);
        assertThat(employee.getByText("Deel 3 van 11")).isVisible();

        employee.reload();
        assertThat(employee.getByText("Deel 3 van 11")).isVisible();
        employee.navigate("/q");
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("De begeleiding")))
                .isVisible();
        choose(employee, "fit_wishes_1", "Mee eens");
        choose(employee, "fit_wishes_2", "Mee eens");
        next(employee);
        assertThat(employee.getByText("Deel 4 van 11")).isVisible();

        assertThat(employee.locator("#q-reaction_employer")).isHidden();
        choose(employee, "disclosed_employer", "Een beetje");
        assertThat(employee.locator("#q-reaction_employer")).isVisible();
        choose(employee, "reaction_employer", "9");
        choose(employee, "disclosed_colleagues", "Nee");
        assertThat(employee.locator("#q-reaction_colleagues")).isHidden();
        assertAccessible(employee, "questionnaire-disclosure");
        next(employee);

        for (int value = 1; value <= 7; value++) {
            assertThat(employee.getByText("Deel " + (4 + value) + " van 11")).isVisible();
            employee.locator("#main fieldset").nth(0).getByText("Ja", new Locator.GetByTextOptions().setExact(true))
                    .click();
            employee.locator("#main fieldset").nth(1).getByText("Neutraal", new Locator.GetByTextOptions()
                    .setExact(true)).click();
            employee.locator("#main fieldset").nth(2).getByText("In zeer grote mate", new Locator
                    .GetByTextOptions().setExact(true)).click();
            if (value == 7) {
                assertAccessible(employee, "questionnaire-work-value");
                employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
            } else {
                next(employee);
            }
        }
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bedankt!")))
                .isVisible();
        assertAccessible(employee, "questionnaire-thanks");

        String stored = jdbc.sql("select r.answers from response r join measurement_wave w on w.id = r.wave_id "
                + "where w.trajectory_id = :t and r.completed_at is not null").param("t", id).query(String.class)
                .single();
        assertThat(stored).contains("\"hours_week\":24").contains("\"reaction_employer\":9")
                .doesNotContain("reaction_colleagues").contains("\"wv_income_achieved\":5");
    }
}
