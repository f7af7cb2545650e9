package nl.jobcoachmonitor.circle.web;

import java.util.Locale;

import nl.jobcoachmonitor.circle.CircleManagement;
import nl.jobcoachmonitor.circle.MeetingManagement;
import nl.jobcoachmonitor.circle.RegistrationStatus;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge circle for coaches of every organisation: the upcoming meetings, a meeting's page with registering and
 * unregistering (the waiting list when it is full), the meeting in a calendar, the published reports and their
 * archive, and the meetings the coach attended (printable, for a professional registration).
 */
@Controller
class CircleController {

    private final MeetingManagement meetings;
    private final CircleManagement circles;
    private final LinkBase linkBase;

    CircleController(MeetingManagement meetings, CircleManagement circles, LinkBase linkBase) {
        this.meetings = meetings;
        this.circles = circles;
        this.linkBase = linkBase;
    }

    @GetMapping("/circle")
    String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("meetings", meetings.upcoming(user));
        var organised = circles.organisedBy(user);
        model.addAttribute("organised", organised);
        model.addAttribute("awaitingReport", organised.isEmpty() ? java.util.List.of() : meetings.awaitingReport(user));
        return "circle/overview";
    }

    @GetMapping("/circle/meetings/{id}")
    String meeting(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("detail", meetings.detail(user, id));
        return "circle/meeting";
    }

    @PostMapping("/circle/meetings/{id}/registration")
    String register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean waitingList, Locale locale, RedirectAttributes flash) {
        try {
            var outcome = meetings.register(user, id, waitingList, locale.getLanguage(), linkBase.get());
            flash.addFlashAttribute("notice", outcome.status() == RegistrationStatus.REGISTERED
                    ? "circle.registered" : "circle.waiting");
            flash.addFlashAttribute("waitingPosition", outcome.waitingPosition());
            flash.addFlashAttribute("mailed", outcome.mailed());
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/circle/meetings/" + id;
    }

    @PostMapping("/circle/meetings/{id}/registration/cancel")
    String unregister(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        try {
            meetings.unregister(user, id);
            flash.addFlashAttribute("notice", "circle.unregistered");
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/circle/meetings/" + id;
    }

    @GetMapping("/circle/meetings/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kenniskring-" + id + ".ics\"")
                .body(meetings.calendar(user, id, linkBase.get()));
    }

    @GetMapping("/circle/meetings/{id}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("report", meetings.report(user, id));
        return "circle/report";
    }

    @GetMapping("/circle/archive")
    String archive(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Theme theme, Model model) {
        model.addAttribute("meetings", meetings.archive(user, q, theme));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("theme", theme);
        model.addAttribute("themes", Theme.values());
        return "circle/archive";
    }

    @GetMapping("/circle/attended")
    String attended(@AuthenticationPrincipal CurrentUser user, Model model) {
        var attended = meetings.attended(user);
        model.addAttribute("attended", attended);
        model.addAttribute("hours", attended.stream().mapToDouble(a -> a.meeting().hours()).sum());
        return "circle/attended";
    }
}
