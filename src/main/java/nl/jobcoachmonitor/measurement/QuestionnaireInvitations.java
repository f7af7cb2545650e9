package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.mail.Envelope;
import nl.jobcoachmonitor.mail.Letter;
import nl.jobcoachmonitor.mail.MailKind;
import nl.jobcoachmonitor.mail.MailLanguage;
import nl.jobcoachmonitor.mail.MailState;
import nl.jobcoachmonitor.mail.MailTemplate;
import nl.jobcoachmonitor.mail.Mails;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryParties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires by e-mail. The coach mails the employee (to the address recorded for them, or another) or the
 * employer contact (at an address the coach types) their questionnaire; the reminder job reminds those who have not
 * sent it a week after the wave was due. Every mail carries a new personal link made through
 * {@link MeasurementManagement} (the previous one stops working, the answers given so far stay), is recorded in the
 * outbox and goes to the mail server after the transaction commits (the mail module's {@link Mails}). The texts are the
 * questionnaire's own ({@link #template}).
 */
@Service
@Transactional
public class QuestionnaireInvitations {

    private final MeasurementManagement measurement;
    private final Waves waves;
    private final TrajectoryManagement trajectories;
    private final Mails mails;
    private final Clock clock;

    QuestionnaireInvitations(MeasurementManagement measurement, Waves waves, TrajectoryManagement trajectories,
            Mails mails, Clock clock) {
        this.measurement = measurement;
        this.waves = waves;
        this.trajectories = trajectories;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * What the invitation form shows: the wave, whom the mail is for, and the address to start from: the employee's
     * recorded one, or the one the employer contact was mailed at last.
     */
    public record InvitationPage(long trajectoryId, long waveId, String waveCode, Respondent respondent, String employeeName,
            String recordedAddress) {
    }

    /** The form to mail a questionnaire, if the user may see the trajectory and the respondent can get a link now. */
    @Transactional(readOnly = true)
    public InvitationPage page(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        trajectories.visible(user, trajectoryId);
        var wave = measurement.linkableWave(trajectoryId, waveId, respondent);
        var parties = trajectories.parties(trajectoryId);
        // The employer contact's address is remembered from the latest mail to them, for the next wave.
        String address = respondent == Respondent.EMPLOYEE ? parties.employeeEmail()
                : mails.latestAddress(waves.findByTrajectoryIdOrderByDueOnAsc(trajectoryId).stream()
                        .map(MeasurementWave::id).toList(), Respondent.EMPLOYER.name()).orElse(null);
        return new InvitationPage(trajectoryId, waveId, wave.code(), respondent, parties.employeeName(),
                address);
    }

    /**
     * Mails the questionnaire with a new personal link; the mail is sent when this transaction has committed. Returns
     * the mail's id: its state tells whether the mail server took it.
     */
    public long invite(CurrentUser user, long trajectoryId, long waveId, Respondent respondent, String address,
            MailLanguage language,
            String linkBase) {
        var link = measurement.createLink(user, trajectoryId, waveId, respondent);
        var wave = waves.findById(waveId).orElseThrow();
        var parties = trajectories.parties(trajectoryId);
        return record(MailKind.INVITATION, wave, respondent, parties, address.trim(), language,
                linkBase, link, user.id());
    }

    /**
     * The one reminder of a wave and respondent, if it is still due: the wave's window says so
     * ({@link WaveState#REMINDER} or later, still open for answers) and the questionnaire is not completed. Claiming
     * the reminder is a conditional insert, so another run or instance that got there first makes this a no-op.
     */
    boolean remind(QuestionnaireMails.ReminderDue due) {
        var wave = waves.findById(due.waveId()).orElse(null);
        LocalDate today = LocalDate.now(clock);
        if (wave == null || !remindable(wave, today) || !measurement.linkAllowed(wave, due.respondent())) {
            return false;
        }
        var parties = trajectories.parties(wave.trajectoryId());
        var letter = letter(MailKind.REMINDER, due.respondent(), due.language(), parties, wave.window().lastDay());
        var envelope = new Envelope(MailKind.REMINDER, wave.id(), due.respondent().name(), due.personId(),
                due.address(), due.language(), due.linkBase(), null);
        return mails.sendOnce(envelope, letter, () -> url(due.linkBase(),
                measurement.renewLink(wave, due.respondent(), parties.employeeId()), due.language())).isPresent();
    }

    /** Reminders go out from 7 days after the due date until the wave closes (see {@link MeasurementWindow}). */
    static boolean remindable(MeasurementWave wave, LocalDate today) {
        var state = wave.stateOn(today);
        return (state == WaveState.REMINDER || state == WaveState.OVERDUE) && wave.answerableOn(today);
    }

    @Transactional(readOnly = true)
    public MailState state(long mailId) {
        return mails.state(mailId).orElseThrow(() -> new NotFoundException("questionnaire_mail", mailId));
    }

    /** The questionnaire's texts of a mail: {@code mail.subject.INVITATION.EMPLOYEE} and so on. */
    static MailTemplate template(MailKind kind, Respondent respondent) {
        String who = kind.name() + "." + respondent.name();
        var after = kind == MailKind.REMINDER
                ? List.of("mail.linkNote." + respondent.name(), "mail.earlierLink." + respondent.name())
                : List.of("mail.linkNote." + respondent.name());
        return new MailTemplate("mail.subject." + who, "mail.greeting." + respondent.name(),
                List.of("mail.intro." + who), "mail.action", after);
    }

    Letter letter(MailKind kind, Respondent respondent, MailLanguage language, TrajectoryParties parties,
            LocalDate lastDay) {
        return mails.compose(template(kind, respondent), language, parties, lastDay);
    }

    private long record(MailKind kind, MeasurementWave wave, Respondent respondent, TrajectoryParties parties,
            String address, MailLanguage language, String linkBase, MeasurementManagement.PersonalLink link,
            Long createdBy) {
        var letter = letter(kind, respondent, language, parties, wave.window().lastDay());
        return mails.send(new Envelope(kind, wave.id(), respondent.name(), parties.employeeId(), address, language,
                linkBase, createdBy), letter, url(linkBase, link, language));
    }

    /** The personal link; it opens the questionnaire in the mail's language. */
    private static String url(String linkBase, MeasurementManagement.PersonalLink link, MailLanguage language) {
        return linkBase + "/q/" + link.token() + "?lang=" + language.code();
    }
}
