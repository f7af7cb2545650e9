package nl.jobcoachmonitor.circle;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day (at 8:00 by default, {@code jcm.circle.reminder-cron}) each coach with a place at a meeting that begins
 * before the end of tomorrow gets one reminder with the meeting as an iCalendar attachment. ShedLock runs the job on
 * one instance; the claim on the registration ({@code reminded_at}) keeps a reminder from going twice anyway.
 */
@Component
class MeetingReminders {

    private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);

    private final MeetingManagement meetings;
    private final Clock clock;

    MeetingReminders(MeetingManagement meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Scheduled(cron = "${jcm.circle.reminder-cron:0 0 8 * * *}")
    @SchedulerLock(name = "circle-meeting-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        int sent = remind();
        if (sent > 0) {
            log.info("Knowledge circle: {} meeting reminders sent", sent);
        }
    }

    /** Sends the reminders due now; returns how many were sent. */
    int remind() {
        var until = LocalDate.now(clock).plusDays(2).atStartOfDay(clock.getZone()).toInstant();
        int sent = 0;
        for (long[] due : meetings.remindersDue(until)) {
            if (meetings.remind(due[0], due[1])) {
                sent++;
            }
        }
        return sent;
    }
}
