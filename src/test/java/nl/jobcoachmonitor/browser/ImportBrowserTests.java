package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.transfer.ImportCohort;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import on a phone: the manager uploads files with a bad row and sees its problem at its row, uploads them
 * corrected, follows the dry run's progress, sees what would be created, imports, follows the import's progress and
 * finds the result.
 */
class ImportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theManagerUploadsSeesTheDryRunImportsAndFollowsTheProgress() {
        String commissioner = jdbc.sql("select name from commissioner order by id limit 1").query(String.class)
                .single();
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Page page = phone();
        logIn(page, "manager");
        page.navigate("/transfer/import");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
                .isEqualTo("Gegevens importeren");
        assertAccessible(page, "import page");
        assertFitsThePhone(page);

        // a bad row: nothing is stored, the problem is named at its file, row and column
        var bad = new ImportCohort(prefix, commissioner, LocalDate.now()).cell("contacts.csv", 2, "minutes", "500");
        page.getByLabel("Bestanden").setInputFiles(bad.paths().toArray(Path[]::new));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proefimport starten")).click();
        page.locator("#problems-summary").waitFor();
        var problem = page.locator("tr", new Page.LocatorOptions().setHasText("Minuten buiten bereik"));
        assertThat(problem.textContent()).contains("contacts.csv").contains("minutes");
        assertAccessible(page, "import problems");
        assertFitsThePhone(page);

        // the corrected files, with enough contacts for the progress bar to show
        page.getByText("Verbeterde bestanden uploaden").click();
        var good = new ImportCohort(prefix, commissioner, LocalDate.now()).moreContacts(2_000, LocalDate.now());
        page.getByLabel("Bestanden").setInputFiles(good.paths().toArray(Path[]::new));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Proefimport starten")).click();
        // the run's page: the progress bar while it runs (htmx asks for the fragment every second), then the result
        page.locator("#import-progress").waitFor();
        assertAccessible(page, "dry run in progress");
        String run = page.url();
        page.getByText("Resultaat van de proefimport").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setTimeout(300_000));
        assertThat(page.request().get(run + "/progress").text()).contains("import-progress").contains("Nu importeren");
        var contacts = page.locator("tr", new Page.LocatorOptions().setHasText("contacts"));
        assertThat(contacts.textContent()).contains("2004");
        assertAccessible(page, "dry run result");
        assertFitsThePhone(page);
        assertThat(jdbc.sql("select count(*) from import_source where source_id like :p").param("p", prefix + "%")
                .query(Long.class).single()).isZero();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nu importeren")).click();
        page.locator("#import-progress").waitFor();
        page.getByText("Import klaar").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setTimeout(300_000));
        assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("verwerkt en opgeslagen");
        assertAccessible(page, "import done");
        assertFitsThePhone(page);
        assertThat(jdbc.sql("select count(*) from import_source where source_id like :p and kind = 'CONTACTS'")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(2_004);
    }
}
