package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import nl.jobcoachmonitor.identity.Totp;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A privacy officer on a phone: searches the access log; turns on two-step verification (secret read from the page,
 * codes computed here as an authenticator app would), logs out, and logs in again with password and code.
 */
class PrivacyBrowserTests extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @Test
    void thePrivacyOfficerEnrolsASecondFactorAndLogsInWithACode() {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select 'fg-browser', password_hash, 'Fenna Gerritsen', 'PRIVACY_OFFICER', organisation_id, true "
                + "from app_user where username = 'privacy'").update();
        Page page = phone();
        logIn(page, "fg-browser");
        assertThat(page.url()).endsWith("/audit");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Toegangslog").setLevel(1)).isVisible())
                .isTrue();
        assertThat(page.locator("#chain-state").textContent()).startsWith("Keten intact: ")
                .contains(", laatste hash ");
        assertAccessible(page, "audit log");
        assertFitsThePhone(page);

        page.getByLabel("Gebruiker").fill("fg-browser"); // their own search of a moment ago is in the log
        page.getByLabel("Soort gebeurtenis").selectOption("SEARCH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken").setExact(true)).click();
        page.waitForURL("**event=SEARCH**");
        assertThat(page.locator("table.audit-log tbody tr").first().textContent()).contains("Toegangslog")
                .contains("Zoekopdracht").contains("Functionaris gegevensbescherming");
        assertAccessible(page, "audit log searched");
        assertFitsThePhone(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nu aanzetten")).click();
        page.waitForURL("**/account/two-factor");
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("QR-code met de geheime sleutel voor uw authenticator-app")).isVisible()).isTrue();
        assertAccessible(page, "two-factor enrolment");
        assertFitsThePhone(page);
        String secret = page.locator("#secret").textContent().replace(" ", "");
        page.getByLabel("Code").fill(Totp.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanzetten")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Uw herstelcodes"))
                .isVisible()).isTrue();
        assertThat(page.locator(".recovery-codes li").count()).isEqualTo(10);
        assertAccessible(page, "two-factor recovery codes");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
        page.waitForURL("**/login?logout");
        page.getByLabel("Gebruikersnaam").fill("fg-browser");
        page.getByLabel("Wachtwoord").fill("demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        page.waitForURL("**/login/code");
        assertAccessible(page, "two-factor login step");
        // the next time step's code (one step of drift is accepted; the enrolment's code is used up)
        page.getByLabel("Code").fill(Totp.code(secret, Instant.now().plusSeconds(30)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
        page.waitForURL("**/audit");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Toegangslog").setLevel(1)).isVisible())
                .isTrue();
    }
}
