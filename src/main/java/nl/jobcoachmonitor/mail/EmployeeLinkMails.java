package nl.jobcoachmonitor.mail;

import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the employee a personal link that belongs to no wave: their own-data link (kind {@link MailKind#OWN_DATA}, path
 * {@code /own/}) or their link to assess the coaching for an accountability report ({@link MailKind#ASSESSMENT}, path
 * {@code /a/}), in the chosen language, to the address recorded for them; refused without one.
 */
@Component
public class EmployeeLinkMails {

    private final TrajectoryManagement trajectories;
    private final Mails mails;

    EmployeeLinkMails(TrajectoryManagement trajectories, Mails mails) {
        this.trajectories = trajectories;
        this.mails = mails;
    }

    /**
     * Mails the own-data link (made in the same transaction). The {@code linkBase} is the application's address the
     * link starts with, {@code token} the link's token.
     */
    @Transactional
    public long sendOwnData(CurrentUser user, long trajectoryId, String linkBase, String token, LocalDate lastDay,
            String languageCode) {
        return mail(user, trajectoryId, MailKind.OWN_DATA, "/own/", linkBase, token, lastDay, languageCode);
    }

    /** Mails the employee's link to assess the coaching, as {@link #sendOwnData}. */
    @Transactional
    public long sendAssessment(CurrentUser user, long trajectoryId, String linkBase, String token, LocalDate lastDay,
            String languageCode) {
        return mail(user, trajectoryId, MailKind.ASSESSMENT, "/a/", linkBase, token, lastDay, languageCode);
    }

    /** The texts of such a mail: {@code mail.subject.OWN_DATA}, {@code mail.intro.ASSESSMENT} and so on. */
    public Letter letter(MailKind kind, MailLanguage language, TrajectoryParties parties, LocalDate lastDay) {
        return mails.compose(new MailTemplate("mail.subject." + kind, "mail.greeting.EMPLOYEE",
                List.of("mail.intro." + kind), "mail.action." + kind, List.of("mail.linkNote." + kind)), language,
                parties, lastDay);
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
        String url = linkBase + path + token + "?lang=" + language.code();
        return mails.send(new Envelope(kind, null, "EMPLOYEE", parties.employeeId(), address, language, linkBase,
                user.id()), letter(kind, language, parties, lastDay), url);
    }
}
