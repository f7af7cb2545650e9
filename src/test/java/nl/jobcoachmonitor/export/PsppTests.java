package nl.jobcoachmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.shared.CsvReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The SPSS syntax of the demo export reads it as a researcher would, run by PSPP (the free implementation of SPSS's
 * language) in the unzipped folder: both datasets open, with their cases, variable labels and value labels. Skipped
 * only when pspp is not installed (CI installs it).
 */
@IntegrationTest
class PsppTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    @TempDir Path folder;

    static boolean psppInstalled() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, "pspp"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSpssSyntaxReadsTheDemoExportWithItsCasesAndLabels() throws Exception {
        assumeTrue(psppInstalled(), "pspp is not installed");
        var steps = new ExportSteps(mvc, data, jdbc);
        long project = steps.approvedProject("SPSS");
        var files = ExportSteps.unzip(steps.download(project, "export.zip"));
        for (var file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        int wideRows = CsvReader.read(new String(files.get("wide.csv"), StandardCharsets.UTF_8)).size() - 1;
        int longRows = CsvReader.read(new String(files.get("long.csv"), StandardCharsets.UTF_8)).size() - 1;
        Files.writeString(folder.resolve("check.sps"), """
                INCLUDE FILE='read-export.sps'.
                DATASET ACTIVATE long.
                DISPLAY DICTIONARY /VARIABLES=paid_work.
                FREQUENCIES /VARIABLES=wave paid_work.
                DATASET ACTIVATE wide.
                FREQUENCIES /VARIABLES=retained.
                """);
        var process = new ProcessBuilder("pspp", "-O", "format=csv", "check.sps", "-o", "out.csv")
                .directory(folder.toFile()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(folder.resolve("out.csv"), StandardCharsets.UTF_8);
        assertThat(log + out).as("PSPP reports no error or warning").doesNotContainIgnoringCase("error")
                .doesNotContainIgnoringCase("warning");
        assertThat(wideRows).isGreaterThan(10);
        // the variable label, the value labels and the missing codes of the long data, then each dataset's cases
        assertThat(out).contains("paid_work,8,Heb je op dit moment betaald werk?,Nominal")
                .contains("Heb je op dit moment betaald werk?,no,Nee\n,yes,Ja").contains("97").contains("98")
                .contains("Table: Nog aan het werk na 6 maanden")
                .contains("Total,," + longRows + ",100.0%").contains("Total,," + wideRows + ",100.0%");
    }
}
