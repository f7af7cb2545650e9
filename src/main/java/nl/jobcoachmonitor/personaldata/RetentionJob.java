package nl.jobcoachmonitor.personaldata;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night ({@code jcm.retention.erasure-cron}, 3:15 by default) the employees whose trajectories have all been
 * closed for longer than {@code jcm.retention.after-closing} (two years by default, see README) are erased, each in
 * its own transaction: one that fails is logged and left whole for the next run, the others go on.
 * ShedLock lets one instance run it.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Erasure erasure;
    private final nl.jobcoachmonitor.trajectory.EmployeeErasure employees;
    private final Clock clock;
    private final Period afterClosing;

    RetentionJob(Erasure erasure, nl.jobcoachmonitor.trajectory.EmployeeErasure employees, Clock clock,
            @Value("${jcm.retention.after-closing:P2Y}") Period afterClosing) {
        this.erasure = erasure;
        this.employees = employees;
        this.clock = clock;
        this.afterClosing = afterClosing;
    }

    @Scheduled(cron = "${jcm.retention.erasure-cron:0 15 3 * * *}")
    @SchedulerLock(name = "retention-erasure", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void nightly() {
        int erased = eraseDue();
        if (erased > 0) {
            log.info("Erased the identifying data of {} employees after the retention period", erased);
        }
    }

    /** Erases everyone due today; the number erased. Without the lock (tests, or a run by hand). */
    int eraseDue() {
        LocalDate lastClosedOnOrBefore = LocalDate.now(clock).minus(afterClosing);
        int erased = 0;
        for (long employeeId : employees.due(lastClosedOnOrBefore)) {
            try {
                erasure.erase(employeeId, "retention: all trajectories closed for more than " + afterClosing, null);
                erased++;
            } catch (RuntimeException e) {
                log.warn("Erasure of employee {} failed, nothing of it was erased: {}", employeeId, e.toString());
            }
        }
        return erased;
    }
}
