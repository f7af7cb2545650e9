package nl.jobcoachmonitor.plan;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.OnBehalfOf;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coach of a draft report makes the personal assessment link for the employee or the employer: shown once. */
@Controller
class AssessmentLinkController {

    private final Assessments assessments;
    private final Clock clock;

    AssessmentLinkController(Assessments assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}/employee-assessment-link")
    String employee(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            Model model, HttpServletResponse response) {
        return create(user, id, reportId, OnBehalfOf.EMPLOYEE, model, response);
    }

    @PostMapping("/trajectories/{id}/reports/{reportId}/employer-assessment-link")
    String employer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            Model model, HttpServletResponse response) {
        return create(user, id, reportId, OnBehalfOf.EMPLOYER_CONTACT, model, response);
    }

    private String create(CurrentUser user, long id, long reportId, OnBehalfOf respondent, Model model,
            HttpServletResponse response) {
        var link = assessments.createLink(user, id, reportId, respondent);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/a/{token}")
                .buildAndExpand(link.token()).toUriString());
        model.addAttribute("expiresOn", link.expiresAt().atZone(clock.getZone()).toLocalDate());
        model.addAttribute("respondent", respondent.name());
        model.addAttribute("trajectoryId", id);
        model.addAttribute("reportId", reportId);
        return "plan/assessment-link";
    }
}
