package nl.jobcoachmonitor.trajectory.web;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.trajectory.CorrectEmployeeForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

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

/** Correcting the employee's name, e-mail and phone from the trajectory page; the history is kept. */
@Controller
class EmployeeCorrectionController {

    private final TrajectoryManagement trajectories;

    EmployeeCorrectionController(TrajectoryManagement trajectories) {
        this.trajectories = trajectories;
    }

    @GetMapping("/trajectories/{id}/employee")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("employeeForm", trajectories.employeeForm(user, id));
        model.addAttribute("trajectoryId", id);
        return "trajectory/employee";
    }

    @PostMapping("/trajectories/{id}/employee")
    String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("employeeForm") CorrectEmployeeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                trajectories.correctEmployee(user, id, form);
                redirect.addFlashAttribute("saved", "correction.saved");
                return "redirect:/trajectories/" + id + "#corrections";
            } catch (ConflictException e) {
                result.reject("trajectory.conflict");
            }
        } else {
            trajectories.employeeForm(user, id); // scoped (404 out of scope) before the form is shown again
        }
        model.addAttribute("trajectoryId", id);
        return "trajectory/employee";
    }
}
