package nl.jobcoachmonitor.analytics;

import java.util.Locale;

import nl.jobcoachmonitor.shared.Csv;

import org.springframework.context.MessageSource;

/**
 * The report's tables as one CSV file (RFC 4180, comma-separated, a point as the decimal separator): the study's
 * table, the work values, the hours per month and the associations, each after a title line. A suppressed figure is an
 * empty cell; figures have the decimals they are published with (CellKeyPerturbation). Text that a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return)
 * gets a leading apostrophe.
 */
final class ReportCsv {

    private final StringBuilder out = new StringBuilder();
    private final MessageSource messages;
    private final Locale locale;

    private ReportCsv(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    static String of(StudyReport report, MessageSource messages, Locale locale) {
        var csv = new ReportCsv(messages, locale);
        csv.write(report);
        return csv.out.toString();
    }

    private void write(StudyReport report) {
        if (report.isRefused()) {
            line(text(report.refusal()));
            return;
        }
        line(text("report.table.title"));
        line(text("report.col.measure"), text("report.col.value"), "lower", "upper", "n", text("report.col.study"));
        for (var m : report.table()) {
            line(text(m.key()), number(m.shown(), m.value(), 1), number(m.shown(), m.lower(), 1),
                    number(m.shown(), m.upper(), 1), m.shown() ? String.valueOf(m.n()) : "",
                    m.study() == null ? "" : number(true, m.study(), 1));
        }
        line();
        line(text("report.workValues.title"));
        line(text("indicators.workValues.value"), text("report.workValues.important"),
                text("report.workValues.achieved"), text("report.workValues.gapShare"),
                text("report.workValues.achievedLater"), "n");
        for (var v : report.workValues()) {
            line(text("workValue." + v.workValue()), number(v.shown(), v.important(), 1),
                    number(v.shown(), v.achieved(), 1), v.gapPercent() == null ? "" : number(true, v.gapPercent(), 1),
                    v.achievedLater() == null ? "" : number(true, v.achievedLater(), 1),
                    v.shown() ? String.valueOf(v.n()) : "");
        }
        line();
        line(text("report.months.title"));
        line(text("report.months.month"), text("contacts.chart.employee"), text("contacts.chart.employer"),
                text("contacts.chart.other"), "n");
        for (var m : report.months()) {
            line(String.valueOf(m.month()), number(m.shown(), m.employee(), 1), number(m.shown(), m.employer(), 1),
                    number(m.shown(), m.other(), 1), m.shown() ? String.valueOf(m.n()) : "");
        }
        line();
        line(text("report.associations.title"));
        line(text("report.associations.predictor"), text("report.associations.outcome"), "measure", "estimate",
                "lower", "upper", "p", "n");
        for (var a : report.associations()) {
            line(text("report.predictor." + a.predictor()), text("report.outcome." + a.outcome()), a.measure(),
                    number(a.shown(), a.estimate(), 2), number(a.shown(), a.lower(), 2),
                    number(a.shown(), a.upper(), 2), !a.shown() ? "" : a.pValue() < 0.001 ? "< 0.001"
                            : String.format(Locale.ROOT, "%.3f", a.pValue()),
                    a.shown() ? String.valueOf(a.n()) : "");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale).strip();
    }

    /** A figure with the decimals it is published with (one for means and percentages, two for associations). */
    private static String number(boolean shown, double value, int decimals) {
        return shown && Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "";
    }

    private void line(String... cells) {
        out.append(Csv.line(cells));
    }
}
