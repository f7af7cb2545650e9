package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.AnswerValidationTests;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The coach makes the employee's own-data link; the employee opens it on a phone, reads their answers and who looked
 * at their data, downloads everything and asks for a correction, which the coach finds on the caseload.
 */
class OwnDataBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;

    @Test
    void theEmployeeSeesDownloadsAndAsksForACorrectionOnAPhone() throws Exception {
        var coachUser = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long id = trajectories.start(coachUser, new StartTrajectoryForm(null, "Noor", "Inzage",
                LocalDate.of(1996, 2, 9), "noor@example.org", null, commissioner, TrajectoryPhase.COACHING, today,
                null, "Fietsenmaker Wiel", "Monteur", new BigDecimal("28"), ContractType.TEMPORARY, today, null));
        contacts.log(coachUser, id, new LogContactForm(today, 60, Party.EMPLOYEE, ContactMode.WORKPLACE_VISIT,
                Set.of(Theme.LIMITS), "Afspraken over pauzes <script>alert(1)</script>"));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        measurement.submit(coachUser, id, wave, Respondent.EMPLOYEE, AnswerValidationTests.completeEmployeeAnswers());

        try {
            Page coach = phone();
            logIn(coach, "coach");
            coach.navigate("/trajectories/" + id);
            assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Mijn gegevens (inzage voor de werknemer)"))).isVisible();
            assertFitsThePhone(coach);
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link voor Mijn gegevens maken"))
                    .click();
            assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Link naar Mijn gegevens"))).isVisible();
            assertAccessible(coach, "own-data-link");
            String link = coach.getByLabel("Persoonlijke link voor de werknemer").inputValue();
            assertThat(link).matches("http://localhost:\\d+/own/[A-Za-z0-9_-]{43}");
            context.close();

            Page employee = phone();
            employee.navigate(link);
            employee.waitForURL(url -> url.endsWith("/own"));
            assertThat(employee.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mijn gegevens")
                    .setExact(true))).isVisible();
            assertThat(employee.getByText("Afspraken over pauzes <script>alert(1)</script>")).isVisible();
            employee.getByText("Vragenlijst T0, ingevuld op", new Page.GetByTextOptions()).click();
            assertThat(employee.getByText("Heb je op dit moment betaald werk?")).isVisible();
            assertThat(AnswerLayoutBrowserTests.squeezed(employee)).as("own answers squeezed on a phone").isEmpty();
            employee.setViewportSize(1280, 900);
            assertThat(AnswerLayoutBrowserTests.squeezed(employee)).as("own answers squeezed on a desktop").isEmpty();
            employee.setViewportSize(375, 812);
            var accesses = employee.locator(".access-lines");
            assertThat(accesses.getByText("Een jobcoach van ").first()).isVisible();
            assertAccessible(employee, "own-data");
            assertFitsThePhone(employee);

            var download = employee.waitForDownload(() -> employee.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Alles downloaden (JSON)")).click());
            String json = Files.readString(download.path());
            assertThat(json).contains("\"firstName\" : \"Noor\"", "Afspraken over pauzes", "paid_work");

            employee.getByLabel("Wat klopt er niet, en hoe moet het wel?").fill("Ik werk 32 uur, niet 28.");
            employee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verzoek versturen")).click();
            assertThat(employee.getByRole(AriaRole.STATUS).getByText("Je verzoek is naar je jobcoach gestuurd."))
                    .isVisible();
            assertAccessible(employee, "own-data-correction-sent");
            context.close();

            Page coachAgain = phone();
            logIn(coachAgain, "coach");
            coachAgain.navigate("/caseload");
            var signal = coachAgain.locator(".signal-CORRECTION_REQUESTED").filter(
                    new com.microsoft.playwright.Locator.FilterOptions().setHasText("Noor Inzage"));
            assertThat(signal.getByText("Ik werk 32 uur, niet 28.")).isVisible();
            assertAccessible(coachAgain, "caseload-correction-signal");
        } finally {
            int version = jdbc.sql("select version from trajectory where id = :t").param("t", id)
                    .query(Integer.class).single();
            trajectories.changePhase(coachUser, id, new ChangePhaseForm(version, TrajectoryPhase.CLOSED, today,
                    ClosingReason.OTHER, null, null, null, null, null));
        }
    }
}
