package nl.jobcoachmonitor.plan.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.plan.Assessments;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coach of a draft report makes the employee's or the employer's assessment link: shown once, or mailed. */
@Controller
class AssessmentLinkController {

    private final Assessments assessments;
    private final Clock clock;
    private final String publicUrl;

    AssessmentLinkController(Assessments assessments, Clock clock, @Value("${jcm.public-url:}") String publicUrl) {
        this.assessments = assessments;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * A new link mailed to the employee's recorded address, in Dutch or English; back to the report with what
     * happened. Without a mail server the mail waits in the administrator's outbox, as questionnaire mails do.
     */
    @PostMapping("/trajectories/{id}/reports/{reportId}/employee-assessment-mail")
    String mail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long reportId,
            @RequestParam(required = false) String language, RedirectAttributes redirect) {
        try {
            String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                    : publicUrl;
            assessments.mailEmployeeLink(user, id, reportId, base, language);
            redirect.addFlashAttribute("reportSaved", "assessment.mail.sent");
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("reportSaved", e.messageKey());
        }
        return "redirect:/trajectories/" + id + "/reports/" + reportId;
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
