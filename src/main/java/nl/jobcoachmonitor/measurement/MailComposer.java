package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What a questionnaire mail says, in the language the coach chose: the texts come from the message bundles
 * ({@code mail.*}), the plain-text part joins them, the HTML alternative is the template
 * {@code measurement/mail.html}, which shows every text with {@code th:text}: a name like {@code <script>} is text
 * there too.
 */
@Component
class MailComposer {

    private final MessageSource messages;
    private final ITemplateEngine templates;

    MailComposer(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.templates = templates;
    }

    /** A mail's texts around the personal link, which is filled in last (the real one, or a placeholder to store). */
    record Letter(MailLanguage language, String subject, String greeting, List<String> before, String action,
            List<String> after, String closing, String signature, String linkNotStored) {

        String text(String link) {
            var text = new StringBuilder(greeting).append("\n\n");
            before.forEach(p -> text.append(p).append("\n\n"));
            text.append(action).append(":\n").append(link).append("\n\n");
            after.forEach(p -> text.append(p).append("\n\n"));
            return text.append(closing).append('\n').append(signature).append('\n').toString();
        }

        /** The plain text as it is stored when the mail goes to a mail server: without the working link. */
        String textWithoutLink() {
            return text(linkNotStored);
        }
    }

    Letter letter(MailKind kind, Respondent respondent, MailLanguage language, TrajectoryParties parties,
            LocalDate lastDay) {
        var locale = language.locale();
        Object[] args = {parties.coachName(), parties.employeeName(), parties.employeeFirstName(),
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(lastDay)};
        String who = kind.name() + "." + respondent.name();
        List<String> after = new ArrayList<>();
        after.add(text("mail.linkNote." + respondent.name(), args, language));
        if (kind == MailKind.REMINDER) {
            after.add(text("mail.earlierLink." + respondent.name(), args, language));
        }
        return new Letter(language, text("mail.subject." + who, args, language),
                text("mail.greeting." + respondent.name(), args, language),
                List.of(text("mail.intro." + who, args, language)), text("mail.action", args, language),
                List.copyOf(after), text("mail.closing", args, language), text("mail.signature", args, language),
                text("mail.link.notStored", args, language));
    }

    /** The mail with an employee's personal link other than a questionnaire's (own data, assessment), until {@code lastDay}. */
    Letter employeeLinkLetter(MailKind kind, MailLanguage language, TrajectoryParties parties, LocalDate lastDay) {
        var locale = language.locale();
        Object[] args = {parties.coachName(), parties.employeeName(), parties.employeeFirstName(),
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(lastDay)};
        return new Letter(language, text("mail.subject." + kind, args, language),
                text("mail.greeting.EMPLOYEE", args, language), List.of(text("mail.intro." + kind, args, language)),
                text("mail.action." + kind, args, language), List.of(text("mail.linkNote." + kind, args, language)),
                text("mail.closing", args, language), text("mail.signature", args, language),
                text("mail.link.notStored", args, language));
    }

    String html(Letter letter, String link) {
        var context = new Context(letter.language().locale(), Map.of("letter", letter, "link", link,
                "language", letter.language().code()));
        return templates.process("measurement/mail", context);
    }

    private String text(String key, Object[] args, MailLanguage language) {
        return messages.getMessage(key, args, language.locale());
    }
}
