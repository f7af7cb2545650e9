package nl.jobcoachmonitor.analytics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;

/** The study report page for a manager (the organisation) or a commissioner (what it commissions). */
@Controller
class ReportController {

    private final AnalyticsManagement analytics;
    private final OrganisationManagement organisations;

    private final MessageSource messages;

    ReportController(AnalyticsManagement analytics, OrganisationManagement organisations, MessageSource messages) {
        this.analytics = analytics;
        this.messages = messages;
        this.organisations = organisations;
    }

    /** The report's tables as CSV (the same figures, the same suppression). */
    @GetMapping(value = "/report.csv", produces = "text/csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ReportFilter filter,
            Locale locale) {
        var report = analytics.report(user, filter);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("jobcoach-monitor-rapportage.csv").build().toString())
                .body("\uFEFF" + ReportCsv.of(report, messages, locale));
    }

    @GetMapping("/report")
    String report(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("filter") ReportFilter filter,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("report", analytics.report(user, filter));
        model.addAttribute("ageBands", ReportFilter.AgeBand.values());
        model.addAttribute("phases", Arrays.stream(TrajectoryPhase.values())
                .filter(p -> p != TrajectoryPhase.JOB_SEARCH).toList());
        if (user.role() == Role.MANAGER) {
            model.addAttribute("commissioners", organisations.commissioners());
        }
        return htmx != null ? "analytics/report :: results" : "analytics/report";
    }
}
