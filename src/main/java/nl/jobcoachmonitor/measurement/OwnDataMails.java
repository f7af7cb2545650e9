package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.LocalDate;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the employee their own-data link, with the questionnaire mail machinery: composed from the message bundles in
 * the chosen language, recorded in the outbox (kind {@link MailKind#OWN_DATA}, no wave), sent by {@link MailDelivery}
 * after the transaction commits, the link kept only when the outbox is the delivery (see migration V8).
 */
@Component
public class OwnDataMails {

    private final TrajectoryManagement trajectories;
    private final QuestionnaireMails mails;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final PersonalDataAccess access;
    private final Clock clock;

    OwnDataMails(TrajectoryManagement trajectories, QuestionnaireMails mails, MailComposer composer,
            MailDelivery delivery, PersonalDataAccess access, Clock clock) {
        this.trajectories = trajectories;
        this.mails = mails;
        this.composer = composer;
        this.delivery = delivery;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Mails the link (made in the same transaction) to the employee's recorded address; refused without one. The
     * {@code linkBase} is the application's address the link starts with, {@code token} the link's token.
     */
    @Transactional
    public long send(CurrentUser user, long trajectoryId, String linkBase, String token, LocalDate lastDay,
            String languageCode) {
        return mail(user, trajectoryId, MailKind.OWN_DATA, "/own/", linkBase, token, lastDay, languageCode);
    }

    /**
     * Mails the employee's personal link to assess the coaching for an accountability report (kind
     * {@link MailKind#ASSESSMENT}, path {@code /a/}), as {@link #send}; refused without a recorded address.
     */
    @Transactional
    public long sendAssessment(CurrentUser user, long trajectoryId, String linkBase, String token, LocalDate lastDay,
            String languageCode) {
        return mail(user, trajectoryId, MailKind.ASSESSMENT, "/a/", linkBase, token, lastDay, languageCode);
    }

    private long mail(CurrentUser user, long trajectoryId, MailKind kind, String path, String linkBase, String token,
            LocalDate lastDay, String languageCode) {
        trajectories.visible(user, trajectoryId);
        var parties = trajectories.parties(trajectoryId);
        String address = parties.employeeEmail() == null ? "" : parties.employeeEmail().strip();
        if (address.isEmpty()) {
            throw new DomainRuleViolation("address", "owndata.mail.noAddress");
        }
        var language = "en".equals(languageCode) ? MailLanguage.EN : MailLanguage.NL;
        var letter = composer.employeeLinkLetter(kind, language, parties, lastDay);
        String url = linkBase + path + token + "?lang=" + language.code();
        long id = mails.insert(new QuestionnaireMails.NewMail(null, Respondent.EMPLOYEE, parties.employeeId(),
                kind, address, language, letter.subject(), delivery.stored(letter, url),
                delivery.delivery(), linkBase, user.id(), clock.instant()));
        access.created("questionnaire_mail", id, parties.employeeId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(id, kind, address, letter.subject(),
                letter.text(url), composer.html(letter, url)));
        return id;
    }
}
