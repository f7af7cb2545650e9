package nl.jobcoachmonitor.transfer;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: quoted cells may hold commas, doubled quotes and line breaks. */
final class CsvReader {

    private CsvReader() {
    }

    /** All records of the text, the header first. */
    static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
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
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (cell.length() > 0 || wasQuoted) {
                    throw new IllegalArgumentException("quote inside an unquoted cell at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("bare line break outside quotes at " + i);
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("last record does not end in CRLF");
        }
        return records;
    }
}
