package nl.jobcoachmonitor.trajectory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.IdentityManagement;
import nl.jobcoachmonitor.organisation.OrganisationManagement;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.JobChangeForm;
import nl.jobcoachmonitor.trajectory.JobChangeKind;
import nl.jobcoachmonitor.trajectory.ReassignForm;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryDetails;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The forms that change a trajectory: start, phase, job change, reassignment. Each has its own small page. */
@Controller
@RequestMapping("/trajectories")
class TrajectoryController {

    private final TrajectoryManagement trajectories;
    private final OrganisationManagement organisations;
    private final IdentityManagement identity;
    private final Clock clock;

    TrajectoryController(TrajectoryManagement trajectories, OrganisationManagement organisations,
            IdentityManagement identity, Clock clock) {
        this.trajectories = trajectories;
        this.organisations = organisations;
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newTrajectory(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("startForm", StartTrajectoryForm.empty(LocalDate.now(clock)));
        return startPage(user, model);
    }

    @PostMapping
    String start(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("startForm") StartTrajectoryForm form, BindingResult result, Model model) {
        form.rulesBroken().stream().filter(e -> !result.hasFieldErrors(e.field()))
                .forEach(e -> result.rejectValue(e.field(), e.messageKey()));
        if (!result.hasErrors()) {
            try {
                long id = trajectories.start(user, form);
                return "redirect:/trajectories/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        return startPage(user, model);
    }

    @GetMapping("/{id}/phase")
    String phaseForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var t = trajectories.open(user, id);
        var next = t.phase().next();
        model.addAttribute("phaseForm", new ChangePhaseForm(t.version(), next.iterator().next(),
                LocalDate.now(clock), null, null, "", null, ContractType.TEMPORARY, t.employerName()));
        return phasePage(user, t, model);
    }

    @PostMapping("/{id}/phase")
    String changePhase(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("phaseForm") ChangePhaseForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        var t = trajectories.open(user, id);
        if (form.phase() != null && form.startsAJob(t.phase())) {
            // all the new job's missing fields at once, not one per submit
            form.jobRulesBroken().stream().filter(e -> !result.hasFieldErrors(e.field()))
                    .forEach(e -> result.rejectValue(e.field(), e.messageKey()));
        }
        if (!result.hasErrors()) {
            try {
                trajectories.changePhase(user, id, form);
                redirect.addFlashAttribute("saved", "trajectory.phase.saved");
                return "redirect:/trajectories/" + id;
            } catch (DomainRuleViolation e) {
                // the page names the employer by name (typed, or picked from the list)
                result.rejectValue("employerId".equals(e.field()) ? "employerName" : e.field(), e.messageKey());
            } catch (ConflictException e) {
                result.reject("trajectory.conflict");
            }
        }
        return phasePage(user, t, model);
    }

    @GetMapping("/{id}/job-changes/new")
    String jobChangeForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        var t = trajectories.open(user, id);
        model.addAttribute("jobChangeForm", new JobChangeForm(t.version(), LocalDate.now(clock),
                JobChangeKind.MORE_HOURS, "", null, null, null, ""));
        return jobChangePage(user, t, model);
    }

    @PostMapping("/{id}/job-changes")
    String recordJobChange(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("jobChangeForm") JobChangeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                trajectories.recordJobChange(user, id, form);
                redirect.addFlashAttribute("saved", "trajectory.jobChange.saved");
                return "redirect:/trajectories/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                result.reject("trajectory.conflict");
            }
        }
        return jobChangePage(user, trajectories.open(user, id), model);
    }

    @GetMapping("/{id}/coach")
    String reassignForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        if (!user.isManager()) {
            throw new NotFoundException("trajectory", id);
        }
        var t = trajectories.open(user, id);
        model.addAttribute("reassignForm", new ReassignForm(t.version(), null, ""));
        return reassignPage(user, t, model);
    }

    @PostMapping("/{id}/coach")
    String reassign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("reassignForm") ReassignForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!user.isManager()) {
            throw new NotFoundException("trajectory", id);
        }
        if (!result.hasErrors()) {
            try {
                trajectories.reassign(user, id, form);
                redirect.addFlashAttribute("saved", "trajectory.reassign.saved");
                return "redirect:/trajectories/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            } catch (ConflictException e) {
                result.reject("trajectory.conflict");
            }
        }
        return reassignPage(user, trajectories.open(user, id), model);
    }

    private String startPage(CurrentUser user, Model model) {
        model.addAttribute("employees", trajectories.knownEmployees(user));
        model.addAttribute("commissioners", organisations.commissioners());
        model.addAttribute("employers", organisations.employersOf(user.organisationId()));
        model.addAttribute("startPhases", EnumSet.of(TrajectoryPhase.JOB_SEARCH, TrajectoryPhase.COACHING));
        if (user.isManager()) {
            model.addAttribute("coaches", identity.coachesOf(user.organisationId()));
        }
        model.addAttribute("contractTypes", ContractType.values());
        return "trajectory/new";
    }

    private String phasePage(CurrentUser user, TrajectoryDetails t, Model model) {
        model.addAttribute("trajectory", t);
        model.addAttribute("nextPhases", t.phase().next());
        model.addAttribute("closingReasons", ClosingReason.values());
        model.addAttribute("employers", organisations.employersOf(user.organisationId()));
        model.addAttribute("contractTypes", ContractType.values());
        return "trajectory/phase";
    }

    private String jobChangePage(CurrentUser user, TrajectoryDetails t, Model model) {
        model.addAttribute("trajectory", t);
        model.addAttribute("kinds", JobChangeKind.values());
        model.addAttribute("employers", organisations.employersOf(user.organisationId()));
        model.addAttribute("contractTypes", ContractType.values());
        return "trajectory/job-change";
    }

    /** The other coaches of the organisation, each with the size of their caseload (running trajectories). */
    private String reassignPage(CurrentUser user, TrajectoryDetails t, Model model) {
        model.addAttribute("trajectory", t);
        model.addAttribute("caseloadSizes", trajectories.caseloadSizes(user));
        model.addAttribute("coaches", identity.coachesOf(t.organisationId()).stream()
                .filter(c -> c.id() != t.coachId()).toList());
        return "trajectory/reassign";
    }
}
