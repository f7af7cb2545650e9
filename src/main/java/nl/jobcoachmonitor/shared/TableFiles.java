package nl.jobcoachmonitor.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as files people open: CSV (for R and scripts: comma and decimal point; or the Dutch variant that a Dutch
 * spreadsheet opens in columns: semicolon and decimal comma) and XLSX (one sheet per table, numbers as numeric cells
 * with their published decimals, text always as text cells, formula-like text neutralised as in the CSV).
 */
public final class TableFiles {

    /** The media type of {@link #xlsx} files. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableFiles() {
    }

    /** The CSV variants: separator and decimal separator. */
    public enum CsvVariant {
        /** RFC 4180: comma, decimal point (R, scripts, an English spreadsheet). */
        STANDARD(',', '.'),
        /** As a Dutch spreadsheet expects: semicolon, decimal comma. */
        DUTCH(';', ',');

        final char separator;
        final char decimal;

        CsvVariant(char separator, char decimal) {
            this.separator = separator;
            this.decimal = decimal;
        }

        /** "nl" asks for the Dutch variant; anything else is the standard one. */
        public static CsvVariant named(String name) {
            return "nl".equalsIgnoreCase(name) ? DUTCH : STANDARD;
        }
    }

    /**
     * The tables as one CSV: with {@code titled}, each table after a line with its title and followed by an empty
     * line; otherwise the header and rows of each table only (one table, as the access log).
     */
    public static String csv(List<Table> tables, CsvVariant variant, boolean allDigits, boolean titled) {
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            if (titled) {
                if (t > 0) {
                    out.append("\r\n");
                }
                out.append(Csv.line(List.of(table.title()), variant.separator));
            }
            out.append(Csv.line(table.header(), variant.separator));
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        out.append(variant.separator);
                    }
                    Object cell = row.get(c);
                    // numbers are written as they are (a minus sign is no formula); text is neutralised
                    out.append(cell instanceof Figure f ? f.text(allDigits, variant.decimal)
                            : cell instanceof Number n ? n.toString()
                            : Csv.cell(cell == null ? "" : cell.toString(), variant.separator));
                }
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    /** The tables as an XLSX workbook, one sheet per table, the header in bold and frozen. */
    public static byte[] xlsx(List<Table> tables, boolean allDigits) {
        var bytes = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(bytes, "Jobcoach Monitor", "1.0");
            Set<String> names = new HashSet<>();
            for (Table table : tables) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.sheet(), names));
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.value(0, c, Csv.neutralised(table.header().get(c)));
                    sheet.style(0, c).bold().set();
                }
                sheet.freezePane(0, 1);
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        write(sheet, r + 1, c, row.get(c), allDigits);
                    }
                }
                if (!allDigits) {
                    decimals(sheet, table);
                }
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.width(c, Math.min(60, Math.max(10, table.header().get(c).length() + 2)));
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet sheet, int r, int c, Object cell, boolean allDigits) {
        if (cell instanceof Figure f) {
            if (f.present()) {
                BigDecimal value = f.published(allDigits);
                sheet.value(r, c, allDigits ? (Number) f.value() : value);
            }
        } else if (cell instanceof Number n) {
            sheet.value(r, c, n);
        } else if (cell != null) {
            // a text cell, never a formula; neutralised as in the CSV, so saving the sheet as CSV stays safe
            sheet.value(r, c, Csv.neutralised(cell.toString()));
        }
    }

    /**
     * Shows each figure with its published decimals (1.500, not 1.5): one format for a column's rows where every
     * figure in it has the same decimals (one style for the range, as a per-cell style costs time on large sheets),
     * otherwise cell by cell.
     */
    private static void decimals(Worksheet sheet, Table table) {
        int columns = table.header().size();
        for (int c = 0; c < columns; c++) {
            Integer common = null;
            boolean mixed = false;
            for (List<Object> row : table.rows()) {
                if (c < row.size() && row.get(c) instanceof Figure f && f.present()) {
                    int digits = f.significant() ? -1 : f.digits();
                    mixed |= common != null && common != digits;
                    common = digits;
                }
            }
            if (common == null) {
                continue;
            }
            if (!mixed && common >= 0 && !table.rows().isEmpty()) {
                sheet.range(1, c, table.rows().size(), c).style().format(format(common)).set();
                continue;
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                if (c < row.size() && row.get(c) instanceof Figure f && f.present() && !f.significant()) {
                    sheet.style(r + 1, c).format(format(f.digits())).set();
                }
            }
        }
    }

    private static String format(int decimals) {
        return decimals == 0 ? "0" : "0." + "0".repeat(decimals);
    }

    /** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
    static String sheetName(String title, Set<String> taken) {
        String name = title == null || title.isBlank() ? "Sheet" : title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        name = name.length() > 31 ? name.substring(0, 31).strip() : name;
        String candidate = name;
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            candidate = (name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length()) : name)
                    + suffix;
        }
        return candidate;
    }
}
