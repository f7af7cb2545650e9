package nl.jobcoachmonitor.circle.live;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's side of a live session: the circle's competency list, opening and closing polls, revealing the data
 * of the work value guess, and moderating the questions. Only the organiser of the meeting's circle; anyone else 404.
 */
@Controller
@RequestMapping("/circle/meetings/{id}/live/organise")
class LiveOrganiserController {

    private final LiveAccess access;
    private final LivePolls polls;
    private final LiveQuestions questions;
    private final LiveResults results;
    private final Competencies competencies;
    private final LiveBroadcaster broadcaster;

    LiveOrganiserController(LiveAccess access, LivePolls polls, LiveQuestions questions, LiveResults results,
            Competencies competencies, LiveBroadcaster broadcaster) {
        this.access = access;
        this.polls = polls;
        this.questions = questions;
        this.results = results;
        this.competencies = competencies;
        this.broadcaster = broadcaster;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, CsrfToken csrf) {
        var meeting = access.organiser(user, id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("base", broadcaster.base(id));
        model.addAttribute("csrfHeaders", LiveController.csrfHeaders(csrf));
        model.addAttribute("openPoll", polls.openPoll(user, id).orElse(null));
        model.addAttribute("polls", results.polls(id));
        model.addAttribute("questions", results.questions(id, true));
        model.addAttribute("competencies", competencies.of(meeting.circleId()));
        if (!model.containsAttribute("competencyForm")) {
            model.addAttribute("competencyForm", CompetencyForm.empty());
        }
        return "circle/live/organise";
    }

    @PostMapping("/polls")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) PollKind kind, RedirectAttributes redirect) {
        access.organiser(user, id);
        if (kind == null) {
            redirect.addFlashAttribute("errorMessage", "live.poll.kindRequired");
        } else {
            attempt(redirect, "live.poll.opened", () -> polls.open(user, id, kind));
        }
        return back(id);
    }

    @PostMapping("/polls/{pollId}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long pollId,
            RedirectAttributes redirect) {
        attempt(redirect, "live.poll.closed", () -> polls.close(user, id, pollId));
        return back(id);
    }

    @PostMapping("/polls/{pollId}/reveal")
    String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long pollId,
            RedirectAttributes redirect) {
        attempt(redirect, "live.poll.revealed", () -> polls.reveal(user, id, pollId));
        return back(id);
    }

    /** From the moderation list (pushed to the organiser's screen): the list follows by its own event. */
    @PostMapping("/questions/{questionId}/answered")
    Object answered(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long questionId,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        questions.markAnswered(user, id, questionId);
        return htmx != null ? ResponseEntity.noContent().build() : back(id);
    }

    @PostMapping("/questions/{questionId}/hide")
    Object hide(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long questionId,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        questions.hide(user, id, questionId);
        return htmx != null ? ResponseEntity.noContent().build() : back(id);
    }

    @PostMapping("/competencies")
    String addCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Validated @ModelAttribute("competencyForm") CompetencyForm form, BindingResult result, Model model,
            RedirectAttributes redirect, CsrfToken csrf) {
        access.organiser(user, id);
        if (result.hasErrors()) {
            return page(user, id, model, csrf);
        }
        competencies.add(user, id, form);
        redirect.addFlashAttribute("message", "live.competency.added");
        return back(id) + "#competencies";
    }

    @PostMapping("/competencies/{competencyId}/remove")
    String removeCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long competencyId, RedirectAttributes redirect) {
        competencies.remove(user, id, competencyId);
        redirect.addFlashAttribute("message", "live.competency.removed");
        return back(id) + "#competencies";
    }

    private static void attempt(RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", success);
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("errorMessage", e.messageKey());
        }
    }

    private static String back(long id) {
        return "redirect:/circle/meetings/" + id + "/live/organise";
    }
}
