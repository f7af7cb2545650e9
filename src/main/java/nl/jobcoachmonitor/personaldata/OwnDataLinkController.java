package nl.jobcoachmonitor.personaldata;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;

import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coach makes the employee's personal own-data link on the trajectory page: shown once, or mailed. */
@Controller
class OwnDataLinkController {

    private final OwnDataManagement owndata;
    private final Clock clock;
    private final String publicUrl;

    OwnDataLinkController(OwnDataManagement owndata, Clock clock, @Value("${jcm.public-url:}") String publicUrl) {
        this.owndata = owndata;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /**
     * A new link mailed to the employee's recorded address, in Dutch or English; back to the trajectory page with what
     * happened. Without a mail server the mail waits in the administrator's outbox, as questionnaire mails do.
     */
    @PostMapping("/trajectories/{id}/own-data-mail")
    String mail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String language, RedirectAttributes redirect) {
        try {
            String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                    : publicUrl;
            owndata.mailLink(user, id, base, language);
            redirect.addFlashAttribute("saved", "owndata.mail.sent");
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("saved", e.messageKey());
        }
        return "redirect:/trajectories/" + id + "#own-data";
    }

    @PostMapping("/trajectories/{id}/own-data-link")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            HttpServletResponse response) {
        var link = owndata.createLink(user, id);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/own/{token}")
                .buildAndExpand(link.token()).toUriString());
        model.addAttribute("expiresOn", link.expiresAt().atZone(clock.getZone()).toLocalDate());
        model.addAttribute("trajectoryId", id);
        return "personaldata/link";
    }
}
