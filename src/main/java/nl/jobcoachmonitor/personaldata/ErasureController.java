package nl.jobcoachmonitor.personaldata;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator erases one person on request (GDPR art. 17): by the employee's number (shown to the coach and to
 * the employee on their own-data page), a confirmation page that shows whose data it is (name and birth year only, the
 * read logged) and asks for the reason. An employee with a running trajectory is refused with a clear message: the
 * coach closes it first.
 */
@Controller
class ErasureController {

    private final Erasure erasure;
    private final PersonalDataAccess access;
    private final JdbcClient jdbc;

    ErasureController(Erasure erasure, PersonalDataAccess access, JdbcClient jdbc) {
        this.erasure = erasure;
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/erasure")
    String page(@RequestParam(required = false) String employee, Model model) {
        model.addAttribute("employee", employee == null ? "" : employee.strip());
        if (employee == null || employee.isBlank()) {
            return "personaldata/erasure";
        }
        long id;
        try {
            id = Long.parseLong(employee.strip());
        } catch (NumberFormatException e) {
            model.addAttribute("lookupError", "erasure.notFound");
            return "personaldata/erasure";
        }
        var subject = erasure.subject(id);
        if (subject.isEmpty()) {
            access.denied("employee", id);
            model.addAttribute("lookupError", "erasure.notFound");
            return "personaldata/erasure";
        }
        var who = jdbc.sql("select first_name || ' ' || last_name, extract(year from birth_date) from employee "
                + "where id = :e").param("e", id)
                .query((rs, n) -> new String[] {rs.getString(1), String.valueOf(rs.getInt(2))}).single();
        access.read("employee", id, id);
        model.addAttribute("subject", subject.get());
        model.addAttribute("name", who[0]);
        model.addAttribute("birthYear", who[1]);
        return "personaldata/erasure";
    }

    @PostMapping("/admin/erasure")
    String erase(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long employee,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String confirm,
            RedirectAttributes redirect) {
        if (employee == null) {
            return "redirect:/admin/erasure";
        }
        redirect.addAttribute("employee", employee);
        if (confirm == null) {
            redirect.addFlashAttribute("eraseError", "erasure.confirm.required");
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/admin/erasure";
        }
        try {
            erasure.erase(employee, reason, user.id());
        } catch (NotFoundException e) {
            access.denied("employee", employee);
            redirect.addFlashAttribute("eraseError", "erasure.notFound");
            return "redirect:/admin/erasure";
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("eraseError", e.messageKey());
            redirect.addFlashAttribute("reason", reason);
            return "redirect:/admin/erasure";
        }
        redirect.addFlashAttribute("erased", true);
        return "redirect:/admin/erasure";
    }
}
