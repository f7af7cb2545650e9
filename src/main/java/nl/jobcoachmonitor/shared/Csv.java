package nl.jobcoachmonitor.shared;

import java.util.List;

/**
 * CSV as RFC 4180 (comma-separated, CRLF line ends, quoted when a cell holds a comma, a quote or a line break), with
 * formula neutralising: text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe. A spreadsheet may also split a cell on a comma or a semicolon when
 * someone re-imports the file, so each part of a cell after a comma or semicolon that starts, after optional
 * whitespace, like a formula gets an apostrophe at its own start too ({@code a;=HYPERLINK(…)} becomes
 * {@code a;'=HYPERLINK(…)}). A plain number (such as -2.5, as the application writes numbers) is left as it is, as a
 * whole cell or as a part: it is no formula. A part that starts with an apostrophe gets one more, so
 * {@link #original} gives back exactly what was written.
 */
public final class Csv {

    private Csv() {
    }

    /** One line of cells, ending in CRLF. */
    public static String line(List<String> cells) {
        return line(cells, ',');
    }

    /** One line of cells separated by {@code separator} (a comma, or a semicolon in the Dutch variant), ending in CRLF. */
    public static String line(List<String> cells, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(cell(cells.get(i), separator));
        }
        return out.append("\r\n").toString();
    }

    /** One line of cells, ending in CRLF. */
    public static String line(String... cells) {
        return line(java.util.Arrays.asList(cells));
    }

    /** One cell: formula-like parts neutralised, quoted when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        return cell(value, ',');
    }

    /** One cell: formula-like parts neutralised, quoted when it holds the separator, a quote or a line break. */
    public static String cell(String value, char separator) {
        return quoted(neutralised(value == null ? "" : value), separator);
    }

    /** The text, quoted when it holds the separator, a comma, a quote or a line break. */
    public static String quoted(String text, char separator) {
        if (text.indexOf(separator) >= 0 || text.contains(",") || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * The text with an apostrophe before every part (the whole text, and each piece after a comma or semicolon) that
     * could be read as a formula or that starts with an apostrophe itself.
     */
    public static String neutralised(String text) {
        if (isNumber(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        int start = 0;
        while (true) {
            int end = nextSeparator(text, start);
            String part = text.substring(start, end);
            boolean first = start == 0;
            boolean formula = first ? startsLikeAFormula(text) || looksLikeAFormula(part) : looksLikeAFormula(part);
            if (part.startsWith("'") || formula) {
                out.append('\'');
            }
            out.append(part);
            if (end == text.length()) {
                return out.toString();
            }
            out.append(text.charAt(end));
            start = end + 1;
        }
    }

    /** The text that was written, from a parsed cell: the apostrophes {@link #cell} added taken off again. */
    public static String original(String parsed) {
        StringBuilder out = new StringBuilder(parsed.length());
        int start = 0;
        while (true) {
            int end = nextSeparator(parsed, start);
            out.append(parsed, parsed.startsWith("'", start) ? start + 1 : start, end);
            if (end == parsed.length()) {
                return out.toString();
            }
            out.append(parsed.charAt(end));
            start = end + 1;
        }
    }

    private static int nextSeparator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ',' || text.charAt(i) == ';') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * Whether a part, as it is or with the whitespace before it trimmed (as a spreadsheet may do on import; no-break
     * spaces included), starts like a formula and is no plain number.
     */
    private static boolean looksLikeAFormula(String part) {
        if (startsLikeAFormula(part) && !isNumber(part)) {
            return true;
        }
        int i = 0;
        while (i < part.length() && (Character.isWhitespace(part.charAt(i)) || Character.isSpaceChar(part.charAt(i)))) {
            i++;
        }
        String trimmed = part.substring(i);
        return startsLikeAFormula(trimmed) && !isNumber(trimmed);
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
