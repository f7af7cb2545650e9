package nl.jobcoachmonitor.mail;

import java.util.List;

/**
 * Which texts of the message bundles make a mail: the keys of its subject, greeting, the paragraphs before the link,
 * the words that introduce the link and the paragraphs after it. Closing and signature are the same for every mail.
 * The texts take the arguments {@code {0}} coach's name, {@code {1}} employee's name, {@code {2}} employee's first
 * name, {@code {3}} the link's last day.
 */
public record MailTemplate(String subject, String greeting, List<String> before, String action, List<String> after) {

    public MailTemplate {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
