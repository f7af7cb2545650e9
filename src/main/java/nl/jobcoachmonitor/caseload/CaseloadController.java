package nl.jobcoachmonitor.caseload;

import java.time.Clock;
import java.time.LocalDate;

import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactOptions;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.IdentityManagement;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.outcomes.OutcomesManagement;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.trajectory.CaseNumbers;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The coach's and the manager's daily pages: the caseload, a trajectory, the team. */
@Controller
class CaseloadController {

    private final CaseloadQuery caseload;
    private final TrajectoryManagement trajectories;
    private final ContactManagement contacts;
    private final IdentityManagement identity;
    private final PersonalDataAccess access;
    private final MeasurementManagement measurement;
    private final Clock clock;
    private final OutcomesManagement outcomes;
    private final PlanManagement plans;
    private final CaseNumbers caseNumbers;

    CaseloadController(CaseloadQuery caseload, TrajectoryManagement trajectories, ContactManagement contacts,
            IdentityManagement identity, PersonalDataAccess access, MeasurementManagement measurement, Clock clock,
            OutcomesManagement outcomes, PlanManagement plans, CaseNumbers caseNumbers) {
        this.caseNumbers = caseNumbers;
        this.plans = plans;
        this.outcomes = outcomes;
        this.measurement = measurement;
        this.caseload = caseload;
        this.trajectories = trajectories;
        this.contacts = contacts;
        this.identity = identity;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/caseload")
    String caseload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) TrajectoryPhase phase, @RequestParam(required = false) Long coach,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var filter = new CaseloadFilter(q, phase, user.isManager() ? coach : null, page);
        model.addAttribute("filter", filter);
        var result = caseload.find(user, filter);
        model.addAttribute("result", result);
        model.addAttribute("waves", measurement.attention(result.rows().stream().map(CaseloadRow::id).toList()));
        model.addAttribute("grantLevels", plans.grantLevels(user, result.rows().stream().map(CaseloadRow::id).toList()));
        if (htmx == null) {
            model.addAttribute("signals", outcomes.openSignals(user));
        }
        model.addAttribute("phases", TrajectoryPhase.values());
        if (user.isManager()) {
            model.addAttribute("coaches", identity.coachesOf(user.organisationId()));
        }
        // The search text is often a name: the append-only log gets only its length, so that erasing a person
        // (issue 5) leaves no name behind in it.
        String searched = filter.q() == null || filter.q().isBlank() ? ""
                : "[" + filter.q().strip().length() + " chars]";
        access.searched("caseload", "q=" + searched + ";phase=" + filter.phase() + ";page=" + filter.page());
        return htmx != null ? "caseload/caseload :: results" : "caseload/caseload";
    }

    @GetMapping("/trajectories/{id}")
    String trajectory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "contacts", required = false) String contactsShown, Model model) {
        model.addAttribute("trajectory", trajectories.open(user, id));
        model.addAttribute("contacts", contacts.section(user, id, "all".equals(contactsShown)));
        model.addAttribute("plan", plans.section(user, id));
        model.addAttribute("caseNumbers", caseNumbers.of(user, id));
        model.addAttribute("contactForm", LogContactForm.empty(LocalDate.now(clock)));
        model.addAttribute("waves", measurement.waves(user, id));
        var seen = outcomes.outcomes(user, id);
        model.addAttribute("outcomes", seen);
        model.addAttribute("workValuesWave", seen.waves().stream().filter(w -> !w.workValues().isEmpty())
                .reduce((a, b) -> b).orElse(null));
        ContactOptions.addTo(model);
        return "caseload/trajectory";
    }

    @GetMapping("/team")
    String team(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("coaches", caseload.team(user.organisationId()));
        model.addAttribute("rates", measurement.responseRates(user));
        model.addAttribute("grants", plans.team(user));
        return "caseload/team";
    }
}
