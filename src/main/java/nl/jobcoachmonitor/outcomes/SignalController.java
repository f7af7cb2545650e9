package nl.jobcoachmonitor.outcomes;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handling a signal with a short note. With htmx the caseload's signal list is swapped in; without JavaScript the form
 * posts and returns to the caseload.
 */
@Controller
class SignalController {

    private final OutcomesManagement outcomes;

    SignalController(OutcomesManagement outcomes) {
        this.outcomes = outcomes;
    }

    @PostMapping("/signals/{id}/handled")
    String handle(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String note,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        try {
            outcomes.handle(user, id, note);
        } catch (DomainRuleViolation e) {
            if (htmx == null) {
                redirect.addFlashAttribute("failed", id);
                redirect.addFlashAttribute("noteError", e.messageKey());
                return "redirect:/caseload#signal-" + id;
            }
            model.addAttribute("failed", id);
            model.addAttribute("noteError", e.messageKey());
            model.addAttribute("signals", outcomes.openSignals(user));
            response.setStatus(HttpStatus.OK.value());
            return "outcomes/signals :: list";
        }
        if (htmx == null) {
            redirect.addFlashAttribute("handled", true);
            return "redirect:/caseload#signals";
        }
        model.addAttribute("handled", true);
        model.addAttribute("signals", outcomes.openSignals(user));
        return "outcomes/signals :: list";
    }
}
