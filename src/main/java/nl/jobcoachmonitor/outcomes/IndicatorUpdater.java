package nl.jobcoachmonitor.outcomes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import nl.jobcoachmonitor.coaching.ContactCorrected;
import nl.jobcoachmonitor.coaching.ContactDeleted;
import nl.jobcoachmonitor.coaching.ContactLogged;
import nl.jobcoachmonitor.measurement.QuestionnaireCompleted;
import nl.jobcoachmonitor.shared.CatchUpState;
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
 * contact, a wave overdue), and after a start for the trajectories no event reached (the demo cohort, written as SQL;
 * an import). The catch-up after a start runs in the background ({@link CatchUpState}) under a ShedLock lock, in
 * batches of {@link #BATCH} trajectories, one transaction each: a start does no work that grows with the number of
 * trajectories, and a run cut short (a failure, a stop) keeps the batches it committed; the next run finds the
 * trajectories still without indicators and goes on with those.
 */
@Component
class IndicatorUpdater {

    /** Trajectories per transaction in the catch-up, the nightly run and the rebuild. */
    static final int BATCH = 1000;

    /** The catch-up's name in {@link CatchUpState} and its lock ({@code catch-up-indicators}). */
    static final String CATCH_UP = "indicators";

    private static final Logger log = LoggerFactory.getLogger(IndicatorUpdater.class);

    private final IndicatorStore store;
    private final TransactionTemplate transaction;
    private final CatchUpState catchUps;

    IndicatorUpdater(IndicatorStore store, PlatformTransactionManager transactions, CatchUpState catchUps) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.catchUps = catchUps;
        catchUps.expect(CATCH_UP);
    }

    /** What a batched run did: how many trajectories, in how many transactions. */
    record Run(int trajectories, int batches) {
    }

    /**
     * Updates the trajectories the query gives, batch after batch (the query gets the last id done and the batch size),
     * each batch in a transaction of its own, until the query gives none.
     */
    Run inBatches(BiFunction<Long, Integer, List<Long>> next, int batchSize) {
        long after = 0;
        int trajectories = 0;
        int batches = 0;
        while (true) {
            List<Long> batch = next.apply(after, batchSize);
            if (batch.isEmpty()) {
                return new Run(trajectories, batches);
            }
            transaction.executeWithoutResult(status -> store.update(batch));
            trajectories += batch.size();
            batches++;
            after = batch.get(batch.size() - 1);
        }
    }

    /**
     * The same, with {@code threads} batches in flight at once (each in its own transaction on its own connection):
     * while one batch waits for the database, the other computes. The batches are disjoint and each locks its
     * trajectories in id order, so they do not wait for each other. The first failure stops the run after the batches
     * in flight; the batches committed stay.
     */
    Run inBatches(BiFunction<Long, Integer, List<Long>> next, int batchSize, int threads) {
        if (threads <= 1) {
            return inBatches(next, batchSize);
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rebuild");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        long after = 0;
        int trajectories = 0;
        int batches = 0;
        try {
            while (true) {
                List<Long> batch = next.apply(after, batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                while (inFlight.size() >= threads) {
                    finish(inFlight.removeFirst());
                }
                inFlight.addLast(workers.submit(() -> transaction.executeWithoutResult(status -> store.update(batch))));
                trajectories += batch.size();
                batches++;
                after = batch.get(batch.size() - 1);
            }
            while (!inFlight.isEmpty()) {
                finish(inFlight.removeFirst());
            }
            return new Run(trajectories, batches);
        } finally {
            workers.shutdown();
        }
    }

    private static void finish(Future<?> batch) {
        try {
            batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
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
    void catchUpAfterStart() {
        catchUps.onStart(CATCH_UP, this::catchUp);
    }

    /** The trajectories without indicators, in batches; idempotent (a second run finds none). */
    public Run catchUp() {
        return catchUp(BATCH);
    }

    Run catchUp(int batchSize) {
        long start = System.nanoTime();
        var run = inBatches(store::withoutIndicators, batchSize);
        if (run.trajectories() > 0) {
            log.info("Computed the indicators of {} trajectories no event had reached, in {} batches, in {} ms",
                    run.trajectories(), run.batches(), (System.nanoTime() - start) / 1_000_000);
        }
        return run;
    }

    /**
     * Every night: the trajectories still without indicators, then the running ones, for the signals that come with
     * time; in batches, under the catch-up's lock, so two instances do not both do it.
     */
    @Scheduled(cron = "${jcm.outcomes.nightly-cron:0 45 2 * * *}")
    public void nightly() {
        catchUps.now(CATCH_UP, () -> {
            catchUp();
            inBatches(store::running, BATCH);
        });
    }
}
