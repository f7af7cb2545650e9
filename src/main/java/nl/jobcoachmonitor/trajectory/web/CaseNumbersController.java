package nl.jobcoachmonitor.trajectory.web;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.CaseNumbers;
import nl.jobcoachmonitor.trajectory.CaseNumbersForm;

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

/** The commissioner's client and case number of a trajectory: a small form on the trajectory page, or its own page. */
@Controller
class CaseNumbersController {

    private final CaseNumbers numbers;

    CaseNumbersController(CaseNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping("/trajectories/{id}/case-numbers")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("caseNumbers", numbers.of(user, id));
        model.addAttribute("trajectoryId", id);
        return "trajectory/case-numbers";
    }

    @PostMapping("/trajectories/{id}/case-numbers")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("caseNumbers") CaseNumbersForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            numbers.of(user, id);
            model.addAttribute("trajectoryId", id);
            return "trajectory/case-numbers";
        }
        numbers.change(user, id, form);
        redirect.addFlashAttribute("saved", "caseNumbers.saved");
        return "redirect:/trajectories/" + id + "#case-numbers";
    }
}
