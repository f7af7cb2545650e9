package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.AnswerValidationTests;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** On a phone, the coach enters a questionnaire the employee answered on paper months ago, with the day it was answered. */
class AfterwardsEntryBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    @Test
    void theCoachEntersAPaperQuestionnaireWithAPastDate() {
        LocalDate start = LocalDate.now().minusMonths(4);
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Noor", "Papier", LocalDate.of(1998, 8, 8),
                null, null, commissioner, TrajectoryPhase.COACHING, start, null, "Bakkerij Papier", "Bakker",
                new BigDecimal("26"), ContractType.TEMPORARY, start, null));

        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + id);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Papieren vragenlijst T0 van de werknemer achteraf invoeren")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Papieren vragenlijst achteraf invoeren, meting T0"))).isVisible();
        assertAccessible(page, "afterwards-entry");
        assertFitsThePhone(page);

        // as a person does: a question that follows from an earlier answer appears once that answer is given
        var answers = new java.util.TreeMap<>(AnswerValidationTests.completeEmployeeAnswers());
        for (int pass = 0; pass < 2 && !answers.isEmpty(); pass++) {
            for (var it = answers.entrySet().iterator(); it.hasNext();) {
                var answer = it.next();
                if (!page.locator("#q-" + answer.getKey()).isVisible()) {
                    continue;
                }
                var choice = page.locator("#q-" + answer.getKey() + " label.choice:has(input[value='"
                        + answer.getValue() + "'])");
                if (choice.count() > 0) {
                    choice.click();
                } else {
                    page.locator("[name='" + answer.getKey() + "']").fill(String.valueOf(answer.getValue()));
                }
                it.remove();
            }
        }
        assertThat(answers).isEmpty();
        // a day in the future is refused with a message, and the answers stay
        page.getByLabel("Beantwoord op").fill(LocalDate.now().plusDays(2).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
        assertThat(page.locator("#answeredOn-error")).hasText("De dag van beantwoorden kan niet in de toekomst liggen.");
        assertThat(page.locator(".error-summary a[href=\"#answeredOn\"]")).isVisible();
        assertAccessible(page, "afterwards-entry-error");

        LocalDate answeredOn = start.plusDays(4);
        page.getByLabel("Beantwoord op").fill(answeredOn.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
        page.waitForURL(url -> url.endsWith("/trajectories/" + id));
        assertThat(page.getByText("De papieren vragenlijst is achteraf ingevoerd, met de dag waarop die is beantwoord."))
                .isVisible();
        assertThat(page.locator("#wave-T0")).containsText("achteraf ingevoerd op");
        assertThat(page.locator("#wave-T0 td[data-label='Werknemer'] a")).hasText("ingevuld");
        assertFitsThePhone(page);

        assertThat(jdbc.sql("select employee_answered_on from wave_indicator w join trajectory t on t.id = "
                + "w.trajectory_id where t.id = :t and w.wave_code = 'T0'").param("t", id).query(LocalDate.class)
                .single()).isEqualTo(answeredOn);
    }
}
