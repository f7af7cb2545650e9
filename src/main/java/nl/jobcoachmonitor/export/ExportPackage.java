package nl.jobcoachmonitor.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.jobcoachmonitor.shared.Csv;

/**
 * The files of one export, built in memory: the two CSV layouts, the codebook, the R script, the SPSS syntax, and the
 * same data as a spreadsheet.
 */
final class ExportPackage {

    private final Map<ExportFile, byte[]> files = new EnumMap<>(ExportFile.class);
    private final int trajectories;
    private final int persons;

    private ExportPackage(int trajectories, int persons) {
        this.trajectories = trajectories;
        this.persons = persons;
    }

    static ExportPackage of(ExportProject project, java.time.ZonedDateTime made, ExportTables tables,
            List<List<String>> wide, List<List<String>> longRows, boolean dutch) {
        String projectName = project.name();
        int persons = (int) wide.stream().skip(1).map(row -> row.get(0)).distinct().count();
        var p = new ExportPackage(wide.size() - 1, persons);
        p.files.put(ExportFile.WIDE, bytes(csv(wide)));
        p.files.put(ExportFile.LONG, bytes(csv(longRows)));
        p.files.put(ExportFile.CODEBOOK, bytes(Codebook.csv(tables.longVariables(), tables.wideVariables())));
        p.files.put(ExportFile.R, bytes(RScript.of(projectName, dutch)));
        p.files.put(ExportFile.SPSS, bytes(SpssSyntax.of(projectName, tables.longVariables(), tables.wideVariables(),
                dutch)));
        p.files.put(ExportFile.XLSX, ExportWorkbook.of(project, made, tables, wide, longRows, persons, dutch));
        p.files.put(ExportFile.ZIP, p.zip());
        return p;
    }

    static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(Csv.line(row)));
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] zip() {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : files.entrySet()) {
                if (entry.getKey() == ExportFile.ZIP) {
                    continue;
                }
                var e = new ZipEntry(entry.getKey().fileName());
                e.setTime(0); // no date in the package
                zip.putNextEntry(e);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] file(ExportFile file) {
        return files.get(file);
    }

    int trajectories() {
        return trajectories;
    }

    int persons() {
        return persons;
    }
}
