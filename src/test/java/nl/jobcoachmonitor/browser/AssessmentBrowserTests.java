package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.PlanCoach;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The coach makes the employee's assessment link; the employee answers on a 375 px phone; the grade is in the draft. */
class AssessmentBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired UserDetailsService users;

    @Test
    void theEmployeeGradesTheCoachingOnThePhoneByTheirLink() {
        var coachUser = (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        LocalDate start = LocalDate.now().minusDays(10);
        long id = trajectories.start(coachUser, new StartTrajectoryForm(null, "Lotte", "Oordeelaar",
                LocalDate.of(2000, 2, 2), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Kwekerij Oordeel", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
        jdbc.sql("insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months, "
                + "report_every_months, report_template, satisfaction_norm) select :c, 10, 6, 12, 6, 'UWV', 6.5 "
                + "where not exists (select 1 from grant_rule where commissioner_id = :c)").param("c", commissioner)
                .update();
        long reportId = accountability.generate(coachUser, id, start);

        Page coach = phone();
        logIn(coach, PlanCoach.USERNAME);
        coach.navigate("/trajectories/" + id + "/reports/" + reportId);
        coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link voor de werknemer maken")).click();
        assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Link voor het oordeel van de werknemer"))).isVisible();
        assertAccessible(coach, "assessment-link");
        String link = coach.getByLabel("Persoonlijke link").inputValue();
        org.assertj.core.api.Assertions.assertThat(link).matches("http://localhost:\\d+/a/[A-Za-z0-9_-]{43}");
        context.close();

        Page employee = phone();
        employee.navigate(link);
        employee.waitForURL(url -> url.endsWith("/a"));
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Oordeel over de jobcoaching"))).isVisible();
        assertAccessible(employee, "assessment-form");
        assertFitsThePhone(employee);
        employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
        assertThat(employee.locator("#grade-error")).hasText("Kies een cijfer van 1 tot en met 10.");
        assertThat(employee.locator(".error-summary a")).hasText("Hoe tevreden ben je over de jobcoaching?: Kies een cijfer van 1 tot en met 10.");
        assertAccessible(employee, "assessment-form-error");
        employee.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("8").setExact(true)).check();
        employee.getByLabel("Toelichting (niet verplicht)").fill("Fijne begeleiding <img src=x onerror=alert(1)>");
        employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
        assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bedankt"))).isVisible();
        assertAccessible(employee, "assessment-thanks");
        context.close();

        Page again = phone();
        logIn(again, PlanCoach.USERNAME);
        again.navigate("/trajectories/" + id + "/reports/" + reportId);
        assertThat(again.getByLabel("Cijfer van de werknemer voor de begeleiding (1–10)")).hasValue("8");
        assertThat(again.getByLabel("Toelichting van de werknemer (niet verplicht)"))
                .hasValue("Fijne begeleiding <img src=x onerror=alert(1)>");
        assertThat(again.locator(".assessment-states")).containsText("Werknemer: link gemaakt op");
        assertAccessible(again, "report-with-assessment");
        assertFitsThePhone(again);
    }
}
