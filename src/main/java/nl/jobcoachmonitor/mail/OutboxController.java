package nl.jobcoachmonitor.mail;

import java.util.Optional;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's outbox: every mail, newest first, as it was composed (the body as text), with whether the mail
 * server took it. In demo mode without a mail server (the embedded default) this is where the mails are read, and a
 * newcomer can follow a mail's personal link: through {@code /admin/outbox/{id}/open}, which logs that the
 * administrator opened that person's link. Outside demo mode no working link is stored, and none is shown: a body kept
 * earlier with one shows it blanked. {@code /admin/**} is for administrators only (403 for others).
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    static final int PAGE_SIZE = 20;
    /** A personal link in a mail: a questionnaire's, an own-data or an assessment link. */
    private static final Pattern LINK = Pattern.compile(
            "https?://[^\\s<>\"']+/(q|own|a)/[A-Za-z0-9_-]{43}(\\?lang=[a-z]{2})?");

    private final Mails mails;

    OutboxController(Mails mails) {
        this.mails = mails;
    }

    /** A mail as the page shows it; {@code linked} when its personal link may be followed (demo mode only). */
    record Shown(RecordedMails.OutboxEntry mail, String body, boolean linked) {
    }

    @GetMapping
    String outbox(@RequestParam(defaultValue = "0") long page, Model model) {
        long total = mails.outboxSize();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = (int) Math.min(Math.max(page, 0), pages - 1);
        boolean links = mails.outboxShowsLinks();
        model.addAttribute("mails", mails.outbox(current, PAGE_SIZE).stream().map(m -> links
                ? new Shown(m, m.body(), m.state() == MailState.OUTBOX && link(m.body()).isPresent())
                : new Shown(m, LINK.matcher(m.body()).replaceAll("[…]"), false)).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("smtp", mails.viaMailServer());
        model.addAttribute("links", links);
        return "mail/outbox";
    }

    @GetMapping("/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + mails.openFromOutbox(id, OutboxController::link)
                .orElseThrow(() -> new NotFoundException("questionnaire_mail", id));
    }

    private static Optional<String> link(String body) {
        return LINK.matcher(body).results().map(r -> r.group()).findFirst();
    }
}
