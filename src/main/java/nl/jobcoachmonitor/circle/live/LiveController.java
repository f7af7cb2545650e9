package nl.jobcoachmonitor.circle.live;

import java.util.List;
import java.util.Locale;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A participant's live session (any coach, and the organiser): the open poll, the results and the questions, kept up
 * to date by server-sent events ({@code /events}). Without JavaScript the forms still work, page by page.
 */
@Controller
@RequestMapping("/circle/meetings/{id}/live")
class LiveController {

    private final LiveAccess access;
    private final LivePolls polls;
    private final LiveQuestions questions;
    private final LiveResults results;
    private final LiveBroadcaster broadcaster;

    LiveController(LiveAccess access, LivePolls polls, LiveQuestions questions, LiveResults results,
            LiveBroadcaster broadcaster) {
        this.access = access;
        this.polls = polls;
        this.questions = questions;
        this.results = results;
        this.broadcaster = broadcaster;
    }

    @GetMapping
    String session(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, CsrfToken csrf) {
        var meeting = access.participant(user, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("organiser", meeting.organisedBy(user));
        model.addAttribute("base", broadcaster.base(id));
        model.addAttribute("csrfHeaders", csrfHeaders(csrf));
        model.addAttribute("poll", polls.openPoll(user, id).orElse(null));
        model.addAttribute("polls", results.polls(id));
        model.addAttribute("questions", results.questions(id, false));
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.empty());
        }
        return "circle/live/session";
    }

    @GetMapping("/poll")
    String poll(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        access.participant(user, id);
        model.addAttribute("base", broadcaster.base(id));
        model.addAttribute("poll", polls.openPoll(user, id).orElse(null));
        return "circle/live/fragments :: poll";
    }

    @GetMapping(path = "/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        var meeting = access.participant(user, id);
        return broadcaster.subscribe(id, locale, meeting.organisedBy(user));
    }

    @PostMapping("/polls/{pollId}/votes")
    String vote(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long pollId,
            @RequestParam(name = "option", required = false) List<Long> options,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        String message = "live.vote.counted";
        boolean error = false;
        try {
            polls.vote(user, id, pollId, options);
        } catch (DomainRuleViolation e) {
            message = e.messageKey();
            error = true;
        }
        if (htmx == null) {
            redirect.addFlashAttribute(error ? "errorMessage" : "message", message);
            return "redirect:/circle/meetings/" + id + "/live";
        }
        model.addAttribute("base", broadcaster.base(id));
        model.addAttribute("poll", polls.openPoll(user, id).orElse(null));
        model.addAttribute(error ? "errorMessage" : "message", message);
        return "circle/live/fragments :: poll";
    }

    @PostMapping("/questions")
    String ask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("questionForm") QuestionForm form, BindingResult result,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, CsrfToken csrf) {
        access.participant(user, id);
        if (!result.hasErrors()) {
            try {
                questions.post(user, id, form);
            } catch (DomainRuleViolation e) {
                result.rejectValue(e.field(), e.messageKey());
            }
        }
        boolean saved = !result.hasErrors();
        if (htmx == null && saved) {
            redirect.addFlashAttribute("message", "live.question.posted");
            return "redirect:/circle/meetings/" + id + "/live#questions";
        }
        model.addAttribute("base", broadcaster.base(id));
        if (saved) {
            model.addAttribute("questionForm", QuestionForm.empty());
            model.addAttribute("questionPosted", true);
        }
        if (htmx == null) {
            return session(user, id, model, csrf);
        }
        return "circle/live/fragments :: questionForm";
    }

    @PostMapping("/questions/{questionId}/upvote")
    String upvote(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long questionId,
            Model model) {
        String message = "live.question.upvoted";
        boolean error = false;
        try {
            questions.upvote(user, id, questionId);
        } catch (DomainRuleViolation e) {
            message = e.messageKey();
            error = true;
        }
        model.addAttribute(error ? "errorMessage" : "message", message);
        return "circle/live/fragments :: status";
    }

    /** The CSRF token as an htmx header, for the buttons in fragments pushed to every screen alike (no form token). */
    static String csrfHeaders(CsrfToken csrf) {
        if (csrf == null) {
            return null;
        }
        return "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }
}
