package nl.jobcoachmonitor.mail;

import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.InvitationMailer;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails a new staff member the one-time link to set their own password (kind {@link MailKind#ACCOUNT}, respondent
 * {@code STAFF}, about no employee), through the same outbox and mail server as every other mail; the token is stored
 * as for those (only in the demo outbox without a mail server).
 */
@Component
class AccountInvitationMails implements InvitationMailer {

    static final MailTemplate TEMPLATE = new MailTemplate("mail.subject.ACCOUNT", "mail.greeting.ACCOUNT",
            List.of("mail.intro.ACCOUNT"), "mail.action.ACCOUNT", List.of("mail.linkNote.ACCOUNT"));

    private final Mails mails;
    private final MailComposer composer;

    AccountInvitationMails(Mails mails, MailComposer composer) {
        this.mails = mails;
        this.composer = composer;
    }

    @Override
    @Transactional
    public long sendInvitation(CurrentUser administrator, String address, String name, String username,
            String linkBase, String token, LocalDate lastDay, String languageCode) {
        String to = address == null ? "" : address.strip();
        if (to.isEmpty()) {
            throw new DomainRuleViolation("email", "user.email.required");
        }
        var language = MailLanguage.of(languageCode);
        var letter = composer.letter(TEMPLATE, language, administrator.displayName(), name, lastDay,
                "mail.signature.ACCOUNT");
        String url = linkBase + "/invitation/" + token;
        return mails.send(new Envelope(MailKind.ACCOUNT, null, "STAFF", null, to, language, linkBase,
                administrator.id()), letter, url);
    }
}
