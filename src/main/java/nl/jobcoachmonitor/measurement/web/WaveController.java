package nl.jobcoachmonitor.measurement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.Item;
import nl.jobcoachmonitor.measurement.ItemType;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.Section;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The coach's side of a wave: the employee's personal link (shown once, on a page nobody caches) and the coach's own
 * questionnaire (all sections on one page: a coach fills it in at a desk, in one go).
 */
@Controller
class WaveController {

    private final MeasurementManagement measurement;

    private final Clock clock;

    WaveController(MeasurementManagement measurement, Clock clock) {
        this.measurement = measurement;
        this.clock = clock;
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employee-link")
    String createEmployeeLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, HttpServletResponse response, Model model) {
        return createLink(user, id, waveId, Respondent.EMPLOYEE, response, model);
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employer-link")
    String createEmployerLink(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, HttpServletResponse response, Model model) {
        return createLink(user, id, waveId, Respondent.EMPLOYER, response, model);
    }

    private static final String NO_STORE = "no-store";

    private String createLink(CurrentUser user, long id, long waveId, Respondent respondent,
            HttpServletResponse response, Model model) {
        var link = measurement.createLink(user, id, waveId, respondent);
        model.addAttribute("respondent", respondent.name());
        response.setHeader("Cache-Control", NO_STORE);
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("trajectoryId", id);
        model.addAttribute("waveCode", link.waveCode());
        model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/q/{token}")
                .buildAndExpand(link.token()).toUriString());
        return "measurement/link";
    }

    @GetMapping("/trajectories/{id}/waves/{waveId}/coach")
    String coachQuestionnaire(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, Model model) {
        var form = measurement.entry(user, id, waveId, Respondent.COACH);
        return show(model, form, QuestionnaireController.displayed(form.answers()), Map.of());
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/coach")
    String submitCoachQuestionnaire(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return submit(user, id, waveId, Respondent.COACH, params, model, redirect);
    }

    /** The employee's answers, given on paper or by phone, typed in by the coach (and marked so). */
    @GetMapping("/trajectories/{id}/waves/{waveId}/employee-answers")
    String employeeAnswers(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, Model model) {
        var form = measurement.entry(user, id, waveId, Respondent.EMPLOYEE);
        return show(model, form, QuestionnaireController.displayed(form.answers()), Map.of());
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employee-answers")
    String submitEmployeeAnswers(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return submit(user, id, waveId, Respondent.EMPLOYEE, params, model, redirect);
    }

    /**
     * The employee's answers given on paper on an earlier day, entered afterwards with that day (an explicit exception
     * to the wave's window, logged as such).
     */
    @GetMapping("/trajectories/{id}/waves/{waveId}/employee-answers/afterwards")
    String employeeAnswersAfterwards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, Model model) {
        var form = measurement.afterwardsEntry(user, id, waveId);
        show(model, form, QuestionnaireController.displayed(form.answers()), Map.of());
        return afterwards(model, user, id, waveId, null);
    }

    @PostMapping("/trajectories/{id}/waves/{waveId}/employee-answers/afterwards")
    String submitEmployeeAnswersAfterwards(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        var form = measurement.afterwardsEntry(user, id, waveId);
        Map<String, Object> raw = raw(form, params);
        String date = params.getFirst(MeasurementManagement.ANSWERED_ON);
        LocalDate answeredOn = null;
        try {
            answeredOn = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            Map<String, String> errors = Map.of(MeasurementManagement.ANSWERED_ON, "measurement.afterwards.date.invalid");
            show(model, form, QuestionnaireController.displayed(raw), errors);
            return afterwards(model, user, id, waveId, date);
        }
        var validation = measurement.submitAfterwards(user, id, waveId, answeredOn, raw);
        if (!validation.valid()) {
            Map<String, String> errors = new HashMap<>();
            validation.errors().forEach(e -> errors.putIfAbsent(e.item(), e.messageKey()));
            show(model, form, QuestionnaireController.displayed(raw), errors);
            return afterwards(model, user, id, waveId, date);
        }
        redirect.addFlashAttribute("saved", "measurement.afterwards.saved");
        return "redirect:/trajectories/" + id;
    }

    private String afterwards(Model model, CurrentUser user, long id, long waveId, String answeredOn) {
        var days = measurement.afterwardsDays(user, id, waveId);
        model.addAttribute("afterwards", true);
        model.addAttribute("action", "employee-answers/afterwards");
        model.addAttribute("answeredOn", answeredOn == null ? "" : answeredOn);
        model.addAttribute("firstDay", days.first());
        model.addAttribute("lastDay", days.last());
        return "measurement/entry";
    }

    private static Map<String, Object> raw(MeasurementManagement.EntryQuestionnaire form,
            MultiValueMap<String, String> params) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Section section : form.sections()) {
            for (Item item : section.itemsAt(form.wave())) {
                List<String> values = params.get(item.code());
                if (values != null) {
                    raw.put(item.code(), item.type() == ItemType.MULTI ? List.copyOf(values) : values.get(0));
                }
            }
        }
        return raw;
    }

    private String submit(CurrentUser user, long id, long waveId, Respondent respondent,
            MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var form = measurement.entry(user, id, waveId, respondent);
        Map<String, Object> raw = raw(form, params);
        var validation = measurement.submitEntry(user, id, waveId, respondent, raw);
        if (!validation.valid()) {
            Map<String, String> errors = new HashMap<>();
            validation.errors().forEach(e -> errors.putIfAbsent(e.item(), e.messageKey()));
            return show(model, form, QuestionnaireController.displayed(raw), errors);
        }
        redirect.addFlashAttribute("saved", respondent == Respondent.COACH ? "measurement.coach.saved"
                : "measurement.entry.saved");
        return "redirect:/trajectories/" + id;
    }

    /** A completed response, question by question, in the viewer's language. */
    @GetMapping("/trajectories/{id}/waves/{waveId}/responses/{respondent}")
    String completedResponse(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long waveId, @PathVariable String respondent, Model model) {
        var who = Arrays.stream(Respondent.values()).filter(r -> r.name().equalsIgnoreCase(respondent)).findFirst()
                .orElseThrow(() -> new NotFoundException("response", waveId));
        var response = measurement.completed(user, id, waveId, who);
        model.addAttribute("response", response);
        model.addAttribute("completedAt", response.completedAt().atZone(clock.getZone()));
        return "measurement/response";
    }

    private static String show(Model model, MeasurementManagement.EntryQuestionnaire questionnaire,
            Map<String, List<String>> values, Map<String, String> errors) {
        model.addAttribute("trajectoryId", questionnaire.trajectoryId());
        model.addAttribute("waveId", questionnaire.waveId());
        model.addAttribute("waveCode", questionnaire.wave());
        model.addAttribute("sections", questionnaire.sections());
        model.addAttribute("respondent", questionnaire.respondent().name());
        model.addAttribute("action", questionnaire.respondent() == Respondent.COACH ? "coach" : "employee-answers");
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "measurement/entry";
    }
}
