package nl.jobcoachmonitor.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The catch-up work after a start (indicators and measurement waves that no event reached): each job registers with
 * {@link #expect} when its bean is made, and runs with {@link #onStart} once the application is ready, in the
 * background on one thread of its own (jobs one after another, in the order they were started), so that a start
 * never waits for work that grows with the number of trajectories. Every run holds a ShedLock lock named
 * {@code catch-up-<job>}, so two instances never catch up the same job at once; the nightly runs use the same lock
 * through {@link #now}. The jobs themselves commit in batches and find their own place again (what is still missing),
 * so a run cut short resumes on the next start or night.
 *
 * <p>Whether the catch-up is done: {@link #done()} (every expected job has finished, or another instance held its
 * lock and does it), {@link #status()} per job, and the event {@link CatchUpCompleted} once, when the last job is
 * done. A readiness check may wait for it. With {@code jcm.catch-up.background=false} (the tests) the jobs run in
 * the thread that starts them, so the application is caught up when its context is.
 */
@Component
public class CatchUpState implements DisposableBean {

    /** Where a catch-up job stands. */
    public enum Status {
        /** Registered, not started yet. */
        WAITING,
        /** Running on this instance. */
        RUNNING,
        /** Finished on this instance. */
        DONE,
        /** Another instance held the lock: that one does the work. */
        ELSEWHERE,
        /** A batch failed; the batches before it are committed and the next run continues after them. */
        FAILED
    }

    /** How long a lock is held at most when an instance dies while catching up. */
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(CatchUpState.class);

    private final Map<String, Status> jobs = new LinkedHashMap<>();
    private final LockingTaskExecutor locks;
    private final ApplicationEventPublisher events;
    private final boolean background;
    private final ExecutorService executor;
    private boolean announced;

    CatchUpState(LockProvider lockProvider, ApplicationEventPublisher events,
            @Value("${jcm.catch-up.background:true}") boolean background) {
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.events = events;
        this.background = background;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catch-up");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers a job that must run before the catch-up counts as done; call it when the job's bean is made. */
    public synchronized void expect(String job) {
        jobs.putIfAbsent(job, Status.WAITING);
    }

    /** Runs a job after a start: in the background (or here, with background off), under its lock. */
    public void onStart(String job, Runnable work) {
        expect(job);
        if (background) {
            executor.execute(() -> run(job, work, true));
        } else {
            run(job, work, true);
        }
    }

    /**
     * Runs a job here and now under its lock (the nightly runs), without changing its status (a night's run does not
     * make a ready instance unready); skipped when another instance holds the lock. A failure is logged, not thrown:
     * the batches before it are committed.
     */
    public void now(String job, Runnable work) {
        run(job, work, false);
    }

    private void run(String job, Runnable work, boolean track) {
        if (track) {
            set(job, Status.RUNNING);
        }
        long start = System.nanoTime();
        try {
            var result = locks.executeWithLock(() -> {
                work.run();
                log.info("Catch-up {} finished in {} ms", job, (System.nanoTime() - start) / 1_000_000);
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), "catch-up-" + job, LOCK_AT_MOST, Duration.ZERO));
            if (track) {
                set(job, result.wasExecuted() ? Status.DONE : Status.ELSEWHERE);
            }
            if (!result.wasExecuted()) {
                log.info("Catch-up {} skipped: another instance holds its lock", job);
            }
        } catch (Throwable e) {
            if (track) {
                set(job, Status.FAILED);
            }
            log.error("Catch-up {} stopped; the batches before the failure are kept, the next run continues", job, e);
        }
    }

    private void set(String job, Status status) {
        boolean completed;
        synchronized (this) {
            jobs.put(job, status);
            completed = !announced && doneNow();
            announced |= completed;
        }
        if (completed) {
            log.info("Catch-up done: {}", status());
            events.publishEvent(new CatchUpCompleted(status()));
        }
    }

    /** Whether every expected job has finished here or runs on another instance. */
    public synchronized boolean done() {
        return doneNow();
    }

    private boolean doneNow() {
        return jobs.values().stream().allMatch(s -> s == Status.DONE || s == Status.ELSEWHERE);
    }

    /** Every job and where it stands, in the order they were registered. */
    public synchronized Map<String, Status> status() {
        return Map.copyOf(new LinkedHashMap<>(jobs));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
