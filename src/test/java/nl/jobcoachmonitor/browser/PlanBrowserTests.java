package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.CurrentUser;
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

/** The coach writes a goal, links two contacts to it and produces the accountability report, on a phone. */
class PlanBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    @Test
    void coachWritesAGoalLinksTwoContactsAndSignsOffTheReport() {
        var coach = (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        LocalDate start = LocalDate.now().minusDays(10);
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Sanne", "Planmaker",
                LocalDate.of(1999, 9, 9), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Bakkerij Planmaker", "Verkoper", new BigDecimal("24"), ContractType.TEMPORARY, start, null));

        Page page = phone();
        logIn(page, PlanCoach.USERNAME);
        page.navigate("/trajectories/" + id);
        assertThat(page.locator("#plan")).containsText("Nog geen doelen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coachingsplan openen")).click();
        page.getByText("Doel toevoegen").click();
        page.getByLabel("Het doel, in de woorden van de werknemer").fill("Ik wil zelf mijn pauzes plannen");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Omgaan met stress")).check();
        page.getByLabel("Evaluatiedatum").fill(LocalDate.now().plusMonths(3).toString());
        assertAccessible(page, "plan-goal-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doel opslaan")).click();
        assertThat(page.getByText("Het doel is toegevoegd aan het coachingsplan.")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Ik wil zelf mijn pauzes plannen"))).isVisible();
        assertAccessible(page, "plan");
        assertFitsThePhone(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar het traject")).click();
        int logged = 0;
        for (String minutes : new String[] {"60", "30"}) {
            page.locator("#contacts").getByText("Contact vastleggen").click();
            page.getByLabel("Duur in minuten").fill(minutes);
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Ik wil zelf mijn pauzes plannen"))
                    .check();
            page.getByLabel("Waarom waren deze uren nodig?").fill("Pauzes met de leidinggevende afstemmen");
            page.getByLabel("Korte notitie").fill("Sliep slecht, spanning op het werk");
            if (minutes.equals("60")) {
                assertAccessible(page, "trajectory-contact-with-goal");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).click();
            assertThat(page.getByText("Het contact is vastgelegd.")).isVisible();
            assertThat(page.locator("ol.timeline li", new Page.LocatorOptions().setHasText("Sliep slecht")))
                    .hasCount(++logged);
        }

        page.navigate("/trajectories/" + id + "/plan");
        assertThat(page.locator(".goal-hours").first()).hasText("1,5");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar het traject")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verantwoording")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rapportage maken")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Verantwoording aan UWV"))).isVisible();
        assertThat(page.locator(".accountability-report")).containsText("Ik wil zelf mijn pauzes plannen");
        assertThat(page.locator(".accountability-report")).containsText("1,5 uur besteed van 40,0 uur toegekend");
        assertThat(page.locator(".accountability-report")).not().containsText("Sliep slecht");
        page.getByLabel("Samenvatting van de jobcoach").fill("Sanne plant haar pauzes nu zelf.");
        page.getByLabel("Cijfer van de werknemer voor de begeleiding (1–10)").fill("8");
        page.getByLabel("Cijfer van de werkgever voor de begeleiding (1–10)").fill("7");
        assertAccessible(page, "accountability-report-draft");
        page.getByLabel("Toelichting van de werkgever (niet verplicht)").fill("Prettige samenwerking");
        // submitted from the keyboard (Enter in a text field)
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanvulling opslaan")).click();
        assertThat(page.getByText("De aanvulling is opgeslagen.")).isVisible();
        page.getByLabel("Overhandigd (op papier of op een andere manier)").check();
        page.getByLabel("Overhandigd op").fill(LocalDate.now().toString());
        page.getByLabel("Ik heb de rapportage gecontroleerd en teken haar af.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aftekenen en versturen")).click();
        assertThat(page.getByText("De rapportage is afgetekend en als overhandigd vastgelegd.")).isVisible();
        assertThat(page.locator(".accountability-report")).containsText("Sanne plant haar pauzes nu zelf.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Correctie maken (nieuwe versie)"))).isVisible();
        assertAccessible(page, "accountability-report-signed");
        assertFitsThePhone(page);
    }
}
