package nl.jobcoachmonitor.plan.web;

import java.time.Clock;
import java.time.LocalDate;

import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.CorrectGoalForm;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.GoalStatus;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.plan.ReviewGoalForm;
import nl.jobcoachmonitor.shared.ConflictException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coaching plan page of a trajectory: goals, their reviews and hours, and writing or reviewing a goal. */
@Controller
class PlanController {

    private final PlanManagement plans;
    private final Clock clock;

    PlanController(PlanManagement plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping("/trajectories/{id}/plan")
    String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return page(user, id, model, GoalForm.empty(LocalDate.now(clock)), null);
    }

    /**
     * Hours against the grant alone: the trajectory page asks for it again when a contact has been logged (htmx event
     * {@code contact-logged}), so the figures, the bar and the warning update in place like the month's hours.
     */
    @GetMapping("/trajectories/{id}/grant")
    String grant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("plan", plans.section(user, id));
        return "plan/section :: grantOnly";
    }

    @PostMapping("/trajectories/{id}/goals")
    String addGoal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("goalForm") GoalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        plans.coachOnly(user, id);
        if (result.hasErrors()) {
            model.addAttribute("goalErrors", true);
            return page(user, id, model, form, null);
        }
        plans.addGoal(user, id, form);
        redirect.addFlashAttribute("planSaved", "plan.goal.saved");
        return "redirect:/trajectories/" + id + "/plan";
    }

    @PostMapping("/trajectories/{id}/goals/{goalId}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long goalId,
            @Validated @ModelAttribute("reviewForm") ReviewGoalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        plans.coachOnly(user, id);
        if (!result.hasErrors()) {
            try {
                plans.reviewGoal(user, id, goalId, form);
                redirect.addFlashAttribute("planSaved", "plan.goal.reviewed");
                return "redirect:/trajectories/" + id + "/plan";
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        model.addAttribute("reviewedGoal", goalId);
        return page(user, id, model, GoalForm.empty(LocalDate.now(clock)), form);
    }

    @GetMapping("/trajectories/{id}/goals/{goalId}/edit")
    String goalForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long goalId,
            Model model) {
        model.addAttribute("goalForm", plans.goalForm(user, id, goalId));
        return goalPage(id, goalId, model);
    }

    @PostMapping("/trajectories/{id}/goals/{goalId}")
    String correctGoal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long goalId,
            @Validated @ModelAttribute("goalForm") CorrectGoalForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                plans.correctGoal(user, id, goalId, form);
                redirect.addFlashAttribute("saved", "correction.saved");
                return "redirect:/trajectories/" + id + "#corrections";
            } catch (ConflictException e) {
                result.reject("trajectory.conflict");
            }
        } else {
            plans.goalForm(user, id, goalId); // scoped (404 out of scope) before the form is shown again
        }
        return goalPage(id, goalId, model);
    }

    private static String goalPage(long id, long goalId, Model model) {
        model.addAttribute("trajectoryId", id);
        model.addAttribute("goalId", goalId);
        return "plan/edit-goal";
    }

    private String page(CurrentUser user, long id, Model model, GoalForm goalForm, ReviewGoalForm reviewForm) {
        model.addAttribute("plan", plans.section(user, id));
        model.addAttribute("goalForm", goalForm);
        if (reviewForm != null) {
            model.addAttribute("reviewForm", reviewForm);
        } else {
            model.addAttribute("reviewForm", new ReviewGoalForm(GoalStatus.ACHIEVED, "", "", null));
        }
        model.addAttribute("themes", Theme.values());
        model.addAttribute("reviewStatuses", new GoalStatus[] {GoalStatus.ACHIEVED, GoalStatus.PARTLY,
                GoalStatus.NOT_ACHIEVED, GoalStatus.CHANGED});
        return "plan/plan";
    }
}
