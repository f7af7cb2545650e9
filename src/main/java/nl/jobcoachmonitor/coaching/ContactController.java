package nl.jobcoachmonitor.coaching;

import java.time.Clock;
import java.time.LocalDate;

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
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Logging a contact. With htmx the trajectory page posts the form and swaps in the refreshed contact section (hours
 * this month, chart, timeline); without JavaScript the form has its own page.
 */
@Controller
class ContactController {

    private final ContactManagement contacts;
    private final Clock clock;

    ContactController(ContactManagement contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @GetMapping("/trajectories/{id}/contacts/new")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("contacts", contacts.section(user, id));
        model.addAttribute("contactForm", LogContactForm.empty(LocalDate.now(clock)));
        addOptions(model);
        return "coaching/log-contact";
    }

    @PostMapping("/trajectories/{id}/contacts")
    String log(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("contactForm") LogContactForm form, BindingResult result,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        boolean saved = false;
        if (!result.hasErrors()) {
            try {
                contacts.log(user, id, form);
                saved = true;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        if (saved && htmx == null) {
            return "redirect:/trajectories/" + id + "#contacts";
        }
        model.addAttribute("contacts", contacts.section(user, id));
        model.addAttribute("contactErrors", result.hasErrors());
        addOptions(model);
        if (saved) {
            // Other parts of the page that count contacts (hours against the grant) ask for themselves again.
            response.setHeader("HX-Trigger", "contact-logged");
            model.addAttribute("contactSaved", true);
            model.addAttribute("contactForm", LogContactForm.empty(LocalDate.now(clock)));
        }
        return htmx != null ? "coaching/contacts :: section" : "coaching/log-contact";
    }

    private static void addOptions(Model model) {
        ContactOptions.addTo(model);
    }
}
