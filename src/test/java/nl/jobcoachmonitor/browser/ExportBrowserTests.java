package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consent and the research export in the browser: the coach records consent on the trajectory page, the researcher
 * defines a project, the manager approves it, the researcher downloads the ZIP and sees it among the past exports.
 */
class ExportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoachRecordsConsentOnTheTrajectoryPage() {
        long id = jdbc.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id where u.username = "
                + "'coach' and t.phase <> 'CLOSED' order by t.id").query(Long.class).list().get(0);
        Page page = phone();
        logIn(page, "coach");
        page.navigate("/trajectories/" + id);
        page.locator("#consent-section").waitFor();
        page.getByText("Besluit vastleggen").click();
        page.getByLabel("Gebruik voor onderzoek").check();
        page.getByLabel("Toestemming gegeven").check();
        assertAccessible(page, "consent");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vastleggen").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS).textContent()).contains("Het besluit is vastgelegd.");
        assertThat(page.locator("#consent-now-RESEARCH").textContent()).contains("Gegeven").contains("2026-1");
        assertFitsThePhone(page);
    }

    @Test
    void researcherDefinesAProjectTheManagerApprovesItAndTheResearcherDownloads() throws Exception {
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'manager'")
                .query(Long.class).single();
        Page page = phone();
        logIn(page, "onderzoeker");
        assertThat(page.url()).endsWith("/research");
        page.getByLabel("Naam van het project").fill("Duurzaam werk 2026");
        page.getByLabel("Doel van het onderzoek").fill("Welke begeleiding helpt jongvolwassenen hun werk te houden?");
        page.getByLabel("Jobcoachorganisatie").selectOption(new SelectOption().setValue(String.valueOf(organisation)));
        // the period is whole months: a month field with a visible label, described by the format hint
        var from = page.getByLabel("Start van het traject vanaf (maand)");
        assertThat(from.getAttribute("type")).isEqualTo("month");
        assertThat(page.locator("#" + from.getAttribute("aria-describedby")).textContent()).contains("jjjj-mm");
        assertAccessible(page, "research projects");
        assertFitsThePhone(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Project aanmaken")).click();
        page.waitForURL("**/research/projects/*");
        String projectUrl = page.url();
        assertThat(page.locator("#project-status").textContent()).contains("Wacht op goedkeuring");
        assertAccessible(page, "research project waiting");
        context.close();

        Page manager = phone();
        logIn(manager, "manager");
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Onderzoeksexports")).click();
        manager.waitForURL("**/team/exports");
        assertAccessible(manager, "export approvals");
        assertFitsThePhone(manager);
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Project Duurzaam werk 2026 goedkeuren"))
                .click();
        assertThat(manager.getByRole(AriaRole.STATUS).textContent()).contains("Het project is goedgekeurd.");
        context.close();

        Page researcher = phone();
        logIn(researcher, "onderzoeker");
        researcher.navigate(projectUrl);
        assertThat(researcher.locator("#project-status").textContent()).contains("Goedgekeurd door Petra Hendriks");
        var download = researcher.waitForDownload(() -> researcher.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Alles in één ZIP-bestand")).click());
        assertThat(download.suggestedFilename()).endsWith("export.zip");
        byte[] zip = Files.readAllBytes(download.path());
        List<String> entries = new ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactlyInAnyOrder("wide.csv", "long.csv", "codebook.csv", "read-export.R",
                "read-export.sps", "export.xlsx");
        researcher.reload();
        assertThat(researcher.locator("table").textContent()).contains("export.zip").contains("Lotte Verbeek");
        assertAccessible(researcher, "research project downloaded");
        assertFitsThePhone(researcher);
    }
}
