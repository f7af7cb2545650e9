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

    @Test
    void theManagerSeesCrudeAndAdjustedOddsRatiosSideBySideAndAPlainSummary() {
        Page page = phone();
        logIn(page, "manager");
        page.navigate("/report");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("In het kort")).isVisible())
                .isTrue();
        assertThat(page.locator("ul.summary li").count()).isGreaterThanOrEqualTo(3);
        assertThat(page.locator("#results").textContent()).contains("Gecorrigeerd betekent: vergeleken met trajecten");
        var table = page.locator("#associations");
        assertThat(table.locator("thead").textContent()).contains("Ongecorrigeerd (95%-interval)")
                .contains("Gecorrigeerd (95%-interval)");
        var row = table.locator("tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Klik (werknemer)")).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Nog aan het werk na 6 maanden"));
        assertThat(row.count()).isEqualTo(1);
        String crude = row.locator("td").nth(1).textContent().strip();
        String adjusted = row.locator("td").nth(2).textContent().strip();
        assertThat(crude).as("crude").matches("(?s)OR \\d+,\\d\\d\\s+\\(\\d+,\\d\\d – \\d+,\\d\\d\\).*");
        assertThat(adjusted).as("adjusted").matches("(?s)OR \\d+,\\d\\d\\s+\\(\\d+,\\d\\d – \\d+,\\d\\d\\).*");
        assertThat(adjusted).isNotEqualTo(crude);
        assertThat(page.locator("#results").textContent()).contains("Gecorrigeerd model voor Nog aan het werk na 6 maanden:")
                .contains("complete gevallen");
        assertAccessible(page, "report-crude-adjusted");
        assertFitsThePhone(page);

        // a selection of a few persons: one message, no tables of suppressed rows
        page.navigate("/report?from=2000-01&to=2000-01");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("minder dan 10 trajecten")).count()).isEqualTo(1);
        assertThat(page.locator("#results table").count()).isZero();
        assertAccessible(page, "report-too-few");
    }
}
