package nl.jobcoachmonitor.outcomes;

import nl.jobcoachmonitor.coaching.ContactCorrected;
import nl.jobcoachmonitor.coaching.ContactDeleted;
import nl.jobcoachmonitor.coaching.ContactLogged;
import nl.jobcoachmonitor.measurement.QuestionnaireCompleted;
import nl.jobcoachmonitor.trajectory.JobChanged;
import nl.jobcoachmonitor.trajectory.TrajectoryPhaseChanged;
import nl.jobcoachmonitor.trajectory.TrajectoryStarted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the indicators up to date: a trajectory is recomputed in the transaction of every event that changes its facts
 * (so the change and its indicators are stored together), every night for the signals that come with time (no recent
 * contact, a wave overdue), and on start for the trajectories no event reached (the demo cohort, written as SQL).
 */
@Component
class IndicatorUpdater {

    private static final Logger log = LoggerFactory.getLogger(IndicatorUpdater.class);

    private final IndicatorStore store;
    private final TransactionTemplate transaction;

    IndicatorUpdater(IndicatorStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One transaction per trajectory: a long run never holds locks on many trajectories at once. */
    private void updateEach(java.util.List<Long> trajectoryIds) {
        trajectoryIds.forEach(id -> transaction.executeWithoutResult(status -> store.update(id)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContactLogged event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContactCorrected event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ContactDeleted event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(JobChanged event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(QuestionnaireCompleted event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TrajectoryPhaseChanged event) {
        store.update(event.trajectoryId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TrajectoryStarted event) {
        store.update(event.trajectoryId());
    }

    @EventListener(ApplicationReadyEvent.class)
    public void catchUp() {
        var missing = store.withoutIndicators();
        updateEach(missing);
        if (!missing.isEmpty()) {
            log.info("Computed the indicators of {} trajectories no event had reached", missing.size());
        }
    }

    /** Every night: the running trajectories, for the signals that come with time. Idempotent, so no lock. */
    @Scheduled(cron = "${jcm.outcomes.nightly-cron:0 45 2 * * *}")
    public void nightly() {
        updateEach(store.running());
    }
}
