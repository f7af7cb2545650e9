package nl.jobcoachmonitor.shared;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: rows of cells, quotes undone. Fails on a malformed quote. */
public final class CsvReader {

    private CsvReader() {
    }

    public static List<List<String>> read(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean lineHasContent = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                        throw new IllegalArgumentException("text after a closing quote at " + i);
                    }
                    continue;
                }
                cell.append(c);
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
                lineHasContent = true;
                i++;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                lineHasContent = true;
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                lineHasContent = false;
                i += 2;
            } else if (c == '"' || c == '\r' || c == '\n') {
                throw new IllegalArgumentException("unquoted " + (int) c + " at " + i);
            } else {
                cell.append(c);
                lineHasContent = true;
                i++;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (lineHasContent || !cell.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
