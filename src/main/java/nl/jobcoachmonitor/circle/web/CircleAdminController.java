package nl.jobcoachmonitor.circle.web;

import nl.jobcoachmonitor.circle.CircleForm;
import nl.jobcoachmonitor.circle.CircleManagement;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's knowledge circles: create one, appoint (or change) its organiser. */
@Controller
class CircleAdminController {

    private final CircleManagement circles;

    CircleAdminController(CircleManagement circles) {
        this.circles = circles;
    }

    @GetMapping("/admin/circles")
    String circles(Model model) {
        model.addAttribute("circleForm", CircleForm.empty());
        return page(model);
    }

    @PostMapping("/admin/circles")
    String create(@AuthenticationPrincipal CurrentUser user, @Validated @ModelAttribute("circleForm") CircleForm form,
            BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasErrors()) {
            try {
                circles.create(user, form);
                flash.addFlashAttribute("notice", "circle.admin.created");
                return "redirect:/admin/circles";
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return page(model);
    }

    @PostMapping("/admin/circles/{id}/organiser")
    String appoint(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String organiser, RedirectAttributes flash) {
        try {
            circles.appoint(user, id, organiser);
            flash.addFlashAttribute("notice", "circle.admin.appointed");
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/admin/circles";
    }

    private String page(Model model) {
        model.addAttribute("circles", circles.all());
        return "circle/admin";
    }
}
