package nl.jobcoachmonitor.measurement.web;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.mail.MailState;
import nl.jobcoachmonitor.measurement.QuestionnaireInvitations;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The coach mails a questionnaire: to the employee (their recorded address filled in) or to the employer contact (an
 * address the coach types), in Dutch or English. A refused address is shown at the field and nothing is stored; a
 * mail the mail server did not take brings the coach back to the form with the message (the mail is in the outbox).
 */
@Controller
class InvitationController {

    private final QuestionnaireInvitations invitations;
    private final String publicUrl;

    InvitationController(QuestionnaireInvitations invitations, @Value("${jcm.public-url:}") String publicUrl) {
        this.invitations = invitations;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @InitBinder("mailForm")
    void trim(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/trajectories/{id}/waves/{waveId}/employee-mail")
    String employeeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long waveId,
            Model model) {
        return form(user, id, waveId, Respondent.EMPLOYEE, model);
    }

    @GetMapping("/trajectories/{id}/waves/{waveId}/employer-mail")
    String employerForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long waveId,
            Model model) {
        return form(user, id, waveId, Respondent.EMPLOYER, model);
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employee-mail")
    String mailEmployee(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long waveId,
            @Validated @ModelAttribute("mailForm") InvitationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return send(user, id, waveId, Respondent.EMPLOYEE, form, result, model, redirect);
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employer-mail")
    String mailEmployer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long waveId,
            @Validated @ModelAttribute("mailForm") InvitationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return send(user, id, waveId, Respondent.EMPLOYER, form, result, model, redirect);
    }

    private String form(CurrentUser user, long id, long waveId, Respondent respondent, Model model) {
        var page = invitations.page(user, id, waveId, respondent);
        if (!model.containsAttribute("mailForm")) {
            model.addAttribute("mailForm", new InvitationForm(page.recordedAddress(), MailLanguage.NL));
        }
        return show(page, model);
    }

    private String send(CurrentUser user, long id, long waveId, Respondent respondent, InvitationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var page = invitations.page(user, id, waveId, respondent);
        if (result.hasErrors()) {
            return show(page, model);
        }
        long mail;
        try {
            mail = invitations.invite(user, id, waveId, respondent, form.address(), form.language(), linkBase());
        } catch (DomainRuleViolation e) {
            result.rejectValue(e.field(), e.messageKey());
            return show(page, model);
        }
        var state = invitations.state(mail);
        if (state == MailState.SENT || state == MailState.OUTBOX) {
            // Without a mail server nothing reached the recipient: a warning, not a success.
            redirect.addFlashAttribute(state == MailState.SENT ? "saved" : "warning",
                    state == MailState.SENT ? "measurement.mail.sent" : "measurement.mail.inOutbox");
            return "redirect:/trajectories/" + id;
        }
        redirect.addFlashAttribute("failed", true);
        redirect.addFlashAttribute("mailForm", form);
        return "redirect:/trajectories/" + id + "/waves/" + waveId + "/"
                + (respondent == Respondent.EMPLOYEE ? "employee" : "employer") + "-mail";
    }

    private static String show(QuestionnaireInvitations.InvitationPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("respondent", page.respondent().name());
        model.addAttribute("languages", MailLanguage.values());
        return "measurement/invitation";
    }

    /** Where links in mails point: {@code jcm.public-url} when set, otherwise the address the coach's browser used. */
    private String linkBase() {
        return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
    }
}
