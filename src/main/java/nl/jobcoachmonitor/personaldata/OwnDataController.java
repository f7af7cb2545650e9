package nl.jobcoachmonitor.personaldata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.audit.AccessHistory;
import nl.jobcoachmonitor.identity.PersonalLinkGuard;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employee's own-data page, opened by their personal link without an account. As with the questionnaire,
 * {@code /own/{token}} exchanges the token for the session (a same-site meta refresh to {@code /own}, so the token
 * leaves the address bar), guessing is throttled, and an unknown, expired or revoked link, or a session without one,
 * gets the same 404 page. The session names one link, so one employee: every read here is by that employee's id, and
 * no request parameter names a person.
 */
@Controller
class OwnDataController {

    static final String SESSION_KEY = "jcm.owndata.link";

    private final OwnDataManagement owndata;
    private final PersonalLinkGuard guard;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    OwnDataController(OwnDataManagement owndata, PersonalLinkGuard guard, MessageSource messages, ObjectMapper json,
            Clock clock) {
        this.owndata = owndata;
        this.guard = guard;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @ModelAttribute
    void privateHeaders(HttpServletResponse response) {
        PersonalLinkGuard.privateHeaders(response);
    }

    @GetMapping("/own/{token}")
    String exchange(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        return guard.open(request, response, () -> owndata.exchange(token), SESSION_KEY, "personaldata/start",
                "personaldata/link-invalid");
    }

    @GetMapping("/own")
    String page(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        var employee = employeeOf(request);
        if (employee.isEmpty()) {
            return forget(request, response);
        }
        long id = employee.get();
        model.addAttribute("data", owndata.data(id));
        model.addAttribute("answers", owndata.answers(id));
        model.addAttribute("accessDays", new AccessList(messages, locale, clock.getZone()).days(owndata.accesses(id)));
        model.addAttribute("zone", clock.getZone());
        if (!model.containsAttribute("correctionText")) {
            model.addAttribute("correctionText", "");
        }
        return "personaldata/own";
    }

    @GetMapping(value = "/own/data.json")
    ResponseEntity<String> downloadJson(HttpServletRequest request, Locale locale) throws JsonProcessingException {
        var employee = employeeOf(request);
        if (employee.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        long id = employee.get();
        var export = new OwnDataExport(messages, locale, clock.getZone());
        String body = json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(export.json(owndata.data(id), owndata.answers(id)));
        return download(body, new MediaType("application", "json", StandardCharsets.UTF_8), "mijn-gegevens.json");
    }

    @GetMapping(value = "/own/data.csv")
    ResponseEntity<String> downloadCsv(HttpServletRequest request, Locale locale) {
        var employee = employeeOf(request);
        if (employee.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        long id = employee.get();
        var export = new OwnDataExport(messages, locale, clock.getZone());
        return download(export.csv(owndata.data(id), owndata.answers(id)),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "mijn-gegevens.csv");
    }

    private static ResponseEntity<String> download(String body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    @PostMapping("/own/correction")
    String requestCorrection(@RequestParam(required = false) String text,
            @RequestParam(required = false) String about, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var employee = employeeOf(request);
        if (employee.isEmpty()) {
            return forget(request, response);
        }
        try {
            owndata.requestCorrection(employee.get(), text, about(about));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("correctionError", e.messageKey());
            redirect.addFlashAttribute("correctionAbout", about);
            redirect.addFlashAttribute("correctionText", text == null ? "" : text);
            return "redirect:/own#correction";
        }
        redirect.addFlashAttribute("correctionSent", true);
        return "redirect:/own#correction";
    }

    /** "CONTACT:12" as the form's choice has it; empty or "OTHER": about something else. */
    private static CorrectionRequests.About about(String choice) {
        if (choice == null || choice.isBlank() || "OTHER".equals(choice)) {
            return null;
        }
        int colon = choice.indexOf(':');
        try {
            return new CorrectionRequests.About(choice.substring(0, Math.max(colon, 0)),
                    Long.parseLong(choice.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new DomainRuleViolation("about", "owndata.correction.about.unknown");
        }
    }

    private Optional<Long> employeeOf(HttpServletRequest request) {
        return PersonalLinkGuard.entered(request, SESSION_KEY).flatMap(owndata::link)
                .map(OwnDataLinks.Link::employeeId);
    }

    private static String forget(HttpServletRequest request, HttpServletResponse response) {
        PersonalLinkGuard.leave(request, SESSION_KEY);
        return invalid(response);
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "personaldata/link-invalid";
    }
}
