package nl.jobcoachmonitor.mail;

import java.util.List;

/**
 * A mail's texts in one language around the personal link, which is filled in last: the real one to send, or a
 * placeholder to store (see {@link Mails#send}). Made by {@link Mails#compose}. A letter without a link (the report to
 * the commissioner) has no {@code action}. It is signed with the coach's name and organisation ({@code signature})
 * and a way to reach the coach ({@code contact}, null when no address is known).
 */
public record Letter(MailLanguage language, String subject, String greeting, List<String> before, String action,
        List<String> after, String closing, String signature, String contact, String linkNotStored) {

    /** The plain-text part with this link (none when the letter has no action). */
    public String text(String link) {
        var text = new StringBuilder(greeting).append("\n\n");
        before.forEach(p -> text.append(p).append("\n\n"));
        if (action != null) {
            text.append(action).append(":\n").append(link).append("\n\n");
        }
        after.forEach(p -> text.append(p).append("\n\n"));
        text.append(closing).append('\n').append(signature).append('\n');
        if (contact != null) {
            text.append(contact).append('\n');
        }
        return text.toString();
    }

    /** The plain text as it is stored when the mail goes to a mail server: without the working link. */
    public String textWithoutLink() {
        return text(linkNotStored);
    }
}
