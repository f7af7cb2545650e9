package nl.jobcoachmonitor.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an upload row by row, never holding it whole: a CSV file (UTF-8 with or without a byte order mark, comma or
 * semicolon, whichever the header row uses; RFC 4180 quoting) or an XLSX workbook (fastexcel's streaming reader), one
 * sheet per kind. Every row goes to the {@link Rows} handler with its row number as a spreadsheet shows it (the header
 * is row 1).
 */
final class ImportReader {

    /** Receives the rows of one file or sheet. */
    interface Rows {
        void header(List<String> names);

        void row(int number, List<String> cells);
    }

    private ImportReader() {
    }

    /** Whether the upload is a workbook (a ZIP file: XLSX) rather than text. */
    static boolean isWorkbook(InputStream in) throws IOException {
        var buffered = in.markSupported() ? in : new BufferedInputStream(in);
        buffered.mark(4);
        int a = buffered.read();
        int b = buffered.read();
        buffered.reset();
        return a == 'P' && b == 'K';
    }

    static void csv(InputStream in, Rows rows) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            new CsvParser(reader, rows).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook's sheets: for each sheet, {@code sheets.open(name)} gives the handler or null to skip it. */
    static void xlsx(InputStream in, java.util.function.Function<String, Rows> sheets) {
        try (var workbook = new ReadableWorkbook(in)) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                Rows rows = sheets.apply(sheet.getName());
                if (rows == null) {
                    continue;
                }
                boolean first = true;
                try (var stream = sheet.openStream()) {
                    for (var iterator = stream.iterator(); iterator.hasNext();) {
                        Row row = iterator.next();
                        var cells = new ArrayList<String>(row.getCellCount());
                        for (int i = 0; i < row.getCellCount(); i++) {
                            cells.add(text(row.getCell(i)));
                        }
                        if (first) {
                            rows.header(cells);
                            first = false;
                        } else if (!cells.stream().allMatch(String::isEmpty)) {
                            rows.row(row.getRowNum(), cells);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell as text: a number without exponent or trailing zeros, so 24 reads as "24" and 24.5 as "24.5". */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    /** An Excel day number (days since 1899-12-30) as a date, for a date typed as a date cell in a workbook. */
    static LocalDate excelDay(String text) {
        return LocalDate.of(1899, 12, 30).plusDays(new BigDecimal(text).longValue());
    }

    /** RFC 4180 with the separator of the header row; a byte order mark is skipped. */
    private static final class CsvParser {

        private final Reader reader;
        private final Rows rows;
        private final char[] buffer = new char[1 << 16];
        private int length;
        private int position;
        private int line = 1;
        private char separator = 0;

        CsvParser(Reader reader, Rows rows) {
            this.reader = reader;
            this.rows = rows;
        }

        private int next() throws IOException {
            if (position == length) {
                length = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        private int peek() throws IOException {
            int c = next();
            if (c >= 0) {
                position--;
            }
            return c;
        }

        void parse() throws IOException {
            if (peek() == '\uFEFF') {
                next();
            }
            boolean header = true;
            while (true) {
                int startLine = line;
                var cells = record();
                if (cells == null) {
                    return;
                }
                if (header) {
                    rows.header(cells);
                    header = false;
                } else if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    rows.row(startLine, cells);
                }
            }
        }

        /** One record, or null at the end. The separator is the first comma or semicolon outside quotes. */
        private List<String> record() throws IOException {
            int c = next();
            if (c < 0) {
                return null;
            }
            var cells = new ArrayList<String>();
            var cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c < 0) {
                    cells.add(cell.toString());
                    return cells;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        if (peek() == '"') {
                            next();
                            cell.append('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cell.append(ch);
                    }
                } else if (ch == '"' && cell.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (separator == 0 && (ch == ',' || ch == ';') || ch == separator) {
                    separator = ch;
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r' && peek() == '\n') {
                        next();
                    }
                    line++;
                    cells.add(cell.toString());
                    return cells;
                } else {
                    cell.append(ch);
                }
                c = next();
            }
        }
    }
}
