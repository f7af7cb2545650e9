package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day (at 9:00 by default, {@code jcm.measurement.reminder-cron}) the employee or employer contact who was
 * mailed a questionnaire and has not sent it gets one reminder, from 7 days after the wave was due until the wave
 * closes, and never sooner than 7 days after the invitation. The reminder carries a new personal link (the token of
 * the invitation's link is not stored anywhere, so it cannot be sent again): the invitation's link stops working, the
 * answers given so far are kept and the new link resumes where they left off.
 *
 * <p>Runs once however many instances run: ShedLock holds the lock {@code measurement-reminders}; and should two runs
 * overlap anyway (a lock that expired, a manual run), the database lets only one reminder per wave and respondent in.
 */
@Component
class QuestionnaireReminders {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireReminders.class);
    static final Duration NOT_SOONER_THAN = Duration.ofDays(MeasurementWindow.REMINDER_AFTER_DAYS);

    private final QuestionnaireMails mails;
    private final QuestionnaireInvitations invitations;
    private final Clock clock;

    QuestionnaireReminders(QuestionnaireMails mails, QuestionnaireInvitations invitations, Clock clock) {
        this.mails = mails;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Scheduled(cron = "${jcm.measurement.reminder-cron:0 0 9 * * *}")
    @SchedulerLock(name = "measurement-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        int sent = sendDueReminders();
        if (sent > 0) {
            log.info("Sent {} questionnaire reminders", sent);
        }
    }

    /** The reminders due now, each in its own transaction; without the lock (tests, or a run by hand). */
    public int sendDueReminders() {
        LocalDate today = LocalDate.now(clock);
        var due = mails.remindersDue(today.minusDays(MeasurementWindow.REMINDER_AFTER_DAYS),
                today.minusDays(MeasurementWindow.CLOSES_AFTER_DAYS), clock.instant().minus(NOT_SOONER_THAN));
        int sent = 0;
        for (var reminder : due) {
            try {
                if (invitations.remind(reminder)) {
                    sent++;
                }
            } catch (DataAccessException e) {
                // Another run claimed the same reminder at the same moment (the unique constraint), or the database
                // failed: nothing of this reminder was kept, and a later run tries again if it is still due.
                log.info("Reminder after questionnaire mail {} skipped: {}", reminder.invitationId(), e.toString());
            }
        }
        return sent;
    }
}
