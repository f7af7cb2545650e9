package nl.jobcoachmonitor.measurement;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The coach makes the employee's personal link for a wave; it is shown once, on a page nobody caches. */
@Controller
class WaveController {

    private final MeasurementManagement measurement;

    WaveController(MeasurementManagement measurement) {
        this.measurement = measurement;
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employee-link")
    String createEmployeeLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, HttpServletResponse response, Model model) {
        var link = measurement.createEmployeeLink(user, id, waveId);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("trajectoryId", id);
        model.addAttribute("waveCode", link.waveCode());
        model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/{token}")
                .buildAndExpand(link.token()).toUriString());
        return "measurement/link";
    }
}
