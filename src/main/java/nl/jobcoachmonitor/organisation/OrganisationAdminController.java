package nl.jobcoachmonitor.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages for coaching organisations and commissioners: plain CRUD, no case content. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationAdminController {

    private final Organisations organisations;
    private final Commissioners commissioners;

    OrganisationAdminController(Organisations organisations, Commissioners commissioners) {
        this.organisations = organisations;
        this.commissioners = commissioners;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("organisationForm")) {
            model.addAttribute("organisationForm", new OrganisationForm("", ""));
        }
        if (!model.containsAttribute("commissionerForm")) {
            model.addAttribute("commissionerForm", new CommissionerForm("", CommissionerKind.MUNICIPALITY));
        }
        model.addAttribute("organisations", organisations.findAllByOrderByName());
        model.addAttribute("commissioners", commissioners.findAllByOrderByName());
        model.addAttribute("kinds", CommissionerKind.values());
        return "organisation/admin";
    }

    @PostMapping
    String addOrganisation(@Validated @ModelAttribute("organisationForm") OrganisationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && organisations.existsByName(form.name().trim())) {
            result.rejectValue("name", "organisation.name.taken");
        }
        if (result.hasErrors()) {
            return list(model);
        }
        organisations.save(new Organisation(null, form.name().trim(), form.city(), null));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/organisations";
    }

    @PostMapping("/commissioners")
    String addCommissioner(@Validated @ModelAttribute("commissionerForm") CommissionerForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors() && commissioners.existsByName(form.name().trim())) {
            result.rejectValue("name", "organisation.name.taken");
        }
        if (result.hasErrors()) {
            return list(model);
        }
        commissioners.save(new Commissioner(null, form.name().trim(), form.kind(), null));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/organisations";
    }
}
