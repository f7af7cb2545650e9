package nl.jobcoachmonitor.shared;

import java.util.List;

/**
 * One table of a download, the same for its CSV and its spreadsheet: a short name (the sheet's), a title (the line
 * above it in a CSV of several tables), the header in the
 * reader's language (or the codes, for files that scripts read) and the rows. A cell is empty ({@code null}), text
 * ({@link String}, formula-like text neutralised when written), a count ({@link Integer} or {@link Long}) or a
 * {@link Figure}.
 */
public record Table(String sheet, String title, List<String> header, List<List<Object>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
