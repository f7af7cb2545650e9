package nl.jobcoachmonitor.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.plan.TeamGrants;
import nl.jobcoachmonitor.shared.Figure;
import nl.jobcoachmonitor.shared.Table;
import nl.jobcoachmonitor.shared.TableFiles;
import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The manager's team tables as files people open in Excel: hours against grants (per coach, per commissioner) and the
 * yearly satisfaction per commissioner. The workbook starts with a sheet describing the selection (organisation,
 * period or year, when it was made), then one sheet per table with numbers as numeric cells (hours and means with the
 * page's one decimal); the CSV is the standard one or, with {@code variant=nl}, the Dutch one. Headers in the reader's
 * language. Aggregates only: coaches' names are staff, commissioners are organisations.
 */
final class TeamTables {

    static final String XLSX = TableFiles.XLSX_TYPE;

    private final MessageSource messages;
    private final Locale locale;

    TeamTables(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The first sheet: what the tables are about. */
    Table selection(String organisation, String periodLabel, String period, ZonedDateTime made) {
        List<List<Object>> rows = List.of(
                List.of(text("team.download.organisation"), organisation),
                List.of(text(periodLabel), period),
                List.of(text("report.download.made"), DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale)
                        .format(made)));
        return new Table(text("report.sheet.selection"), text("report.sheet.selection"),
                List.of(text("report.download.field"), text("report.download.value")), rows);
    }

    /** Hours against grants: one table per coach, one per commissioner, the page's columns. */
    List<Table> grants(TeamGrants grants) {
        return List.of(grants("coach", grants.perCoach()), grants("commissioner", grants.perCommissioner()));
    }

    private Table grants(String part, List<TeamGrants.Total> totals) {
        List<List<Object>> rows = new ArrayList<>();
        for (var t : totals) {
            rows.add(List.of(t.name(), t.trajectories(), Figure.decimals(t.hoursUsed(), 1),
                    Figure.decimals(t.hoursGranted(), 1), t.withoutRules(), t.atWarning(), t.atFull()));
        }
        String title = text("team.grants.per." + part);
        return new Table(title, title, List.of(text("team.grants." + part), text("team.grants.trajectories"),
                text("team.grants.used"), text("team.grants.granted"), text("team.download.withoutRules"),
                text("team.grants.atWarning"), text("team.grants.atFull")), rows);
    }

    /** The satisfaction per commissioner: means (the page's one decimal) with their counts, norm, judgement. */
    Table satisfaction(SatisfactionReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (var r : report.rows()) {
            Boolean met = r.normMet();
            rows.add(Arrays.asList(r.commissionerName(), figure(r.employeeMean()), r.employeeCount(),
                    figure(r.employerMean()), r.employerCount(),
                    r.norm() == null ? null : Figure.decimals(r.norm().doubleValue(), 1),
                    text(met == null ? "satisfaction.unknown" : met ? "satisfaction.yes" : "satisfaction.no")));
        }
        String title = text("satisfaction.open");
        return new Table(text("satisfaction.sheet"), title, List.of(text("team.grants.commissioner"),
                text("satisfaction.employee"), text("satisfaction.download.employeeCount"),
                text("satisfaction.employer"), text("satisfaction.download.employerCount"), text("satisfaction.norm"),
                text("satisfaction.met")), rows);
    }

    private static Figure figure(Double mean) {
        return mean == null ? null : Figure.decimals(mean, 1);
    }

    static ResponseEntity<String> csv(String filename, List<Table> tables, String variant) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename + ".csv")
                        .build().toString())
                .body("\uFEFF" + TableFiles.csv(tables, CsvVariant.named(variant), false, tables.size() > 1));
    }

    static ResponseEntity<byte[]> xlsx(String filename, List<Table> tables) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename + ".xlsx")
                        .build().toString())
                .body(TableFiles.xlsx(tables, false));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
