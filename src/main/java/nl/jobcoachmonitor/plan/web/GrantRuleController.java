package nl.jobcoachmonitor.plan.web;

import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.plan.GrantRules;
import nl.jobcoachmonitor.plan.ReportTemplate;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator sets the rules of each commissioner's grant. No case content here. */
@Controller
class GrantRuleController {

    private final GrantRules rules;
    private final OrganisationManagement organisations;

    GrantRuleController(GrantRules rules, OrganisationManagement organisations) {
        this.rules = rules;
        this.organisations = organisations;
    }

    @GetMapping("/admin/commissioners/{id}/grant")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("commissioner", organisations.commissioner(id)
                .orElseThrow(() -> new NotFoundException("commissioner", id)));
        model.addAttribute("grantForm", rules.of(id).map(GrantRuleForm::of).orElseGet(GrantRuleForm::empty));
        model.addAttribute("templates", ReportTemplate.values());
        return "plan/grant-rule";
    }

    @PostMapping("/admin/commissioners/{id}/grant")
    String save(@PathVariable long id, @Validated @ModelAttribute("grantForm") GrantRuleForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var commissioner = organisations.commissioner(id).orElseThrow(() -> new NotFoundException("commissioner", id));
        if (result.hasErrors()) {
            model.addAttribute("commissioner", commissioner);
            model.addAttribute("templates", ReportTemplate.values());
            return "plan/grant-rule";
        }
        rules.save(form.toRule(id));
        redirect.addFlashAttribute("grantSaved", commissioner.name());
        return "redirect:/admin/commissioners/" + id + "/grant";
    }
}
