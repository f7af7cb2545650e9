package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.CsvReader;
import nl.jobcoachmonitor.shared.Spreadsheet;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The report's tables as a workbook and as CSV variants, in the reader's language, with the report's figures. */
@IntegrationTest
class ReportDownloadTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired AnalyticsManagement analytics;
    @Autowired UserDetailsService users;

    private StudyReport report() {
        return analytics.report((CurrentUser) users.loadUserByUsername("manager"), ReportFilter.everything());
    }

    private byte[] download(String path, String... params) throws Exception {
        var request = get(path).with(data.as("manager"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theWorkbookHasTheSelectionAndASheetPerTableWithNumbersAsNumbersInDutch() throws Exception {
        var sheets = Spreadsheet.read(download("/report.xlsx"));
        var report = report();

        assertThat(sheets.keySet()).containsExactly("Selectie", "Tabel", "Werkwaarden", "Uren per maand", "Samenhang");
        assertThat(Spreadsheet.texts(sheets.get("Selectie").get(0))).containsExactly("Gegeven", "Waarde");
        assertThat(sheets.get("Selectie")).anySatisfy(row -> assertThat(Spreadsheet.texts(row))
                .startsWith("Trajecten", String.valueOf(report.trajectories().value())));
        assertThat(Spreadsheet.texts(sheets.get("Tabel").get(0))).containsExactly("Maat", "Uitkomst", "Ondergrens",
                "Bovengrens", "N", "Onderzoek (2017–2020)");
        assertThat(Spreadsheet.texts(sheets.get("Uren per maand").get(0))).startsWith("Maand sinds de start", "Werknemer");
        assertThat(Spreadsheet.texts(sheets.get("Samenhang").get(0))).containsExactly("Kenmerk", "Uitkomst", "Maat",
                "Schatting", "Ondergrens", "Bovengrens", "p-waarde", "N");

        // every shown figure of the study's table is a numeric cell with the report's value
        var rows = sheets.get("Tabel");
        for (int i = 0; i < report.table().size(); i++) {
            var measure = report.table().get(i);
            Row row = rows.get(i + 1);
            if (measure.shown()) {
                assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(1).asNumber().doubleValue()).isEqualTo(measure.value());
                assertThat(row.getCell(4).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(4).asNumber().intValue()).isEqualTo(measure.n());
            }
        }
        var months = sheets.get("Uren per maand");
        assertThat(months.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
    }

    @Test
    void theWorkbookSpeaksEnglishToAnEnglishReader() throws Exception {
        var sheets = Spreadsheet.read(download("/report.xlsx", "lang", "en"));
        assertThat(sheets.keySet()).containsExactly("Selection", "Table", "Work values", "Hours per month",
                "Associations");
        assertThat(Spreadsheet.texts(sheets.get("Table").get(0))).containsExactly("Measure", "Result",
                "Lower bound", "Upper bound", "N", "Study (2017–2020)");
    }

    @Test
    void theDutchCsvHasSemicolonsAndDecimalCommas() throws Exception {
        String csv = new String(download("/report.csv", "variant", "nl"), StandardCharsets.UTF_8);
        var age = report().table().stream().filter(m -> m.key().equals("report.row.age")).findFirst().orElseThrow();
        assertThat(csv).contains("Maat;Uitkomst;Ondergrens;Bovengrens;N;Onderzoek (2017–2020)")
                .contains("Gemiddelde leeftijd bij de start;"
                        + String.format(java.util.Locale.ROOT, "%.3f", age.value()).replace('.', ',') + ";");
    }

    @Test
    void theAllDigitsCsvHoldsExactlyTheReportsValues() throws Exception {
        String csv = new String(download("/report.csv", "digits", "all"), StandardCharsets.UTF_8).substring(1);
        var lines = CsvReader.read(csv);
        var report = report();
        List<Double> expected = new ArrayList<>();
        for (var m : report.table()) {
            if (m.shown()) {
                expected.addAll(List.of(m.value(), m.lower(), m.upper()));
            }
        }
        for (var a : report.associations()) {
            if (a.shown()) {
                expected.addAll(List.of(a.estimate(), a.lower(), a.upper(), a.pValue()));
            }
        }
        List<Double> written = new ArrayList<>();
        int section = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.size() == 1) { // a title (then the header, skipped) or the empty line between tables
                if (!line.get(0).isEmpty()) {
                    section++;
                    i++;
                }
                continue;
            }
            int first = section == 1 ? 1 : section == 4 ? 3 : -1;
            int last = section == 1 ? 3 : 6;
            if (first > 0 && !line.get(first).isEmpty()) {
                for (int c = first; c <= last; c++) {
                    written.add(Double.parseDouble(line.get(c)));
                }
            }
        }
        assertThat(written).isNotEmpty();
        assertThat(written).isEqualTo(expected);
    }
}
