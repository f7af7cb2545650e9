package nl.jobcoachmonitor.personaldata;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coach makes the employee's personal own-data link on the trajectory page; it is shown once. */
@Controller
class OwnDataLinkController {

    private final OwnDataManagement owndata;
    private final Clock clock;

    OwnDataLinkController(OwnDataManagement owndata, Clock clock) {
        this.owndata = owndata;
        this.clock = clock;
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
