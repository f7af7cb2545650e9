package nl.jobcoachmonitor.circle;

import java.time.format.DateTimeFormatter;
import java.util.List;

import nl.jobcoachmonitor.mail.Attachment;
import nl.jobcoachmonitor.mail.Envelope;
import nl.jobcoachmonitor.mail.MailKind;
import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.mail.MailTemplate;
import nl.jobcoachmonitor.mail.Mails;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The circle's mails to a coach, in the language they registered in, through the mail module (recorded, outbox in
 * demo mode, sent after the transaction commits): the confirmation of a place and the reminder with the meeting as an
 * iCalendar attachment, the waiting-list notice, the place that came free, and the link to a published report. A
 * coach without an e-mail address, or an application without a mail server outside demo mode, gets none (the page
 * says so); the registration itself never depends on a mail.
 */
@Component
class MeetingMails {

    private static final String SIGNATURE = "mail.signature.CIRCLE";

    private final Mails mails;
    private final MessageSource messages;

    MeetingMails(Mails mails, MessageSource messages) {
        this.mails = mails;
        this.messages = messages;
    }

    /** Whom a mail goes to: the coach's name, address, language and the application's address for the link. */
    record Addressee(long userId, String name, String email, String language, String linkBase) {

        MailLanguage mailLanguage() {
            return MailLanguage.of(language);
        }
    }

    enum Kind {
        CONFIRMED, WAITING, PLACED, REMINDER, REPORT;

        MailTemplate template() {
            return switch (this) {
                case CONFIRMED, PLACED, REMINDER -> new MailTemplate("mail.subject." + key(), "mail.greeting.CIRCLE",
                        List.of("mail.intro." + key(), "mail.where.CIRCLE"), "mail.action.MEETING",
                        List.of("mail.calendar.CIRCLE"));
                case WAITING -> new MailTemplate("mail.subject." + key(), "mail.greeting.CIRCLE",
                        List.of("mail.intro." + key()), "mail.action.MEETING", List.of());
                case REPORT -> new MailTemplate("mail.subject." + key(), "mail.greeting.CIRCLE",
                        List.of("mail.intro." + key()), "mail.action.MEETING_REPORT", List.of());
            };
        }

        String key() {
            return "MEETING_" + name();
        }
    }

    /** Sends this mail about this meeting, if it can reach the coach; true when it was recorded for sending. */
    boolean send(Kind kind, Addressee to, MeetingSummary meeting, int waitingPosition, Long sentBy) {
        if (to.email() == null || to.email().isBlank() || !mails.deliverable()) {
            return false;
        }
        var language = to.mailLanguage();
        String when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", language.locale())
                .format(meeting.startsAt()) + "–" + DateTimeFormatter.ofPattern("HH:mm").format(meeting.endsAt());
        String where = meeting.format() == MeetingFormat.ONLINE
                ? messages.getMessage("circle.mail.online", new Object[] {meeting.onlineLink()}, language.locale())
                : messages.getMessage("circle.mail.place", new Object[] {meeting.place()}, language.locale());
        var letter = mails.composeForStaff(kind.template(), language, SIGNATURE, meeting.title(), when, to.name(),
                meeting.circleName(), where, waitingPosition);
        String page = to.linkBase() + "/circle/meetings/" + meeting.id();
        var envelope = new Envelope(kind == Kind.REMINDER ? MailKind.MEETING_REMINDER : MailKind.MEETING, null,
                "STAFF", null, to.email().strip(), language, to.linkBase(), sentBy);
        switch (kind) {
            case CONFIRMED, PLACED, REMINDER -> mails.sendWithAttachment(envelope, letter, page,
                    new Attachment("kenniskring-" + meeting.id() + ".ics", MeetingCalendar.CONTENT_TYPE,
                            MeetingCalendar.of(meeting, page, where)));
            case WAITING -> mails.send(envelope, letter, page);
            case REPORT -> mails.send(envelope, letter, page + "/report");
        }
        return true;
    }
}
