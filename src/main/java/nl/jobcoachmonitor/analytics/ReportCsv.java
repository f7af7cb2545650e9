package nl.jobcoachmonitor.analytics;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.shared.Figure;
import nl.jobcoachmonitor.shared.Table;
import nl.jobcoachmonitor.shared.TableFiles;
import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;

import org.springframework.context.MessageSource;

/**
 * The report's tables as files (every header in the reader's language): one CSV (comma and decimal point for R and
 * scripts, or the Dutch variant with semicolon and decimal comma), each table after a title line; or one XLSX with a
 * sheet describing the selection and one sheet per table, numbers as numeric cells. A suppressed figure is an empty
 * cell. Figures have three decimals and p four significant digits, "&lt; 0.001" below that (the page shows them
 * rounded further, to stay readable); with all digits every figure is the full double the report computed, written so that it reads back
 * exactly. Text that a spreadsheet would take for a formula is neutralised ({@link nl.jobcoachmonitor.shared.Csv}).
 */
final class ReportCsv {

    /** Decimals of every figure in the downloads. */
    static final int DECIMALS = 3;
    /** Significant digits of a p-value in the downloads. */
    static final int P_DIGITS = 4;

    private final MessageSource messages;
    private final Locale locale;

    private ReportCsv(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    static String of(StudyReport report, MessageSource messages, Locale locale) {
        return csv(report, messages, locale, CsvVariant.STANDARD, false);
    }

    static String csv(StudyReport report, MessageSource messages, Locale locale, CsvVariant variant,
            boolean allDigits) {
        var tables = new ReportCsv(messages, locale).tables(report, allDigits);
        return TableFiles.csv(tables, variant, allDigits, true);
    }

    static byte[] xlsx(StudyReport report, Selection selection, MessageSource messages, Locale locale,
            boolean allDigits) {
        var files = new ReportCsv(messages, locale);
        List<Table> sheets = new ArrayList<>();
        sheets.add(files.selection(report, selection, allDigits));
        sheets.addAll(files.tables(report, allDigits));
        return TableFiles.xlsx(sheets, allDigits);
    }

    /** What the selection was, for the spreadsheet's first sheet: when, and the names of the chosen subgroups. */
    record Selection(ZonedDateTime made, String commissioner) {
    }

    private Table selection(StudyReport report, Selection selection, boolean allDigits) {
        var filter = report.filter();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(text("report.download.made"),
                DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).format(selection.made())));
        rows.add(row(text("report.filter.from"), filter.from() == null ? text("report.filter.all") : filter.from()
                .toString()));
        rows.add(row(text("report.filter.to"), filter.to() == null ? text("report.filter.all") : filter.to().toString()));
        rows.add(row(text("report.filter.ageBand"), filter.ageBand() == null ? text("report.filter.all")
                : text("report.ageBand." + filter.ageBand())));
        rows.add(row(text("report.download.phase"), filter.phase() == null ? text("report.filter.all")
                : text("phase." + filter.phase())));
        rows.add(row(text("report.filter.commissioner"), selection.commissioner() == null ? text("report.filter.all")
                : selection.commissioner()));
        if (report.isRefused()) {
            rows.add(row(text("report.download.refused"), text(report.refusal())));
        } else {
            rows.add(row(text("report.download.trajectories"), count(report.trajectories())));
            rows.add(row(text("report.download.coaches"), count(report.coaches())));
        }
        rows.add(row(text("report.download.precision"), text(allDigits ? "report.download.precision.all"
                : "report.download.precision.published")));
        rows.add(row(text("report.download.disclosure"), text("report.download.disclosure.text")));
        return new Table(text("report.sheet.selection"), text("report.sheet.selection"),
                List.of(text("report.download.field"), text("report.download.value")), rows);
    }

    private Object count(Cell cell) {
        return cell.shown() ? (Object) cell.value() : text("report.tooFew");
    }

    private List<Table> tables(StudyReport report, boolean allDigits) {
        if (report.isRefused()) {
            return List.of(new Table(text("report.sheet.table"), text("report.table.title"),
                    List.of(text(report.refusal())), List.of()));
        }
        List<Table> tables = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (var m : report.table()) {
            rows.add(row(text(m.key()), figure(m.shown(), m.value()), figure(m.shown(), m.lower()),
                    figure(m.shown(), m.upper()), m.shown() ? m.n() : null,
                    m.study() == null ? null : Figure.decimals(m.study(), DECIMALS)));
        }
        tables.add(new Table(text("report.sheet.table"), text("report.table.title"), List.of(text("report.col.measure"),
                text("report.col.value"), text("report.col.lower"), text("report.col.upper"), text("report.col.n"),
                text("report.col.study")), rows));

        rows = new ArrayList<>();
        for (var v : report.workValues()) {
            rows.add(row(text("workValue." + v.workValue()), figure(v.shown(), v.important()),
                    figure(v.shown(), v.achieved()), v.gapPercent() == null ? null : figure(true, v.gapPercent()),
                    v.achievedLater() == null ? null : figure(true, v.achievedLater()), v.shown() ? v.n() : null));
        }
        tables.add(new Table(text("report.sheet.workValues"), text("report.workValues.title"), List.of(
                text("indicators.workValues.value"), text("report.workValues.important"),
                text("report.workValues.achieved"), text("report.workValues.gapShare"),
                text("report.workValues.achievedLater"), text("report.col.n")), rows));

        rows = new ArrayList<>();
        for (var m : report.months()) {
            rows.add(row(m.month(), figure(m.shown(), m.employee()), figure(m.shown(), m.employer()),
                    figure(m.shown(), m.other()), m.shown() ? m.n() : null));
        }
        tables.add(new Table(text("report.sheet.months"), text("report.months.title"), List.of(
                text("report.months.month"), text("contacts.chart.employee"), text("contacts.chart.employer"),
                text("contacts.chart.other"), text("report.col.n")), rows));

        rows = new ArrayList<>();
        for (var a : report.associations()) {
            rows.add(row(text("report.predictor." + a.predictor()), text("report.outcome." + a.outcome()),
                    text("report.measure." + a.measure()), figure(a.shown(), a.estimate()),
                    figure(a.shown(), a.lower()), figure(a.shown(), a.upper()),
                    !a.shown() ? null : a.pValue() < 0.001 && !allDigits ? "< 0.001"
                            : Figure.significant(a.pValue(), P_DIGITS), a.shown() ? a.n() : null));
        }
        tables.add(new Table(text("report.sheet.associations"), text("report.associations.title"), List.of(
                text("report.associations.predictor"), text("report.associations.outcome"),
                text("report.associations.measure"), text("report.associations.estimate"), text("report.col.lower"),
                text("report.col.upper"), text("report.col.p"), text("report.col.n")), rows));
        return tables;
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** A figure as computed; the file rounds it to {@link #DECIMALS} unless all digits are asked for. */
    private static Figure figure(boolean shown, double value) {
        return shown && Double.isFinite(value) ? Figure.decimals(value, DECIMALS) : null;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale).strip();
    }
}
