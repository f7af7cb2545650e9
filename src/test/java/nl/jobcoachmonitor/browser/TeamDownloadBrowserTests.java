package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import nl.jobcoachmonitor.shared.Spreadsheet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/** The manager downloads the team's hours against grants as a spreadsheet from the team page, on a phone. */
class TeamDownloadBrowserTests extends BrowserTest {

    @Test
    void managerDownloadsTheTeamsHoursAsASpreadsheet() throws Exception {
        Page manager = phone();
        logIn(manager, "manager");
        manager.navigate("/team");
        assertAccessible(manager, "team with downloads");
        assertFitsThePhone(manager);
        var download = manager.waitForDownload(() -> manager.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Tabellen downloaden (Excel)")).click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");
        var sheets = Spreadsheet.read(Files.readAllBytes(download.path()));
        assertThat(sheets.keySet()).containsExactly("Selectie", "Per jobcoach", "Per opdrachtgever");

        manager.navigate("/team/satisfaction");
        assertAccessible(manager, "satisfaction");
        assertFitsThePhone(manager);
    }
}
