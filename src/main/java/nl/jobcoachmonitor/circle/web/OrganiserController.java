package nl.jobcoachmonitor.circle.web;

import java.util.List;

import nl.jobcoachmonitor.circle.CardForm;
import nl.jobcoachmonitor.circle.CircleManagement;
import nl.jobcoachmonitor.circle.KnowledgeCards;
import nl.jobcoachmonitor.circle.MeetingForm;
import nl.jobcoachmonitor.circle.MeetingFormat;
import nl.jobcoachmonitor.circle.MeetingManagement;
import nl.jobcoachmonitor.circle.ProgrammeKind;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the organiser of a circle does ({@code /circle/manage}, authority {@code ROLE_CIRCLE_ORGANISER}): plan a
 * meeting, record attendance, write and publish the report, write knowledge cards. A meeting or card of a circle the
 * user does not organise answers 404.
 */
@Controller
class OrganiserController {

    private final MeetingManagement meetings;
    private final KnowledgeCards cards;
    private final CircleManagement circles;

    OrganiserController(MeetingManagement meetings, KnowledgeCards cards, CircleManagement circles) {
        this.meetings = meetings;
        this.cards = cards;
        this.circles = circles;
    }

    @GetMapping("/circle/manage/meetings/new")
    String newMeeting(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("meetingForm", MeetingForm.empty());
        return meetingForm(user, model);
    }

    @PostMapping("/circle/manage/meetings")
    String plan(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("meetingForm") MeetingForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                long id = meetings.plan(user, form);
                return "redirect:/circle/meetings/" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        form.fillRows();
        return meetingForm(user, model);
    }

    private String meetingForm(CurrentUser user, Model model) {
        model.addAttribute("circles", circles.organisedBy(user));
        model.addAttribute("formats", MeetingFormat.values());
        model.addAttribute("kinds", ProgrammeKind.values());
        model.addAttribute("themes", Theme.values());
        return "circle/plan";
    }

    @PostMapping("/circle/manage/meetings/{id}/attendance")
    String attendance(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "attended", required = false) List<Long> attended, RedirectAttributes flash) {
        try {
            meetings.recordAttendance(user, id, attended == null ? List.of() : attended);
            flash.addFlashAttribute("notice", "circle.attendance.saved");
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/circle/meetings/" + id + "#participants";
    }

    @GetMapping("/circle/manage/meetings/{id}/report")
    String reportForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("meeting", meetings.summaryOf(user, id));
        model.addAttribute("text", meetings.reportText(user, id));
        return "circle/report-edit";
    }

    @PostMapping("/circle/manage/meetings/{id}/report")
    String writeReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "report", required = false) String report, Model model, RedirectAttributes flash) {
        try {
            meetings.writeReport(user, id, report);
            flash.addFlashAttribute("notice", "circle.report.saved");
            return "redirect:/circle/meetings/" + id + "/report";
        } catch (DomainRuleViolation e) {
            model.addAttribute("meeting", meetings.summaryOf(user, id));
            model.addAttribute("text", report);
            model.addAttribute("problem", e.messageKey());
            return "circle/report-edit";
        }
    }

    @PostMapping("/circle/manage/meetings/{id}/report/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
        try {
            int mailed = meetings.publishReport(user, id);
            flash.addFlashAttribute("notice", "circle.report.publishedNow");
            flash.addFlashAttribute("mailedCount", mailed);
        } catch (DomainRuleViolation e) {
            flash.addFlashAttribute("problem", e.messageKey());
        }
        return "redirect:/circle/meetings/" + id + "/report";
    }

    @GetMapping("/circle/manage/cards/new")
    String newCard(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("cardForm", CardForm.empty());
        return cardForm(user, null, model);
    }

    @PostMapping("/circle/manage/cards")
    String writeCard(@AuthenticationPrincipal CurrentUser user,
            @Validated @ModelAttribute("cardForm") CardForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                long id = cards.write(user, form);
                return "redirect:/circle/cards#card-" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        form.fillRows();
        return cardForm(user, null, model);
    }

    @GetMapping("/circle/manage/cards/{id}")
    String editCard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("cardForm", cards.form(user, id));
        return cardForm(user, id, model);
    }

    @PostMapping("/circle/manage/cards/{id}")
    String rewriteCard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("cardForm") CardForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                cards.rewrite(user, id, form);
                return "redirect:/circle/cards#card-" + id;
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        } else {
            cards.form(user, id); // 404 for a card of another circle, before anything is shown
        }
        form.fillRows();
        return cardForm(user, id, model);
    }

    private String cardForm(CurrentUser user, Long cardId, Model model) {
        model.addAttribute("cardId", cardId);
        model.addAttribute("circles", circles.organisedBy(user));
        model.addAttribute("themes", Theme.values());
        return "circle/card-edit";
    }
}
