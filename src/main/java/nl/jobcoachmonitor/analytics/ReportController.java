package nl.jobcoachmonitor.analytics;

import java.beans.PropertyEditorSupport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.TableFiles;
import nl.jobcoachmonitor.shared.TableFiles.CsvVariant;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** The study report page for a manager (the organisation) or a commissioner (what it commissions). */
@Controller
class ReportController {

    private final AnalyticsManagement analytics;
    private final OrganisationManagement organisations;

    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final Clock clock;

    ReportController(AnalyticsManagement analytics, OrganisationManagement organisations, MessageSource messages,
            ITemplateEngine templates, Clock clock) {
        this.analytics = analytics;
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
        this.organisations = organisations;
    }

    /**
     * Periods are whole months ({@code 2026-01}). A date with a day (an old link, or a browser without month inputs)
     * is read as its month, never day-precise; the page says so ({@link #coarsened}). Anything else is a bad request.
     */
    @InitBinder("filter")
    void months(WebDataBinder binder) {
        binder.registerCustomEditor(YearMonth.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(month(text));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return t.length() > 7 ? YearMonth.from(LocalDate.parse(t)) : YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a month (yyyy-mm): " + text, e);
        }
    }

    /** Whether the request gave a date with a day, which was read as its month. */
    private static boolean coarsened(HttpServletRequest request) {
        return Stream.of("from", "to").map(request::getParameter)
                .anyMatch(value -> value != null && value.strip().length() > 7);
    }

    /**
     * The report's tables as CSV (the same figures, the same suppression): {@code variant=nl} the Dutch variant
     * (semicolon, decimal comma), {@code digits=all} every figure with all its digits.
     */
    @GetMapping(value = "/report.csv", produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ReportFilter filter,
            @RequestParam(required = false) String variant, @RequestParam(required = false) String digits,
            Locale locale) {
        var report = analytics.report(user, filter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-rapportage.csv").build().toString())
                .body("\uFEFF" + ReportCsv.csv(report, messages, locale, CsvVariant.named(variant),
                        "all".equals(digits)));
    }

    /** The report's tables as a spreadsheet: a sheet with the selection, one sheet per table, numbers as numbers. */
    @GetMapping(value = "/report.xlsx", produces = XLSX)
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user,
            @ModelAttribute("filter") ReportFilter filter, @RequestParam(required = false) String digits,
            Locale locale) {
        var report = analytics.report(user, filter);
        String commissioner = filter.commissionerId() == null ? null : organisations.commissioners().stream()
                .filter(c -> c.id() == filter.commissionerId()).map(c -> c.name()).findFirst().orElse(null);
        byte[] file = ReportCsv.xlsx(report, new ReportCsv.Selection(ZonedDateTime.now(clock), commissioner), messages,
                locale, "all".equals(digits));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-rapportage.xlsx").build().toString())
                .body(file);
    }

    static final String XLSX = TableFiles.XLSX_TYPE;

    /** The report as PDF: the same template and figures, the charts drawn as SVG. */
    @GetMapping(value = "/report.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ReportFilter filter,
            Locale locale, HttpServletRequest request, HttpServletResponse response) {
        var report = analytics.report(user, filter);
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        var context = new WebContext(exchange, locale);
        context.setVariable("report", report);
        context.setVariable("filter", filter);
        context.setVariable("pdf", true);
        context.setVariable("made", ZonedDateTime.now(clock));
        context.setVariable("valuesSvg", ReportSvg.workValues(report.workValues(),
                value -> messages.getMessage("workValue." + value, null, locale),
                messages.getMessage("report.workValues.important", null, locale),
                messages.getMessage("report.workValues.achieved", null, locale)));
        context.setVariable("monthsSvg", ReportSvg.months(report.months(),
                messages.getMessage("contacts.chart.employee", null, locale),
                messages.getMessage("contacts.chart.employer", null, locale),
                messages.getMessage("report.months.month", null, locale)));
        String html = templates.process("analytics/report-print", context);
        byte[] pdf = ReportPdf.of(html, request.getRequestURL().toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-rapportage.pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/report")
    String report(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ReportFilter filter,
            @RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletRequest request,
            Model model) {
        model.addAttribute("report", analytics.report(user, filter));
        model.addAttribute("coarsened", coarsened(request));
        model.addAttribute("ageBands", ReportFilter.AgeBand.values());
        model.addAttribute("phases", Arrays.stream(TrajectoryPhase.values())
                .filter(p -> p != TrajectoryPhase.JOB_SEARCH).toList());
        if (user.role() == Role.MANAGER) {
            model.addAttribute("commissioners", organisations.commissioners());
        }
        return htmx != null ? "analytics/report :: results" : "analytics/report";
    }
}
