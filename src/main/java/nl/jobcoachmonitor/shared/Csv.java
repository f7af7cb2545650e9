package nl.jobcoachmonitor.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * CSV cells and lines (RFC 4180, comma-separated). Text that a spreadsheet would take for a formula (starting with =,
 * +, -, @, a tab or a carriage return) gets a leading apostrophe, unless it is a plain number.
 */
public final class Csv {

    private Csv() {
    }

    /** One cell: a formula-like start neutralised, quoted when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A line of cells, ended by CR LF. */
    public static String line(String... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?(e-?\\d+)?");
    }
}
