package nl.jobcoachmonitor.analytics;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

/**
 * The report's two charts as SVG, for the PDF (which runs no JavaScript, so no Chart.js): the work values as pairs of
 * bars (importance and achievement, 1 to 5), and the contact hours per month since the start as two lines. Only the
 * figures the report shows; every label is escaped.
 */
final class ReportSvg {

    private static final String BLUE = "#0b5cad";
    private static final String GREEN = "#1a7f37";
    private static final String AMBER = "#bf8700";

    private ReportSvg() {
    }

    /** Horizontal bars per work value; {@code labels} gives a value's name, {@code legend} important and achieved. */
    static String workValues(List<StudyReport.WorkValueRow> rows, Function<String, String> labels, String important,
            String achieved) {
        var shown = rows.stream().filter(StudyReport.WorkValueRow::shown).toList();
        int left = 230;
        int width = 300;
        int rowHeight = 26;
        int height = shown.size() * rowHeight + 40;
        StringBuilder svg = start(left + width + 20, height);
        for (int i = 0; i <= 4; i++) {
            double x = left + i * width / 4.0;
            svg.append(line(x, 0, x, shown.size() * rowHeight, "#d0d7de"))
                    .append(text(x, shown.size() * rowHeight + 12, String.valueOf(i + 1), "middle"));
        }
        for (int i = 0; i < shown.size(); i++) {
            var row = shown.get(i);
            double y = i * rowHeight;
            svg.append(text(left - 6, y + 15, labels.apply(row.workValue()), "end"))
                    .append(rect(left, y + 3, width * (row.important() - 1) / 4, 9, BLUE))
                    .append(rect(left, y + 13, width * (row.achieved() - 1) / 4, 9, GREEN));
        }
        legend(svg, left, shown.size() * rowHeight + 30, important, BLUE, achieved, GREEN);
        return svg.append("</svg>").toString();
    }

    /** Lines of mean contact hours per month since the start: employee and employer. */
    static String months(List<StudyReport.MonthRow> rows, String employee, String employer, String axis) {
        var shown = rows.stream().filter(StudyReport.MonthRow::shown).toList();
        double max = Math.max(1, shown.stream().mapToDouble(m -> Math.max(m.employee(), m.employer())).max()
                .orElse(1));
        int left = 40;
        int width = 440;
        int height = 160;
        StringBuilder svg = start(left + width + 20, height + 60);
        double step = width / (double) Math.max(1, ReportQuery.MONTHS - 1);
        for (int h = 0; h <= Math.ceil(max); h++) {
            double y = height - h * height / Math.ceil(max);
            svg.append(line(left, y, left + width, y, "#d0d7de")).append(text(left - 6, y + 4, String.valueOf(h), "end"));
        }
        for (int m = 0; m < ReportQuery.MONTHS; m++) {
            svg.append(text(left + m * step, height + 14, String.valueOf(m), "middle"));
        }
        svg.append(text(left + width / 2.0, height + 28, axis, "middle"));
        svg.append(polyline(shown, m -> m.employee(), left, step, height, max, BLUE));
        svg.append(polyline(shown, m -> m.employer(), left, step, height, max, AMBER));
        legend(svg, left, height + 48, employee, BLUE, employer, AMBER);
        return svg.append("</svg>").toString();
    }

    private static String polyline(List<StudyReport.MonthRow> rows, Function<StudyReport.MonthRow, Double> value,
            int left, double step, int height, double max, String colour) {
        StringBuilder points = new StringBuilder();
        for (var row : rows) {
            points.append(number(left + row.month() * step)).append(',')
                    .append(number(height - value.apply(row) * height / Math.ceil(max))).append(' ');
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + points.toString().trim()
                + "\"/>";
    }

    private static void legend(StringBuilder svg, int x, double y, String first, String firstColour, String second,
            String secondColour) {
        svg.append(rect(x, y - 9, 10, 10, firstColour)).append(text(x + 14, y, first, "start"))
                .append(rect(x + 160, y - 9, 10, 10, secondColour)).append(text(x + 174, y, second, "start"));
    }

    private static StringBuilder start(int width, int height) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"sans-serif\" font-size=\"10\">");
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        return "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(Math.max(0, width))
                + "\" height=\"" + number(height) + "\" fill=\"" + colour + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\""
                + number(y2) + "\" stroke=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\">"
                + HtmlUtils.htmlEscape(text) + "</text>";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
