package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Forms show every error at once, with a summary at the top that links to each field; moving a job search to coaching
 * on the job finds the organisation's employers by typing, or adds a new one.
 */
class FormsBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    @Test
    void theNewTrajectoryFormListsAllItsErrorsAtOnceInASummaryLinkedToTheFields() {
        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/new");
        page.getByLabel("E-mail").fill("geen-adres");
        page.getByLabel("Contracturen per week").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Traject starten")).click();

        Locator summary = page.locator(".error-summary");
        assertThat(summary).hasAttribute("role", "alert");
        assertThat(summary).isFocused();
        int fieldErrors = page.locator("p.field-error").count();
        // first name, last name, birth date, e-mail, employer, job title, contract hours
        assertThat(fieldErrors).isGreaterThanOrEqualTo(7);
        assertThat(summary.getByRole(AriaRole.HEADING))
                .hasText("Er zijn " + fieldErrors + " fouten in het formulier");
        assertThat(summary.getByRole(AriaRole.LISTITEM)).hasCount(fieldErrors);
        assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Voornaam: Dit veld is verplicht.")))
                .isVisible();
        assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("E-mail: Vul een geldig e-mailadres in.")))
                .isVisible();
        assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Functie: Vul de functie in.")))
                .isVisible();
        assertAccessible(page, "new-trajectory-error-summary");
        assertFitsThePhone(page);

        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Contracturen per week").setExact(false))
                .click();
        assertThat(page.getByLabel("Contracturen per week")).isFocused();
        assertThat(page.getByLabel("E-mail")).hasValue("geen-adres");
    }

    @Test
    void theContactFormSwappedInPlaceSummarisesItsErrorsToo() {
        Page page = phone();
        logIn(page, "coach");
        long id = jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = 'coach' and t.phase = 'COACHING' order by t.id limit 1").query(Long.class).single();
        page.navigate("/trajectories/" + id);
        page.getByText("Contact vastleggen").first().click();
        page.getByLabel("Datum", new Page.GetByLabelOptions().setExact(true)).fill(LocalDate.now().plusDays(3).toString());
        page.getByLabel("Duur in minuten").fill("900");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).click();
        Locator summary = page.locator("#contacts .error-summary");
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Er zijn 2 fouten in het formulier");
        assertThat(summary).isFocused();
        assertThat(summary.getByRole(AriaRole.LINK)).hasCount(2);
        assertAccessible(page, "contact-error-summary");
    }

    long jobSearch(String lastName) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate start = LocalDate.now().minusDays(20);
        return trajectories.start(coach, new StartTrajectoryForm(null, "Sem", lastName, LocalDate.of(1998, 5, 1),
                null, null, commissioner, TrajectoryPhase.JOB_SEARCH, start, null, null, null, null, null, null,
                null));
    }

    @Test
    void movingToCoachingOnTheJobAddsANewEmployerAfterListingAllMissingJobFields() {
        long id = jobSearch("Nieuwewerkgever");
        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + id + "/phase");
        page.getByLabel("Nieuwe fase").selectOption("COACHING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        Locator summary = page.locator(".error-summary");
        assertThat(summary.getByRole(AriaRole.HEADING)).hasText("Er zijn 3 fouten in het formulier");
        assertThat(summary.getByRole(AriaRole.LINK)).containsText(new String[] {"Werkgever: Kies een werkgever.",
                "Functie: Vul de functie in.", "Contracturen per week: Vul de contracturen per week in."});
        assertAccessible(page, "phase-error-summary");

        page.getByLabel("Werkgever").fill("Kringloopwinkel De Tweede Ronde");
        page.getByLabel("Functie").fill("Medewerker sorteren");
        page.getByLabel("Contracturen per week").fill("20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        assertThat(page.getByText("Kringloopwinkel De Tweede Ronde")).isVisible();
        var employer = jdbc.sql("""
                select e.id, e.organisation_id = t.organisation_id from trajectory t join employer e on e.id = t.employer_id
                where t.id = :t and e.name = 'Kringloopwinkel De Tweede Ronde'""").param("t", id)
                .query((rs, n) -> rs.getBoolean(2)).single();
        assertThat(employer).as("the new employer belongs to the coach's organisation").isTrue();
        assertThat(jdbc.sql("select phase from trajectory where id = :t").param("t", id).query(String.class).single())
                .isEqualTo("COACHING");
    }

    @Test
    void typingFindsAnExistingEmployerOfTheOwnOrganisationOnly() {
        long id = jobSearch("Bestaandewerkgever");
        long organisation = jdbc.sql("select organisation_id from trajectory where id = :t").param("t", id)
                .query(Long.class).single();
        List<String> own = jdbc.sql("select name from employer where organisation_id = :o order by name")
                .param("o", organisation).query(String.class).list();
        List<String> others = jdbc.sql("select name from employer where organisation_id <> :o and name not in "
                + "(select name from employer where organisation_id = :o)").param("o", organisation)
                .query(String.class).list();
        String existing = own.get(0);
        long employersBefore = jdbc.sql("select count(*) from employer").query(Long.class).single();

        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + id + "/phase");
        page.getByLabel("Nieuwe fase").selectOption("COACHING");
        Locator field = page.getByLabel("Werkgever");
        assertThat(field).hasAttribute("list", "employer-options");
        @SuppressWarnings("unchecked")
        List<String> suggested = (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('#employer-options option')].map(o => o.value)");
        assertThat(suggested).containsExactlyInAnyOrderElementsOf(own).doesNotContainAnyElementsOf(others);
        assertAccessible(page, "phase-employer-typing");
        assertFitsThePhone(page);

        field.pressSequentially(existing.substring(0, 5).toLowerCase());
        field.fill(" " + existing.toUpperCase() + " ");
        page.getByLabel("Functie").fill("Inpakker");
        page.getByLabel("Contracturen per week").fill("24");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
        page.waitForURL(url -> url.endsWith("/trajectories/" + id));
        assertThat(jdbc.sql("select count(*) from employer").query(Long.class).single())
                .as("no new employer for a name the organisation has").isEqualTo(employersBefore);
        assertThat(jdbc.sql("select e.name from trajectory t join employer e on e.id = t.employer_id where t.id = :t")
                .param("t", id).query(String.class).single()).isEqualTo(existing);
    }
}
