package nl.jobcoachmonitor.mail;

import java.util.List;

/**
 * A mail's texts in one language around the personal link, which is filled in last: the real one to send, or a
 * placeholder to store (see {@link Mails#send}). Made by {@link Mails#compose}.
 */
public record Letter(MailLanguage language, String subject, String greeting, List<String> before, String action,
        List<String> after, String closing, String signature, String linkNotStored) {

    /** The plain-text part with this link. */
    public String text(String link) {
        var text = new StringBuilder(greeting).append("\n\n");
        before.forEach(p -> text.append(p).append("\n\n"));
        text.append(action).append(":\n").append(link).append("\n\n");
        after.forEach(p -> text.append(p).append("\n\n"));
        return text.append(closing).append('\n').append(signature).append('\n').toString();
    }

    /** The plain text as it is stored when the mail goes to a mail server: without the working link. */
    public String textWithoutLink() {
        return text(linkNotStored);
    }
}
