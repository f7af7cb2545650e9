package nl.jobcoachmonitor.shared;

import java.util.List;

/**
 * CSV as RFC 4180 (comma-separated, CRLF line ends, quoted when a cell holds a comma, a quote or a line break), with
 * formula neutralising: text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe. A plain number (such as -2.5) is left as it is: it is no formula. Text
 * that starts with an apostrophe gets one more, so {@link #original} gives back exactly what was written.
 */
public final class Csv {

    private Csv() {
    }

    /** One line of cells, ending in CRLF. */
    public static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** One line of cells, ending in CRLF. */
    public static String line(String... cells) {
        return line(java.util.Arrays.asList(cells));
    }

    /** One cell: a formula-like start neutralised, quoted when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (text.startsWith("'") || startsLikeAFormula(text) && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The text that was written, from a parsed cell: the apostrophe {@link #cell} added taken off again. */
    public static String original(String parsed) {
        return parsed.startsWith("'") ? parsed.substring(1) : parsed;
    }

    /** Whether a spreadsheet could read this text as the start of a formula. */
    public static boolean startsLikeAFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /** A plain decimal number, as the exports write them. */
    public static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?(e-?\\d+)?");
    }
}
