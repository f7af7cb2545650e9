package nl.jobcoachmonitor.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.plan.GrantRule;
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

/**
 * The administrator sets the rules of each commissioner's grant, as a new version from a date: earlier periods and
 * signed reports keep the version they were made under. No case content here.
 */
@Controller
class GrantRuleController {

    private final GrantRules rules;
    private final OrganisationManagement organisations;
    private final Clock clock;
    private final PersonalDataAccess access;

    GrantRuleController(GrantRules rules, OrganisationManagement organisations, Clock clock,
            PersonalDataAccess access) {
        this.rules = rules;
        this.organisations = organisations;
        this.clock = clock;
        this.access = access;
    }

    @GetMapping("/admin/commissioners/{id}/grant")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("commissioner", organisations.commissioner(id)
                .orElseThrow(() -> new NotFoundException("commissioner", id)));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("grantForm", rules.of(id).map(r -> GrantRuleForm.of(r, today))
                .orElseGet(() -> GrantRuleForm.empty(today)));
        addChoices(id, model);
        return "plan/grant-rule";
    }

    @PostMapping("/admin/commissioners/{id}/grant")
    String save(@PathVariable long id, @Validated @ModelAttribute("grantForm") GrantRuleForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var commissioner = organisations.commissioner(id).orElseThrow(() -> new NotFoundException("commissioner", id));
        if (result.hasErrors()) {
            model.addAttribute("commissioner", commissioner);
            addChoices(id, model);
            return "plan/grant-rule";
        }
        var rule = form.toRule(id, LocalDate.now(clock));
        String before = rules.of(id).map(GrantRule::reportEmail).orElse(null);
        rules.save(rule);
        // The rules say where signed reports (with the employee's name) are mailed: a change of that address decides
        // who receives personal data, so the log has every new version and says when the address changed.
        access.changed("grant_rule", "commissioner " + id + " from " + rule.effectiveFrom()
                + (Objects.equals(before, rule.reportEmail()) ? "" : ", report address changed"), null);
        redirect.addFlashAttribute("grantSaved", commissioner.name());
        return "redirect:/admin/commissioners/" + id + "/grant";
    }

    /** The templates to choose from and the versions so far, newest first. */
    private void addChoices(long id, Model model) {
        model.addAttribute("templates", ReportTemplate.values());
        List<GrantRule> versions = new ArrayList<>(rules.history(id).map(h -> h.versions()).orElse(List.of()));
        Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("fromTheBeginning", GrantRule.FROM_THE_BEGINNING);
    }
}
