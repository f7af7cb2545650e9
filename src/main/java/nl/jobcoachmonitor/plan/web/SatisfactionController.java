package nl.jobcoachmonitor.plan.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.plan.GrantRule;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.plan.GrantRules;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's yearly satisfaction report per commissioner (aggregates only, no individual). */
@Controller
class SatisfactionController {

    private final JdbcClient jdbc;
    private final GrantRules rules;
    private final PersonalDataAccess access;
    private final Clock clock;
    private final OrganisationManagement organisations;
    private final MessageSource messages;

    SatisfactionController(JdbcClient jdbc, GrantRules rules, PersonalDataAccess access, Clock clock,
            OrganisationManagement organisations, MessageSource messages) {
        this.organisations = organisations;
        this.messages = messages;
        this.jdbc = jdbc;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/team/satisfaction")
    @Transactional(readOnly = true)
    String satisfaction(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            Model model) {
        int thisYear = LocalDate.now(clock).getYear();
        int shown = shown(year);
        model.addAttribute("satisfaction", report(user.organisationId(), shown));
        model.addAttribute("years", List.of(thisYear, thisYear - 1, thisYear - 2));
        access.searched("accountability-report", "satisfaction " + shown);
        return "plan/satisfaction";
    }

    /**
     * The report as a workbook: the selection (organisation, year, made at), then the table; numbers as numbers. An
     * aggregate without persons, logged as an export of what the page logs as a search.
     */
    @GetMapping(value = "/team/satisfaction.xlsx", produces = TeamTables.XLSX)
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer year, Locale locale) {
        int shown = shown(year);
        var files = new TeamTables(messages, locale);
        var sheets = List.of(files.selection(TeamGrantsController.organisationName(organisations, user),
                "satisfaction.year", String.valueOf(shown), ZonedDateTime.now(clock)),
                files.satisfaction(report(user.organisationId(), shown)));
        access.exported("accountability-report", "satisfaction " + shown);
        return TeamTables.xlsx(messages.getMessage("satisfaction.download.file", new Object[] {shown}, locale),
                sheets);
    }

    /** The report as CSV; {@code variant=nl} with semicolons and decimal commas. */
    @GetMapping(value = "/team/satisfaction.csv", produces = "text/csv")
    @Transactional(readOnly = true)
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String variant,
            Locale locale) {
        int shown = shown(year);
        var table = new TeamTables(messages, locale).satisfaction(report(user.organisationId(), shown));
        access.exported("accountability-report", "satisfaction " + shown);
        return TeamTables.csv(messages.getMessage("satisfaction.download.file", new Object[] {shown}, locale),
                List.of(table), variant);
    }

    /** The year asked for, or this year when it is missing or out of range. */
    private int shown(Integer year) {
        int thisYear = LocalDate.now(clock).getYear();
        return year == null || year < 2000 || year > thisYear ? thisYear : year;
    }

    SatisfactionReport report(long organisationId, int year) {
        record Grades(long commissionerId, String name, List<Integer> employee, List<Integer> employer) {
        }
        Map<Long, Grades> grades = new TreeMap<>();
        jdbc.sql("""
                select c.id, c.name, r.employee_grade, r.employer_grade
                from accountability_report r join trajectory t on t.id = r.trajectory_id
                  join commissioner c on c.id = t.commissioner_id
                where t.organisation_id = :o and r.signed_at >= :from and r.signed_at < :to
                  and r.version_no = (select max(x.version_no) from accountability_report x
                    where x.trajectory_id = r.trajectory_id and x.period_from = r.period_from
                      and x.signed_at is not null)
                """).param("o", organisationId)
                .param("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> {
                    String name = rs.getString(2);
                    var g = grades.computeIfAbsent(rs.getLong(1),
                            k -> new Grades(k, name, new ArrayList<>(), new ArrayList<>()));
                    Integer employee = rs.getObject(3, Integer.class);
                    Integer employer = rs.getObject(4, Integer.class);
                    if (employee != null) {
                        g.employee().add(employee);
                    }
                    if (employer != null) {
                        g.employer().add(employer);
                    }
                    return g;
                }).list();
        var rows = grades.values().stream().map(g -> new SatisfactionReport.Row(g.name(),
                rules.of(g.commissionerId()).map(GrantRule::satisfactionNorm).orElse(null), mean(g.employee()),
                g.employee().size(), mean(g.employer()), g.employer().size()))
                .sorted(java.util.Comparator.comparing(SatisfactionReport.Row::commissionerName)).toList();
        return new SatisfactionReport(year, rows);
    }

    private static Double mean(List<Integer> grades) {
        return grades.isEmpty() ? null
                : Math.round(grades.stream().mapToInt(Integer::intValue).average().orElseThrow() * 100) / 100.0;
    }
}
