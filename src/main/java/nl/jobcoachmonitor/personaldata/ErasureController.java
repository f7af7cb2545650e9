package nl.jobcoachmonitor.personaldata;

import java.util.Locale;
import java.util.Optional;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.EmployeeErasure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator erases one person on request (GDPR art. 17): the administrator names the person as the request
 * does, by the employee's number (shown to the coach and to the employee on their own-data page), full name and birth
 * year; only when all three match does the page show whose data it is (the read logged) and ask for the reason. A
 * wrong name or year answers exactly as an unknown number does, logged as refused, so the page tells no one's name
 * or existence by number alone. The erasure itself asks for the same three. An employee with a running trajectory is
 * refused with a clear message: the coach closes it first.
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
    String page(@RequestParam(required = false) String employee, @RequestParam(required = false) String name,
            @RequestParam(required = false) String birthYear, Model model) {
        model.addAttribute("employee", employee == null ? "" : employee.strip());
        model.addAttribute("name", name == null ? "" : name.strip());
        model.addAttribute("birthYear", birthYear == null ? "" : birthYear.strip());
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
        var subject = named(id, name, birthYear) ? erasure.subject(id) : Optional.<EmployeeErasure.Subject>empty();
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
            @RequestParam(required = false) String name, @RequestParam(required = false) String birthYear,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String confirm,
            RedirectAttributes redirect) {
        if (employee == null) {
            return "redirect:/admin/erasure";
        }
        redirect.addAttribute("employee", employee);
        redirect.addAttribute("name", name == null ? "" : name.strip());
        redirect.addAttribute("birthYear", birthYear == null ? "" : birthYear.strip());
        if (!named(employee, name, birthYear)) {
            access.denied("employee", employee);
            redirect.addFlashAttribute("eraseError", "erasure.notFound");
            return "redirect:/admin/erasure";
        }
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
        redirect.asMap().clear(); // done: the page asks for the next person, it names no one
        redirect.addFlashAttribute("erased", true);
        return "redirect:/admin/erasure";
    }

    /**
     * Whether the employee with this number has this full name (case and spaces aside) and birth year and is not
     * erased. One query whatever is wrong, so that the answer takes about as long for every reason.
     */
    private boolean named(long id, String name, String birthYear) {
        String typed = name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        int year = year(birthYear);
        return jdbc.sql("select first_name, last_name, extract(year from birth_date) from employee "
                        + "where id = :e and erased_at is null").param("e", id)
                .query((rs, n) -> (rs.getString(1) + " " + rs.getString(2)).strip().replaceAll("\\s+", " ")
                        .toLowerCase(Locale.ROOT).equals(typed) && rs.getInt(3) == year)
                .optional().orElse(false) && !typed.isEmpty();
    }

    private static int year(String birthYear) {
        try {
            return Integer.parseInt(birthYear == null ? "" : birthYear.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
