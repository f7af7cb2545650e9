package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.PlanManagement;
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
 * On a phone the coach corrects an employee's e-mail, a contact's minutes and a goal's wording, deletes a contact
 * logged by mistake, and reads the history (old → new) on the trajectory page; the employee sees the corrections,
 * their goals and who looked at their data, in words, on their own page.
 */
class CorrectionBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired PlanManagement plans;
    @Autowired UserDetailsService users;

    /**
     * "old → new" as the history reads (with the screen reader's "nieuw:" in between); escaped by hand, since
     * Playwright hands the pattern to JavaScript, which knows no \\Q...\\E.
     */
    static Pattern oldToNew(String old, String corrected) {
        return Pattern.compile(literal(old) + "\\s*→\\s*(nieuw:)?\\s*" + literal(corrected));
    }

    private static String literal(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    }

    @Test
    void theCoachCorrectsOnAPhoneAndTheHistoryShowsOldAndNew() throws Exception {
        var coachUser = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(10);
        long id = trajectories.start(coachUser, new StartTrajectoryForm(null, "Rosa", "Rectificatie",
                LocalDate.of(1997, 6, 1), "rosa@exmaple.org", null, commissioner, TrajectoryPhase.COACHING, start,
                null, "Drukkerij Letter", "Zetter", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
        plans.addGoal(coachUser, id, new GoalForm("Ik wil minder overwerkn", Set.of(), true, false,
                today.plusMonths(2)));
        contacts.log(coachUser, id, new LogContactForm(start.plusDays(1), 60, Party.EMPLOYEE,
                ContactMode.WORKPLACE_VISIT, Set.of(Theme.LIMITS), "Eerste gesprek"));
        contacts.log(coachUser, id, new LogContactForm(start.plusDays(2), 45, Party.EMPLOYER, ContactMode.PHONE,
                Set.of(), "Per vergissing vastgelegd"));
        try {
            Page coach = phone();
            logIn(coach, "coach");
            coach.navigate("/trajectories/" + id);
            var corrections = coach.locator("#corrections");
            assertThat(corrections.getByText("Nog geen correcties.")).isVisible();

            // the employee's e-mail
            corrections.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Gegevens werknemer corrigeren")).click();
            assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Gegevens werknemer corrigeren"))).isVisible();
            assertAccessible(coach, "corrections-employee");
            assertFitsThePhone(coach);
            coach.getByLabel("E-mail").fill("rosa@example.org");
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Correctie opslaan")).click();
            assertThat(coach.getByRole(AriaRole.STATUS).getByText("De correctie is opgeslagen.")).isVisible();

            // a contact's minutes
            coach.locator("#contacts .timeline > li").filter(new Locator.FilterOptions().setHasText("60 min"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Corrigeren")).click();
            assertThat(coach.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Contact corrigeren")))
                    .isVisible();
            assertAccessible(coach, "corrections-contact");
            assertFitsThePhone(coach);
            coach.getByLabel("Minuten").fill("90");
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Correctie opslaan")).click();
            assertThat(coach.getByRole(AriaRole.STATUS).getByText("De correctie is opgeslagen.")).isVisible();

            // a contact logged by mistake
            coach.locator("#contacts .timeline > li").filter(new Locator.FilterOptions().setHasText("45 min"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Corrigeren")).click();
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact verwijderen")).click();
            assertThat(coach.getByRole(AriaRole.STATUS).getByText("Het contact is verwijderd.")).isVisible();
            assertThat(coach.locator("#contacts .timeline > li")).hasCount(1);

            // a goal's wording
            coach.locator("#plan .goals li").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Corrigeren")).click();
            assertAccessible(coach, "corrections-goal");
            coach.getByLabel("Het doel in de woorden van de werknemer").fill("Ik wil minder overwerken");
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Correctie opslaan")).click();

            var history = coach.locator("#corrections .correction-history li");
            assertThat(history).hasCount(4);
            assertThat(history.filter(new Locator.FilterOptions().setHasText("Werknemer: e-mail")))
                    .containsText(oldToNew("rosa@exmaple.org", "rosa@example.org"));
            assertThat(history.filter(new Locator.FilterOptions().setHasText("Contact: minuten")))
                    .containsText(oldToNew("60", "90"));
            assertThat(history.filter(new Locator.FilterOptions().setHasText("Contact verwijderd")))
                    .containsText("45 min");
            assertThat(history.filter(new Locator.FilterOptions().setHasText("Doel: doel")))
                    .containsText(oldToNew("Ik wil minder overwerkn", "Ik wil minder overwerken"));
            assertThat(history.first()).containsText("door ");
            coach.locator("#corrections").scrollIntoViewIfNeeded();
            assertAccessible(coach, "corrections-trajectory");
            assertFitsThePhone(coach);
            coach.locator("#corrections").screenshot(new Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("corrections-history.png")));

            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link voor Mijn gegevens maken"))
                    .click();
            String link = coach.getByLabel("Persoonlijke link voor de werknemer").inputValue();
            context.close();

            Page employee = phone();
            employee.navigate(link);
            employee.waitForURL(url -> url.endsWith("/own"));
            assertThat(employee.locator(".correction-history li")).hasCount(4);
            assertThat(employee.locator(".correction-history")).containsText(oldToNew("rosa@exmaple.org", "rosa@example.org"));
            assertThat(employee.locator(".own-goals").getByText("Ik wil minder overwerken",
                    new Locator.GetByTextOptions().setExact(true))).isVisible();
            assertThat(employee.locator(".access-lines").getByText("Een jobcoach van ").first()).isVisible();
            assertThat(employee.locator(".access-lines")).not().containsText("Mijn gegevens bekeken");
            assertThat(employee.locator(".access-lines")).not().containsText("wie je gegevens heeft ingezien");
            assertAccessible(employee, "corrections-own-data");
            assertFitsThePhone(employee);
        } finally {
            int version = jdbc.sql("select version from trajectory where id = :t").param("t", id)
                    .query(Integer.class).single();
            trajectories.changePhase(coachUser, id, new ChangePhaseForm(version, TrajectoryPhase.CLOSED, today,
                    ClosingReason.OTHER, null, null, null, null, null));
        }
    }
}
