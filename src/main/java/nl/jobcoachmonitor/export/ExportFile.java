package nl.jobcoachmonitor.export;

import java.util.Arrays;
import java.util.Optional;

/** The files of an export: each can be downloaded alone, or all in one ZIP. */
public enum ExportFile {
    ZIP("export.zip", "application/zip"),
    WIDE("wide.csv", "text/csv; charset=UTF-8"),
    LONG("long.csv", "text/csv; charset=UTF-8"),
    CODEBOOK("codebook.csv", "text/csv; charset=UTF-8"),
    R("read-export.R", "text/plain; charset=UTF-8"),
    SPSS("read-export.sps", "text/plain; charset=UTF-8"),
    /** The same data for a spreadsheet: the selection, wide, long and the codebook as sheets, headers in words. */
    XLSX("export.xlsx", nl.jobcoachmonitor.shared.TableFiles.XLSX_TYPE);

    private final String fileName;
    private final String contentType;

    ExportFile(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    /** Whether the file holds the persons' data (the codebook and the scripts describe them, hold none). */
    boolean holdsPersons() {
        return this == ZIP || this == WIDE || this == LONG || this == XLSX;
    }

    /** The file name, as a getter for the templates. */
    public String getFileName() {
        return fileName;
    }

    static Optional<ExportFile> named(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }
}
