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

    Letter letter(MailTemplate template, MailLanguage language, TrajectoryParties parties, LocalDate lastDay) {
        Object[] args = {parties.coachName(), parties.employeeName(), parties.employeeFirstName(),
                DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(lastDay)};
        return letter(template, language, args, "mail.signature");
    }

    /**
     * A letter with these arguments ({@code {0}} the sender, {@code {1}} and {@code {2}} the addressee, {@code {3}} a
     * last day, formatted here) and this signature.
     */
    Letter letter(MailTemplate template, MailLanguage language, String sender, String addressee, LocalDate lastDay,
            String signatureKey) {
        Object[] args = {sender, addressee, addressee,
                DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()).format(lastDay)};
        return letter(template, language, args, signatureKey);
    }

    private Letter letter(MailTemplate template, MailLanguage language, Object[] args, String signatureKey) {
        return new Letter(language, text(template.subject(), args, language),
                text(template.greeting(), args, language), texts(template.before(), args, language),
                text(template.action(), args, language), texts(template.after(), args, language),
                text("mail.closing", args, language), text(signatureKey, args, language),
                text("mail.link.notStored", args, language));
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
