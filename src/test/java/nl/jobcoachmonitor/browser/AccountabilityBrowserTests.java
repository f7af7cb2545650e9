package nl.jobcoachmonitor.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.GrantRule;
import nl.jobcoachmonitor.plan.GrantRules;
import nl.jobcoachmonitor.plan.PlanCoach;
import nl.jobcoachmonitor.plan.ReportTemplate;
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

/**
 * The accountability report in daily use, on a phone: the coach sets the commissioner's numbers, logs a contact and
 * sees the hours against the grant change in place (amber at 80 %), finds the badge on the caseload, opens the styled
 * print view, and signs the report off only after confirming; the manager sees the badge on the team page.
 */
class AccountabilityBrowserTests extends BrowserTest {

    /** Where the screenshots for the review go (not committed); -Djcm.shots=/work/shots/report */
    static final Path SHOTS = Paths.get(System.getProperty("jcm.shots", "target/screenshots"));

    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired GrantRules rules;

    @Test
    void hoursAgainstTheGrantUpdateInPlaceTheBadgeShowsAndTheReportIsStyledAndConfirmedBeforeSignOff() {
        var coach = (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
        jdbc.sql("insert into commissioner (name, kind) values ('Gemeente Badgestad', 'MUNICIPALITY')").update();
        long commissioner = jdbc.sql("select id from commissioner where name = 'Gemeente Badgestad'")
                .query(Long.class).single();
        rules.save(new GrantRule(commissioner, new BigDecimal("10"), 6, 24, 6, ReportTemplate.MUNICIPALITY,
                new BigDecimal("6.5")));
        LocalDate start = LocalDate.now().minusDays(10);
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Bo", "Badgemaker",
                LocalDate.of(1998, 8, 8), null, null, commissioner, TrajectoryPhase.COACHING, start, null,
                "Tuinderij Badgemaker", "Kweker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));

        Page page = phone();
        logIn(page, PlanCoach.USERNAME);
        page.navigate("/trajectories/" + id);
        page.getByLabel("Opdracht- of zaaknummer").fill("BADGE-2026-9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nummers opslaan")).click();
        assertThat(page.getByText("De nummers van de opdrachtgever zijn opgeslagen.")).isVisible();
        assertThat(page.locator("#grant-use")).hasText("0,0 van 10,0 uur (0%)");

        page.evaluate("() => window.notReloaded = true");
        page.getByText("Contact vastleggen").click();
        page.getByLabel("Duur in minuten").fill("480");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact opslaan")).click();
        assertThat(page.getByText("Het contact is vastgelegd.")).isVisible();
        assertThat(page.locator("#grant-use")).hasText("8,0 van 10,0 uur (80%)");
        assertThat(page.locator("#grant-warning")).containsText("80%");
        assertThat(page.locator(".grant-bar")).hasClass(java.util.regex.Pattern.compile("grant-WARNING"));
        assertThat(page.locator(".grant-scale")).containsText("80 %: 8,0 uur");
        // At 80 % the bar is in the meter's middle (amber) region: above low, not above high (red).
        org.assertj.core.api.Assertions.assertThat(page.locator(".grant-bar meter")
                .evaluate("m => m.value > m.low && m.value <= m.high")).isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("the page was not reloaded").isEqualTo(true);
        page.locator("#grant").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SHOTS.resolve("trajectory-grant-after.png")));
        assertAccessible(page, "trajectory-grant-warning");
        assertFitsThePhone(page);

        page.navigate("/caseload?q=Badgemaker");
        var badge = page.locator("tr", new Page.LocatorOptions().setHasText("Badgemaker")).locator(".grant-badge");
        assertThat(badge).hasText("80 % van de uren");
        org.assertj.core.api.Assertions.assertThat(badge.evaluate("b => getComputedStyle(b).backgroundColor"))
                .isEqualTo("rgb(255, 241, 194)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("caseload-after.png")).setFullPage(true));
        assertAccessible(page, "caseload-grant-badge");
        assertFitsThePhone(page);

        page.navigate("/trajectories/" + id + "/reports");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rapportage maken")).click();
        assertThat(page.locator(".accountability-report")).containsText("BADGE-2026-9");
        assertThat(page.locator(".accountability-report")).containsText("Tuinderij Badgemaker");
        String report = page.url();

        page.navigate(report + "/print");
        var table = page.locator(".accountability-report table").first();
        org.assertj.core.api.Assertions.assertThat(table.evaluate("t => getComputedStyle(t).borderCollapse"))
                .as("the print view's stylesheet applies").isEqualTo("collapse");
        org.assertj.core.api.Assertions.assertThat(page.locator("h1").evaluate("h => getComputedStyle(h).fontSize"))
                .isEqualTo("20px");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("report-print-after.png")).setFullPage(true));
        assertAccessible(page, "report-print");

        page.navigate(report);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aftekenen en versturen")).click();
        assertThat(page.getByText("Bevestig dat u de rapportage hebt gecontroleerd.")).isVisible();
        assertThat(page.getByText("Kies hoe de rapportage naar de opdrachtgever gaat.")).isVisible();
        assertThat(page.getByText("Concept: nog niet verzonden.")).isVisible();
        assertAccessible(page, "report-sign-off-errors");
        page.getByLabel("Overhandigd (op papier of op een andere manier)").check();
        page.getByLabel("Overhandigd op").fill(LocalDate.now().toString());
        page.getByLabel("Ik heb de rapportage gecontroleerd en teken haar af.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aftekenen en versturen")).click();
        assertThat(page.getByText("De rapportage is afgetekend en als overhandigd vastgelegd.")).isVisible();
        assertThat(page.locator("#sending")).containsText("Overhandigd op");
        assertThat(page.locator("#sending")).containsText("Pim Plan");
        assertAccessible(page, "report-signed-handed-over");
        assertFitsThePhone(page);
        context.close();

        Page manager = phone();
        logIn(manager, "manager");
        manager.navigate("/team");
        var row = manager.locator("#grants tr", new Page.LocatorOptions().setHasText("Pim Plan")).first();
        assertThat(row.locator(".grant-badge.grant-WARNING")).containsText("op 80 %");
        manager.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("team-after.png")).setFullPage(true));
        assertAccessible(manager, "team-grant-badges");
    }
}
