package nl.jobcoachmonitor.trajectory.web;

import java.time.Clock;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ConsentManagement;
import nl.jobcoachmonitor.trajectory.RecordConsentForm;

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
 * The consent section of the trajectory page: loaded by htmx into the page (its own page without JavaScript), with
 * the decisions that hold, the history and a form to record a new decision.
 */
@Controller
class ConsentController {

    private final ConsentManagement consents;
    private final Clock clock;

    ConsentController(ConsentManagement consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @GetMapping("/trajectories/{id}/consent")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("consent", consents.state(user, id));
        model.addAttribute("consentForm", RecordConsentForm.empty(LocalDate.now(clock)));
        return htmx != null ? "trajectory/consent :: consentSection" : "trajectory/consent";
    }

    @PostMapping("/trajectories/{id}/consent")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("consentForm") RecordConsentForm form, BindingResult result,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        if (!result.hasErrors()) {
            consents.record(user, id, form);
            if (htmx == null) {
                return "redirect:/trajectories/" + id + "/consent";
            }
            model.addAttribute("consentSaved", true);
            model.addAttribute("consentForm", RecordConsentForm.empty(LocalDate.now(clock)));
        }
        model.addAttribute("consent", consents.state(user, id));
        model.addAttribute("consentErrors", result.hasErrors());
        return htmx != null ? "trajectory/consent :: consentSection" : "trajectory/consent";
    }
}
