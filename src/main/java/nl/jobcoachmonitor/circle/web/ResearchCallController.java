package nl.jobcoachmonitor.circle.web;

import nl.jobcoachmonitor.circle.CallForm;
import nl.jobcoachmonitor.circle.ResearchCalls;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Calls for research participation: the researcher's calls under {@code /research/calls} (researchers only), the
 * coaches' list and sign-up under {@code /circle/calls}.
 */
@Controller
class ResearchCallController {

    private final ResearchCalls calls;

    ResearchCallController(ResearchCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/circle/calls")
    String open(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("calls", calls.open(user));
        return "circle/calls";
    }

    @PostMapping("/circle/calls/{id}/signup")
    String signUp(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        try {
            calls.signUp(user, id);
            flash.addFlashAttribute("notice", "circle.call.signedUp");
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/circle/calls#call-" + id;
    }

    @PostMapping("/circle/calls/{id}/signup/cancel")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        calls.withdraw(user, id);
        flash.addFlashAttribute("notice", "circle.call.withdrawn");
        return "redirect:/circle/calls#call-" + id;
    }

    @GetMapping("/research/calls")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("callForm", CallForm.empty());
        return researcherPage(user, model);
    }

    @PostMapping("/research/calls")
    String post(@AuthenticationPrincipal CurrentUser user, @Validated @ModelAttribute("callForm") CallForm form,
            BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                long id = calls.post(user, form);
                return "redirect:/research/calls/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return researcherPage(user, model);
    }

    @GetMapping("/research/calls/{id}")
    String call(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("call", calls.withVolunteers(user, id));
        return "circle/call";
    }

    private String researcherPage(CurrentUser user, Model model) {
        model.addAttribute("calls", calls.postedBy(user));
        return "circle/research-calls";
    }
}
