package nl.jobcoachmonitor.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What a mail says, in the language the coach chose: the texts come from the message bundles ({@code mail.*}) by the
 * keys of a {@link MailTemplate}, the plain-text part joins them, the HTML alternative is the template
 * {@code mail/mail.html}, which shows every text with {@code th:text}: a name like {@code <script>} is text there too.
 */
@Component
class MailComposer {

    private final MessageSource messages;
    private final ITemplateEngine templates;

    MailComposer(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.templates = templates;
    }

    /**
     * The letter's texts. Arguments: {0} coach, {1} employee, {2} employee's first name, {3} the link's last day (empty
     * without one), {4} the coach's organisation, {5} the coach's address, then {@code extra} from {6} on. A template
     * without an action makes a letter without a link.
     */
    Letter letter(MailTemplate template, MailLanguage language, TrajectoryParties parties, LocalDate lastDay,
            Object... extra) {
        Object[] args = new Object[6 + extra.length];
        args[0] = parties.coachName();
        args[1] = parties.employeeName();
        args[2] = parties.employeeFirstName();
        args[3] = lastDay == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(lastDay);
        args[4] = parties.organisationName();
        args[5] = parties.coachEmail();
        System.arraycopy(extra, 0, args, 6, extra.length);
        String signature = parties.organisationName() == null ? text("mail.signature", args, language)
                : text("mail.signature.organisation", args, language);
        String contact = parties.coachEmail() == null || parties.coachEmail().isBlank() ? null
                : text("mail.contact", args, language);
        return new Letter(language, text(template.subject(), args, language),
                text(template.greeting(), args, language), texts(template.before(), args, language),
                template.action() == null ? null : text(template.action(), args, language),
                texts(template.after(), args, language), text("mail.closing", args, language), signature, contact,
                text("mail.link.notStored", args, language));
    }

    /**
     * A letter with these arguments ({@code {0}} the sender, {@code {1}} and {@code {2}} the addressee, {@code {3}} a
     * last day, formatted here) and this signature, without a contact line (the account invitation).
     */
    Letter letter(MailTemplate template, MailLanguage language, String sender, String addressee, LocalDate lastDay,
            String signatureKey) {
        Object[] args = {sender, addressee, addressee,
                DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(lastDay)};
        return new Letter(language, text(template.subject(), args, language),
                text(template.greeting(), args, language), texts(template.before(), args, language),
                template.action() == null ? null : text(template.action(), args, language),
                texts(template.after(), args, language), text("mail.closing", args, language),
                text(signatureKey, args, language), null, text("mail.link.notStored", args, language));
    }

    /**
     * A letter with these arguments as {0}, {1}, ... for every text, signed by the text {@code signatureKey}, without
     * a contact line (the knowledge circle's mails to staff members).
     */
    Letter letter(MailTemplate template, MailLanguage language, String signatureKey, Object[] args) {
        return new Letter(language, text(template.subject(), args, language),
                text(template.greeting(), args, language), texts(template.before(), args, language),
                template.action() == null ? null : text(template.action(), args, language),
                texts(template.after(), args, language), text("mail.closing", args, language),
                text(signatureKey, args, language), null, text("mail.link.notStored", args, language));
    }

    String html(Letter letter, String link) {
        var context = new Context(letter.language().locale(), Map.of("letter", letter, "link", link,
                "language", letter.language().code()));
        return templates.process("mail/mail", context);
    }

    private List<String> texts(List<String> keys, Object[] args, MailLanguage language) {
        return keys.stream().map(key -> text(key, args, language)).toList();
    }

    private String text(String key, Object[] args, MailLanguage language) {
        return messages.getMessage(key, args, language.locale());
    }
}
