package nl.jobcoachmonitor;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each role to its own start page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return switch (user.role()) {
            case COACH, MANAGER -> "redirect:/caseload";
            case ADMIN -> "redirect:/admin/users";
            case COMMISSIONER -> "redirect:/report";
            case RESEARCHER -> "redirect:/research";
            case PRIVACY_OFFICER -> "redirect:/audit";
        };
    }

    /** Commissioners will see aggregates here (issue: indicators and study report); never a person. */
    @GetMapping("/commissioner")
    String commissioner() {
        return "redirect:/report";
    }
}
