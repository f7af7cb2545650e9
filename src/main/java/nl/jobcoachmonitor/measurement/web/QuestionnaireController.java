package nl.jobcoachmonitor.measurement.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.PersonalLinkGuard;
import nl.jobcoachmonitor.measurement.Item;
import nl.jobcoachmonitor.measurement.ItemType;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Section;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The questionnaire a respondent opens from a personal link, without an account. {@code /q/{token}} exchanges the
 * token for a session attribute and moves on to {@code /q}, so the token leaves the address bar (and the history's
 * current entry). That step is a same-site meta refresh, not a 302: the session cookie is SameSite=Strict, and a link
 * opened from a mail program is a cross-site navigation whose redirects would not carry the new cookie.
 * Unknown, revoked, expired, used and tampered tokens all get the same page with the same status (404); after
 * a number of those from one address (20 by default), it must wait a few minutes (429) before it may try
 * again, also with a good link.
 */
@Controller
class QuestionnaireController {

    static final String SESSION_KEY = "jcm.questionnaire.link";

    private final MeasurementManagement measurement;
    private final PersonalLinkGuard guard;

    QuestionnaireController(MeasurementManagement measurement, PersonalLinkGuard guard) {
        this.measurement = measurement;
        this.guard = guard;
    }

    /** Nothing of a questionnaire is cached, and no page of it tells another site where the respondent came from. */
    @ModelAttribute
    void privateHeaders(HttpServletResponse response) {
        PersonalLinkGuard.privateHeaders(response);
    }

    @GetMapping("/q/{token}")
    String exchange(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        return guard.open(request, response, () -> measurement.exchange(token), SESSION_KEY, "measurement/start",
                "measurement/link-invalid");
    }

    @GetMapping("/q")
    String questionnaire(@RequestParam(required = false) String section, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var found = linkOf(request).flatMap(measurement::open);
        if (found.isEmpty()) {
            return forget(request, response);
        }
        var q = found.get();
        if (q.completed()) {
            model.addAttribute("respondent", q.respondent().name());
            return "measurement/thanks";
        }
        var shown = section == null ? q.resumeAt() : q.reachable(section).orElse(q.resumeAt());
        return show(model, q, shown, displayed(q.answers()), Map.of());
    }

    @PostMapping("/q")
    String save(@RequestParam String section, @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        var link = linkOf(request);
        var found = link.flatMap(measurement::open);
        if (found.isEmpty()) {
            return forget(request, response);
        }
        var q = found.get();
        if (q.completed()) {
            return "redirect:/q";
        }
        var current = q.reachable(section);
        if (current.isEmpty()) {
            return "redirect:/q";
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Item item : current.get().itemsAt(q.wave())) {
            List<String> values = params.get(item.code());
            if (values != null) {
                raw.put(item.code(), item.type() == ItemType.MULTI ? List.copyOf(values) : values.get(0));
            }
        }
        var sections = q.sections();
        boolean last = sections.get(sections.size() - 1).code().equals(section);
        var outcome = measurement.saveSection(link.get(), section, raw, last);
        if (outcome instanceof MeasurementManagement.SectionOutcome.Gone) {
            return forget(request, response);
        }
        if (outcome instanceof MeasurementManagement.SectionOutcome.Refused refused) {
            Map<String, String> errors = new HashMap<>();
            refused.validation().errors().forEach(e -> errors.putIfAbsent(e.item(), e.messageKey()));
            Map<String, List<String>> values = new HashMap<>(displayed(q.answers()));
            current.get().items().forEach(i -> values.remove(i.code()));
            values.putAll(displayed(raw));
            return show(model, q, current.get(), values, errors);
        }
        return "redirect:/q";
    }

    private static String show(Model model, MeasurementManagement.Questionnaire q, Section section,
            Map<String, List<String>> values, Map<String, String> errors) {
        var sections = q.sections();
        int index = sections.indexOf(section);
        model.addAttribute("instrument", q.instrument());
        model.addAttribute("respondent", q.respondent().name());
        model.addAttribute("employeeName", q.employeeName());
        model.addAttribute("section", section);
        model.addAttribute("items", section.itemsAt(q.wave()));
        model.addAttribute("position", index + 1);
        model.addAttribute("count", sections.size());
        model.addAttribute("previous", index > 0 ? sections.get(index - 1).code() : null);
        model.addAttribute("last", index == sections.size() - 1);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "measurement/questionnaire";
    }

    /** Answers as the form shows them: every value as text, a list for a multi-choice. */
    static Map<String, List<String>> displayed(Map<String, Object> answers) {
        Map<String, List<String>> values = new HashMap<>();
        answers.forEach((code, value) -> values.put(code, value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of(text(value))));
        return values;
    }

    static String text(Object value) {
        if (value instanceof Number n && !(value instanceof Integer)) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static Optional<Long> linkOf(HttpServletRequest request) {
        return PersonalLinkGuard.entered(request, SESSION_KEY);
    }

    private static String forget(HttpServletRequest request, HttpServletResponse response) {
        PersonalLinkGuard.leave(request, SESSION_KEY);
        return invalid(response);
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "measurement/link-invalid";
    }
}
