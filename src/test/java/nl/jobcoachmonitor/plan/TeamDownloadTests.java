package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.Spreadsheet;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The manager's team tables as files: hours against grants and the yearly satisfaction, as a workbook (selection
 * sheet, one sheet per table, numbers as numeric cells, headers in the reader's language, the page's figures) and as
 * CSV (the Dutch variant with semicolons and decimal commas); refused to a coach, as the pages are; logged as exports.
 */
@IntegrationTest
class TeamDownloadTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired PlanManagement plans;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired GrantRules rules;

    /** The satisfaction report's own test data helper (signed reports with grades), on this test's beans. */
    private SatisfactionReportTests satisfactionData() {
        var helper = new SatisfactionReportTests();
        helper.jdbc = jdbc;
        helper.users = users;
        helper.trajectories = trajectories;
        helper.accountability = accountability;
        helper.rules = rules;
        return helper;
    }

    private byte[] download(String path, String... params) throws Exception {
        var request = get(path).with(data.as("manager"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private int exports(String objectType) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and object_type = :t")
                .param("t", objectType).query(Integer.class).single();
    }

    @Test
    void theGrantsWorkbookHasTheSelectionAndBothTablesWithThePagesFigures() throws Exception {
        var grants = plans.team((CurrentUser) users.loadUserByUsername("manager"));
        assertThat(grants.perCoach()).isNotEmpty();
        int before = exports("plan");
        var sheets = Spreadsheet.read(download("/team/grants.xlsx"));

        assertThat(sheets.keySet()).containsExactly("Selectie", "Per jobcoach", "Per opdrachtgever");
        assertThat(Spreadsheet.texts(sheets.get("Selectie").get(0))).containsExactly("Gegeven", "Waarde");
        assertThat(sheets.get("Selectie")).anySatisfy(r -> assertThat(Spreadsheet.texts(r).get(0))
                .isEqualTo("Organisatie"));
        assertThat(sheets.get("Selectie")).anySatisfy(r -> assertThat(Spreadsheet.texts(r).get(0))
                .isEqualTo("Periode"));
        assertThat(sheets.get("Selectie")).anySatisfy(r -> assertThat(Spreadsheet.texts(r).get(0))
                .isEqualTo("Gemaakt op"));
        assertThat(Spreadsheet.texts(sheets.get("Per jobcoach").get(0))).containsExactly("Jobcoach", "Trajecten",
                "Gebruikte uren", "Toegekende uren", "Zonder regels", "Op 80% of meer", "Op 100% of meer");
        assertThat(Spreadsheet.texts(sheets.get("Per opdrachtgever").get(0)).get(0)).isEqualTo("Opdrachtgever");
        sameFigures(sheets.get("Per jobcoach"), grants.perCoach());
        sameFigures(sheets.get("Per opdrachtgever"), grants.perCommissioner());
        assertThat(exports("plan")).isEqualTo(before + 1);
    }

    private static void sameFigures(List<Row> rows, List<TeamGrants.Total> totals) {
        assertThat(rows).hasSize(totals.size() + 1);
        for (int i = 0; i < totals.size(); i++) {
            var total = totals.get(i);
            Row row = rows.get(i + 1);
            assertThat(row.getCell(0).getText()).isEqualTo(total.name());
            for (int c = 1; c <= 6; c++) {
                assertThat(row.getCell(c).getType()).isEqualTo(CellType.NUMBER);
            }
            assertThat(row.getCell(1).asNumber().intValue()).isEqualTo(total.trajectories());
            assertThat(row.getCell(2).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(total.hoursUsed())
                    .setScale(1, java.math.RoundingMode.HALF_UP));
            assertThat(row.getCell(3).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(total.hoursGranted())
                    .setScale(1, java.math.RoundingMode.HALF_UP));
            assertThat(row.getCell(4).asNumber().intValue()).isEqualTo(total.withoutRules());
            assertThat(row.getCell(5).asNumber().intValue()).isEqualTo(total.atWarning());
            assertThat(row.getCell(6).asNumber().intValue()).isEqualTo(total.atFull());
        }
    }

    @Test
    void theGrantsWorkbookSpeaksEnglishToAnEnglishReader() throws Exception {
        var sheets = Spreadsheet.read(download("/team/grants.xlsx", "lang", "en"));
        assertThat(sheets.keySet()).containsExactly("Selection", "Per coach", "Per commissioner");
        assertThat(sheets.get("Selection")).anySatisfy(r -> assertThat(Spreadsheet.texts(r).get(0))
                .isEqualTo("Organisation"));
        assertThat(Spreadsheet.texts(sheets.get("Per coach").get(0))).startsWith("Coach");
    }

    @Test
    void theDutchGrantsCsvHasSemicolonsAndDecimalCommasAndThePageLinksTheFiles() throws Exception {
        var grants = plans.team((CurrentUser) users.loadUserByUsername("manager"));
        String csv = new String(download("/team/grants.csv", "variant", "nl"), StandardCharsets.UTF_8);
        var first = grants.perCoach().get(0);
        assertThat(csv).contains("Jobcoach;Trajecten;Gebruikte uren;Toegekende uren;Zonder regels;Op 80% of meer;"
                + "Op 100% of meer").contains(first.name() + ";" + first.trajectories() + ";"
                        + String.format(java.util.Locale.ROOT, "%.1f", first.hoursUsed()).replace('.', ',') + ";");
        String standard = new String(download("/team/grants.csv"), StandardCharsets.UTF_8);
        assertThat(standard).contains("Jobcoach,Trajecten,Gebruikte uren");

        String page = new String(download("/team"), StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/team/grants.xlsx\"").contains("href=\"/team/grants.csv\"")
                .contains("href=\"/team/grants.csv?variant=nl\"");
    }

    @Test
    void theSatisfactionWorkbookAndCsvHoldThePagesMeansAsNumbers() throws Exception {
        jdbc.sql("insert into commissioner (name, kind) values ('Gemeente Downloadstad', 'MUNICIPALITY')").update();
        long commissioner = jdbc.sql("select id from commissioner where name = 'Gemeente Downloadstad'")
                .query(Long.class).single();
        var satisfactionData = satisfactionData();
        rules.save(new GrantRule(commissioner, new BigDecimal("20"), 6, 12, 6,
                ReportTemplate.MUNICIPALITY, new BigDecimal("6.5")));
        satisfactionData.signedReport(commissioner, 8, 6, true);
        satisfactionData.signedReport(commissioner, 7, null, true);
        int year = java.time.LocalDate.now().getYear();
        int before = exports("accountability-report");

        var sheets = Spreadsheet.read(download("/team/satisfaction.xlsx", "year", String.valueOf(year)));
        assertThat(sheets.keySet()).containsExactly("Selectie", "Tevredenheid");
        assertThat(sheets.get("Selectie")).anySatisfy(r -> assertThat(Spreadsheet.texts(r))
                .containsExactly("Jaar", String.valueOf(year)));
        var rows = sheets.get("Tevredenheid");
        assertThat(Spreadsheet.texts(rows.get(0))).containsExactly("Opdrachtgever", "Werknemers",
                "Cijfers werknemers", "Werkgevers", "Cijfers werkgevers", "Norm", "Norm gehaald");
        Row row = rows.stream().filter(r -> r.getCell(0).getText().equals("Gemeente Downloadstad")).findFirst()
                .orElseThrow();
        // the page shows 7,5 (n = 2), 6,0 (n = 1), norm 6,5, not met
        assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
        assertThat(row.getCell(1).asNumber()).isEqualByComparingTo("7.5");
        assertThat(row.getCell(2).asNumber().intValue()).isEqualTo(2);
        assertThat(row.getCell(3).asNumber()).isEqualByComparingTo("6.0");
        assertThat(row.getCell(4).asNumber().intValue()).isEqualTo(1);
        assertThat(row.getCell(5).asNumber()).isEqualByComparingTo("6.5");
        assertThat(row.getCell(6).getText()).isEqualTo("Nee");
        assertThat(exports("accountability-report")).isEqualTo(before + 1);

        var english = Spreadsheet.read(download("/team/satisfaction.xlsx", "lang", "en"));
        assertThat(english.keySet()).containsExactly("Selection", "Satisfaction");
        assertThat(Spreadsheet.texts(english.get("Satisfaction").get(0))).startsWith("Commissioner");

        String csv = new String(download("/team/satisfaction.csv", "variant", "nl"), StandardCharsets.UTF_8);
        assertThat(csv).contains("Gemeente Downloadstad;7,5;2;6,0;1;6,5;Nee");
        String standard = new String(download("/team/satisfaction.csv"), StandardCharsets.UTF_8);
        assertThat(standard).contains("Gemeente Downloadstad,7.5,2,6.0,1,6.5,Nee");

        String page = new String(download("/team/satisfaction"), StandardCharsets.UTF_8);
        assertThat(page).contains("/team/satisfaction.xlsx?year=" + year)
                .contains("/team/satisfaction.csv?year=" + year + "&amp;variant=nl");
    }

    @Test
    void aCoachAndACommissionerAreRefused() throws Exception {
        String coach = PlanCoach.ensure(jdbc);
        for (String path : List.of("/team/grants.xlsx", "/team/grants.csv", "/team/satisfaction.xlsx",
                "/team/satisfaction.csv")) {
            mvc.perform(get(path).with(data.as(coach))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(data.as("gemeente"))).andExpect(status().isForbidden());
        }
    }
}
