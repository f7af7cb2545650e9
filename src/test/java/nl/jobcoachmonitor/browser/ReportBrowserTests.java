package nl.jobcoachmonitor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import org.junit.jupiter.api.Test;

/** The commissioner opens the study report on a phone, narrows it to an age band, and sees the charts. */
class ReportBrowserTests extends BrowserTest {

    @Test
    void theCommissionerReadsTheReportAndNarrowsItWithoutLeavingThePage() {
        Page page = phone();
        logIn(page, "gemeente");
        assertThat(page.url()).endsWith("/report");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("De tabel van het onderzoek"))
                .isVisible()).isTrue();
        page.waitForFunction("() => window.Chart && Chart.getChart('report-values-chart') !== undefined");
        assertAccessible(page, "report");
        assertFitsThePhone(page);

        page.getByLabel("Leeftijd bij de start").selectOption(new SelectOption().setLabel("30 en ouder"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toon rapportage")).click();
        page.waitForURL("**ageBand=FROM_30**");
        assertThat(page.locator("#results").textContent()).contains("Trajecten:");
        assertAccessible(page, "report narrowed");

        page.navigate("/report?lang=en");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The study's table"))
                .isVisible()).isTrue();
    }
}
