package nl.jobcoachmonitor.analytics;

import java.util.Arrays;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.Role;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

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

    ReportController(AnalyticsManagement analytics, OrganisationManagement organisations) {
        this.analytics = analytics;
        this.organisations = organisations;
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
