package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.identity.Totp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager on a phone exports the whole organisation: turns on the second factor, opens "Organisatie exporteren"
 * from the team page, sees what is included and how large it is, is stopped without the confirmation, then confirms,
 * enters a current code and gets the ZIP.
 */
class OrganisationExportBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aManagerConfirmsWithACodeAndDownloadsTheOrganisation() throws IOException {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select 'export-browser', password_hash, 'Eva Export', 'MANAGER', organisation_id, true "
                + "from app_user where username = 'manager'").update();
        Page page = phone();
        logIn(page, "export-browser");
        page.navigate("/account/two-factor");
        String secret = page.locator("#secret").textContent().replace(" ", "");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(Totp.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanzetten")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verder")).click();

        page.navigate("/team");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organisatie exporteren")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Organisatie exporteren"))
                .isVisible()).isTrue();
        assertThat(page.locator(".export-files").textContent()).contains("contacts.csv").contains("regels");
        assertThat(page.locator("#estimate").textContent()).contains("werknemers").contains("MB");
        assertAccessible(page, "organisation export");
        assertFitsThePhone(page);

        page.getByLabel("Code uit uw authenticator-app").fill(Totp.code(secret, Instant.now().plusSeconds(30)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export downloaden")).click();
        assertThat(page.locator(".error-summary").textContent()).contains("Bevestig dat u begrijpt");
        assertAccessible(page, "organisation export not confirmed");
        assertFitsThePhone(page);

        page.getByLabel("Ik begrijp dat dit bestand").check();
        page.getByLabel("Code uit uw authenticator-app").fill(Totp.code(secret, Instant.now().plusSeconds(30)));
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Export downloaden")).click());
        assertThat(download.suggestedFilename()).startsWith("jobcoach-monitor-export-").endsWith(".zip");
        Map<String, String> files = new HashMap<>();
        try (var zip = new ZipInputStream(Files.newInputStream(download.path()), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("employees.csv", "trajectories.csv", "contacts.csv", "answers.csv",
                "README.md", "manifest.csv");
        assertThat(files.get("contacts.csv")).startsWith("source_id,trajectory_source_id,contact_on,minutes,party");
    }
}
