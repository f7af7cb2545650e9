package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.zip.ZipFile;

/**
 * An upload that is a ZIP of CSV files (a full export of an organisation, {@code OrganisationExport}) rather than an
 * XLSX workbook (also a ZIP, told apart by its {@code [Content_Types].xml}).
 */
final class ImportArchive {

    /** Receives one file of the archive, streamed. */
    interface Entry {
        void read(String name, InputStream in, long compressedSize) throws IOException, SQLException;
    }

    private ImportArchive() {
    }

    /** Whether the ZIP file is an archive of files rather than a workbook; false when it is not a readable ZIP. */
    static boolean isArchive(Path path) {
        try (var zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            return zip.getEntry("[Content_Types].xml") == null
                    && zip.stream().anyMatch(e -> e.getName().toLowerCase().endsWith(".csv"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The archive's files in their order, directories left out. */
    static void entries(Path path, Entry entry) throws IOException, SQLException {
        try (var zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
            for (var e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                try (var in = zip.getInputStream(e)) {
                    entry.read(e.getName(), in, e.getCompressedSize());
                }
            }
        }
    }
}
