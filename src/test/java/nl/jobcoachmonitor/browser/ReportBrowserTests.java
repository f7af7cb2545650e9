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
        // every cell is an estimate with its interval, or says why there is none; some rows have both figures
        String number = "(?s)(OR|r|b) -?\\d+,\\d\\d\\s+\\(-?\\d+,\\d\\d – -?\\d+,\\d\\d\\).*";
        var rows = table.locator("tbody tr");
        assertThat(rows.count()).isEqualTo(12);
        int both = 0;
        for (int i = 0; i < rows.count(); i++) {
            String crude = rows.nth(i).locator("td").nth(1).textContent().strip();
            String adjusted = rows.nth(i).locator("td").nth(2).textContent().strip();
            for (String cell : new String[] { crude, adjusted }) {
                assertThat(cell.matches(number) || cell.equals("te weinig gegevens om iets te zeggen")
                        || cell.equals("niet getoond (te weinig personen)")).as(cell).isTrue();
            }
            if (crude.startsWith("OR ") && adjusted.startsWith("OR ")) {
                both++;
                assertThat(adjusted).isNotEqualTo(crude);
            }
        }
        assertThat(both).as("rows with a crude and an adjusted odds ratio").isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#results").textContent()).contains("Gecorrigeerd model voor Nog aan het werk na 6 maanden:")
                .contains("complete gevallen");
        assertAccessible(page, "report-crude-adjusted");
        assertFitsThePhone(page);

        // a selection of a few persons: one message, no tables of suppressed rows
        page.navigate("/report?from=2000-01&to=2000-01");
        assertAccessible(page, "report-too-few");
        assertThat(page.locator("#results [role=status]").allTextContents()).as(page.content())
                .anyMatch(text -> text.contains("minder dan 10 trajecten"));
        assertThat(page.locator("#results table").count()).isZero();
    }
}
