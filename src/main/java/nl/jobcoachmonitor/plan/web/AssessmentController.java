package nl.jobcoachmonitor.plan.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.PersonalLinkGuard;
import nl.jobcoachmonitor.plan.AssessmentForm;
import nl.jobcoachmonitor.plan.Assessments;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The assessment form, opened by a personal link without an account. As with the questionnaire and the own-data page,
 * {@code /a/{token}} exchanges the token for the session (a same-site meta refresh to {@code /a}, so the token leaves
 * the address bar), guessing is throttled, and an unknown, expired, used or revoked link, a link of a signed-off
 * report, or a session without one gets the same 404 page. No request parameter names a person or a report.
 */
@Controller
class AssessmentController {

    static final String SESSION_KEY = "jcm.assessment.link";

    private final Assessments assessments;
    private final PersonalLinkGuard guard;

    AssessmentController(Assessments assessments, PersonalLinkGuard guard) {
        this.assessments = assessments;
        this.guard = guard;
    }

    @ModelAttribute
    void privateHeaders(HttpServletResponse response) {
        PersonalLinkGuard.privateHeaders(response);
    }

    @GetMapping("/a/{token}")
    String exchange(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        return guard.open(request, response, () -> assessments.exchange(token), SESSION_KEY, "plan/assessment-start",
                "plan/assessment-invalid");
    }

    @GetMapping("/a")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        var link = linkOf(request).flatMap(assessments::open);
        if (link.isEmpty()) {
            return forget(request, response);
        }
        model.addAttribute("respondent", link.get().respondent().name());
        model.addAttribute("assessmentForm", new AssessmentForm(null, null));
        return "plan/assessment";
    }

    @PostMapping("/a")
    String submit(@Validated @ModelAttribute("assessmentForm") AssessmentForm form, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var link = linkOf(request).flatMap(assessments::open);
        if (link.isEmpty()) {
            return forget(request, response);
        }
        if (result.hasErrors()) {
            model.addAttribute("respondent", link.get().respondent().name());
            return "plan/assessment";
        }
        if (!assessments.submit(link.get().id(), form)) {
            return forget(request, response);
        }
        forget(request);
        // the thanks page addresses the employee with "je" and the employer with "u", as the form did
        redirect.addFlashAttribute("respondent", link.get().respondent().name());
        return "redirect:/a/thanks";
    }

    @GetMapping("/a/thanks")
    String thanks() {
        return "plan/assessment-thanks";
    }

    private static Optional<Long> linkOf(HttpServletRequest request) {
        return PersonalLinkGuard.entered(request, SESSION_KEY);
    }

    private static void forget(HttpServletRequest request) {
        PersonalLinkGuard.leave(request, SESSION_KEY);
    }

    private static String forget(HttpServletRequest request, HttpServletResponse response) {
        forget(request);
        return invalid(response);
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "plan/assessment-invalid";
    }
}
