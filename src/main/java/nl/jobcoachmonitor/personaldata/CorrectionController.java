package nl.jobcoachmonitor.personaldata;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.outcomes.OutcomesManagement;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.CorrectionLog;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The corrections part of the trajectory page (GDPR art. 16): the employee's open correction requests, each with a
 * link to what it is about and handled from here with a note, the links to correct the employee's details, and the
 * history of every correction (who, when, old and new). The trajectory page loads it with htmx; without JavaScript it
 * is its own page. Scoped like the trajectory: a coach their caseload, a manager the organisation.
 */
@Controller
class CorrectionController {

    private final TrajectoryManagement trajectories;
    private final CorrectionLog log;
    private final CorrectionRequests requests;
    private final OutcomesManagement outcomes;
    private final PersonalDataAccess access;

    CorrectionController(TrajectoryManagement trajectories, CorrectionLog log, CorrectionRequests requests,
            OutcomesManagement outcomes, PersonalDataAccess access) {
        this.trajectories = trajectories;
        this.log = log;
        this.requests = requests;
        this.outcomes = outcomes;
        this.access = access;
    }

    @GetMapping("/trajectories/{id}/corrections")
    String section(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        addSection(user, id, model);
        return htmx != null ? "fragments/corrections :: correctionsSection" : "fragments/corrections";
    }

    @PostMapping("/trajectories/{id}/corrections/requests/{signalId}/handled")
    String handle(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long signalId,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        var trajectory = trajectories.visible(user, id);
        if (requests.open(trajectory.id()).stream().noneMatch(r -> r.signalId() == signalId)) {
            throw new NotFoundException("signal", signalId);
        }
        try {
            outcomes.handle(user, signalId, note);
        } catch (DomainRuleViolation e) {
            model.addAttribute("failed", signalId);
            model.addAttribute("noteError", e.messageKey());
            addSection(user, id, model);
            return "fragments/corrections";
        }
        redirect.addFlashAttribute("saved", "correction.request.handled");
        return "redirect:/trajectories/" + id + "#corrections";
    }

    private void addSection(CurrentUser user, long id, Model model) {
        var trajectory = trajectories.visible(user, id);
        access.read("correction", "trajectory:" + id, trajectory.employeeId());
        model.addAttribute("correctionTrajectory", id);
        model.addAttribute("correctionRequests", requests.open(trajectory.id()));
        model.addAttribute("corrections", log.ofTrajectory(trajectory));
    }
}
