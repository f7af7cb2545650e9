package nl.jobcoachmonitor.mail;

import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's outbox: every mail, newest first, as it was composed (the body as text), with
 * whether the mail server took it. Without a mail server (the embedded demo default) this is where the mails are read,
 * links included, so that a newcomer can follow one. {@code /admin/**} is for administrators only (403 for others).
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    static final int PAGE_SIZE = 20;
    /** A personal link in a mail kept in the outbox: only http(s) links to a questionnaire are made clickable. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+/q/[A-Za-z0-9_-]{43}(\\?lang=[a-z]{2})?");

    private final Mails mails;

    OutboxController(Mails mails) {
        this.mails = mails;
    }

    /** A mail as the page shows it; {@code link} is the working link of a mail kept in the outbox, else null. */
    record Shown(RecordedMails.OutboxEntry mail, String link) {
    }

    @GetMapping
    String outbox(@RequestParam(defaultValue = "0") int page, Model model) {
        long total = mails.outboxSize();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("mails", mails.outbox(current, PAGE_SIZE).stream().map(m -> new Shown(m,
                m.state() == MailState.OUTBOX ? LINK.matcher(m.body()).results().map(r -> r.group()).findFirst()
                        .orElse(null) : null)).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("smtp", mails.viaMailServer());
        return "mail/outbox";
    }
}
