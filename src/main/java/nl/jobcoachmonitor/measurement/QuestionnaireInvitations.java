package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
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
 * outbox and goes to the mail server after the transaction commits ({@link MailDelivery}).
 */
@Service
@Transactional
class QuestionnaireInvitations {

    private final MeasurementManagement measurement;
    private final Waves waves;
    private final TrajectoryManagement trajectories;
    private final QuestionnaireMails mails;
    private final MailComposer composer;
    private final MailDelivery delivery;
    private final PersonalDataAccess access;
    private final Clock clock;

    QuestionnaireInvitations(MeasurementManagement measurement, Waves waves, TrajectoryManagement trajectories,
            QuestionnaireMails mails, MailComposer composer, MailDelivery delivery, PersonalDataAccess access,
            Clock clock) {
        this.measurement = measurement;
        this.waves = waves;
        this.trajectories = trajectories;
        this.mails = mails;
        this.composer = composer;
        this.delivery = delivery;
        this.access = access;
        this.clock = clock;
    }

    /** What the invitation form shows: the wave, whom the mail is for, and the employee's recorded address. */
    record InvitationPage(long trajectoryId, long waveId, String waveCode, Respondent respondent, String employeeName,
            String recordedAddress) {
    }

    /** The form to mail a questionnaire, if the user may see the trajectory and the respondent can get a link now. */
    @Transactional(readOnly = true)
    InvitationPage page(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        trajectories.visible(user, trajectoryId);
        var wave = measurement.linkableWave(trajectoryId, waveId, respondent);
        var parties = trajectories.parties(trajectoryId);
        return new InvitationPage(trajectoryId, waveId, wave.code(), respondent, parties.employeeName(),
                respondent == Respondent.EMPLOYEE ? parties.employeeEmail() : null);
    }

    /**
     * Mails the questionnaire with a new personal link; the mail is sent when this transaction has committed. Returns
     * the mail's id: its state tells whether the mail server took it.
     */
    long invite(CurrentUser user, long trajectoryId, long waveId, Respondent respondent, InvitationForm form,
            String linkBase) {
        var link = measurement.createLink(user, trajectoryId, waveId, respondent);
        var wave = waves.findById(waveId).orElseThrow();
        var parties = trajectories.parties(trajectoryId);
        return record(MailKind.INVITATION, wave, respondent, parties, form.address().trim(), form.language(),
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
        var claimed = mails.claimReminder(new QuestionnaireMails.NewMail(wave.id(), due.respondent(), due.personId(),
                MailKind.REMINDER, due.address(), due.language(), "", "", delivery.delivery(), due.linkBase(), null,
                clock.instant()));
        if (claimed.isEmpty()) {
            return false;
        }
        var parties = trajectories.parties(wave.trajectoryId());
        var link = measurement.renewLink(wave, due.respondent(), parties.employeeId());
        var letter = composer.letter(MailKind.REMINDER, due.respondent(), due.language(), parties,
                wave.window().lastDay());
        String url = url(due.linkBase(), link, due.language());
        mails.fill(claimed.get(), letter.subject(), stored(letter, url));
        access.created("questionnaire_mail", claimed.get(), parties.employeeId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(claimed.get(), MailKind.REMINDER, due.address(),
                letter.subject(), letter.text(url), composer.html(letter, url)));
        return true;
    }

    /** Reminders go out from 7 days after the due date until the wave closes (see {@link MeasurementWindow}). */
    static boolean remindable(MeasurementWave wave, LocalDate today) {
        var state = wave.stateOn(today);
        return (state == WaveState.REMINDER || state == WaveState.OVERDUE) && wave.answerableOn(today);
    }

    @Transactional(readOnly = true)
    MailState state(long mailId) {
        return mails.state(mailId).orElseThrow(() -> new NotFoundException("questionnaire_mail", mailId));
    }

    /** A page of the outbox, newest first; every mail shown is a read of the person it is about. */
    @Transactional(readOnly = true)
    List<QuestionnaireMails.OutboxEntry> outbox(int page, int size) {
        var entries = mails.outbox(page, size);
        entries.forEach(e -> access.read("questionnaire_mail", e.id(), e.personId()));
        return entries;
    }

    @Transactional(readOnly = true)
    long outboxSize() {
        return mails.count();
    }

    private long record(MailKind kind, MeasurementWave wave, Respondent respondent, TrajectoryParties parties,
            String address, MailLanguage language, String linkBase, MeasurementManagement.PersonalLink link,
            Long createdBy) {
        var letter = composer.letter(kind, respondent, language, parties, wave.window().lastDay());
        String url = url(linkBase, link, language);
        long id = mails.insert(new QuestionnaireMails.NewMail(wave.id(), respondent, parties.employeeId(), kind,
                address, language, letter.subject(), stored(letter, url), delivery.delivery(), linkBase, createdBy,
                clock.instant()));
        access.created("questionnaire_mail", id, parties.employeeId());
        delivery.sendAfterCommit(new MailDelivery.Outgoing(id, kind, address, letter.subject(), letter.text(url),
                composer.html(letter, url)));
        return id;
    }

    private String stored(MailComposer.Letter letter, String url) {
        return delivery.stored(letter, url);
    }

    /** The personal link; it opens the questionnaire in the mail's language. */
    private static String url(String linkBase, MeasurementManagement.PersonalLink link, MailLanguage language) {
        return linkBase + "/q/" + link.token() + "?lang=" + language.code();
    }
}
