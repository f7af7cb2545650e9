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
 * The R script of the demo export reads it as a researcher would: Rscript in the unzipped folder, then the row counts
 * and labels compared with the CSV files. Skipped only when Rscript is not installed (CI installs r-base-core).
 */
@IntegrationTest
public class RScriptTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    @TempDir Path folder;

    /** Whether Rscript is on the PATH (the tests that run R are skipped without it). */
    public static boolean rscriptInstalled() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, "Rscript"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theRScriptReadsTheDemoExportWithItsRowsAndLabels() throws Exception {
        assumeTrue(rscriptInstalled(), "Rscript is not installed");
        var steps = new ExportSteps(mvc, data, jdbc);
        long project = steps.approvedProject("R");
        var files = ExportSteps.unzip(steps.download(project, "export.zip"));
        for (var file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        int wideRows = CsvReader.read(new String(files.get("wide.csv"), StandardCharsets.UTF_8)).size() - 1;
        int longRows = CsvReader.read(new String(files.get("long.csv"), StandardCharsets.UTF_8)).size() - 1;
        Files.writeString(folder.resolve("check.R"), """
                source("read-export.R")
                cat("wide", nrow(wide), "\\n")
                cat("long", nrow(long), "\\n")
                cat("label", attr(long$paid_work, "label"), "\\n")
                cat("levels", levels(long$paid_work), "\\n")
                cat("class", class(long$rapport_1), "\\n")
                cat("scale", names(attr(long$rapport_1, "labels"))[5], "\\n")
                cat("notasked", sum(is.na(long$same_employer[long$wave == "T0"])), sum(long$wave == "T0"), "\\n")
                cat("retained", levels(wide$retained), "\\n")
                """);
        var process = new ProcessBuilder("Rscript", "--vanilla", "check.R").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(wideRows).isGreaterThan(10);
        assertThat(out).contains("wide " + wideRows + " \n").contains("long " + longRows + " \n")
                .contains("label Heb je op dit moment betaald werk? \n").contains("levels Ja Nee \n")
                .contains("class numeric \n").contains("scale Helemaal mee eens \n").contains("retained Ja Nee \n");
        var notAsked = out.lines().filter(l -> l.startsWith("notasked")).findFirst().orElseThrow().split(" ");
        assertThat(notAsked[1]).isEqualTo(notAsked[2]); // same_employer is not asked at T0: all NA
    }
}
