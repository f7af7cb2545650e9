package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.jobcoachmonitor.shared.CatchUpState;
import nl.jobcoachmonitor.trajectory.CoachingStart;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;
import nl.jobcoachmonitor.trajectory.TrajectoryPhaseChanged;
import nl.jobcoachmonitor.trajectory.TrajectoryStarted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans the waves of a trajectory when coaching on the job starts (a trajectory started in the coaching phase, or a
 * job search that ends in a job), cancels the ones not yet due when it closes and opens those again when a closed
 * trajectory is reopened as continued support.
 *
 * <p>The listeners run in the publishing transaction, just before it commits: a trajectory and its waves are stored
 * together or not at all (there is no event publication registry that would retry a listener after a crash). After
 * every start (in the background, {@link CatchUpState}) and every night, {@link #catchUp()} adds the waves no event
 * planned: the demo cohort (written as plain SQL, without events), trajectories from before measurement existed, and
 * the waves after T2 (every 6 months) that have come within reach.
 */
@Component
class WavePlanner {

    private static final Logger log = LoggerFactory.getLogger(WavePlanner.class);

    /** Trajectories per transaction in the catch-up. */
    static final int BATCH = 1000;

    /** Rows per multi-row insert in the catch-up. */
    private static final int INSERT_ROWS = 500;

    /** The catch-up's name in {@link CatchUpState} and its lock ({@code catch-up-waves}). */
    static final String CATCH_UP = "waves";

    private final Waves waves;
    private final TrajectoryManagement trajectories;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CatchUpState catchUps;

    WavePlanner(Waves waves, TrajectoryManagement trajectories, JdbcClient jdbc, Clock clock,
            PlatformTransactionManager transactions, CatchUpState catchUps) {
        this.waves = waves;
        this.trajectories = trajectories;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.catchUps = catchUps;
        catchUps.expect(CATCH_UP);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TrajectoryStarted event) {
        if (event.phase() == TrajectoryPhase.COACHING) {
            planFirstWaves(event.trajectoryId(), event.startedOn());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TrajectoryPhaseChanged event) {
        if (event.to() == TrajectoryPhase.COACHING) {
            planFirstWaves(event.trajectoryId(), event.on());
        } else if (event.to() == TrajectoryPhase.CLOSED) {
            waves.findByTrajectoryIdOrderByDueOnAsc(event.trajectoryId()).stream()
                    .filter(w -> w.status() == WaveStatus.OPEN && w.dueOn().isAfter(event.on()))
                    .forEach(w -> waves.save(w.cancel()));
        } else if (event.from() == TrajectoryPhase.CLOSED) {
            // Reopened as continued support: the waves still to come are measured again; the ones that fell while it
            // was closed stay cancelled. Later waves follow from the nightly catch-up, as for every running trajectory.
            waves.findByTrajectoryIdOrderByDueOnAsc(event.trajectoryId()).stream()
                    .filter(w -> w.status() == WaveStatus.CANCELLED && w.dueOn().isAfter(event.on()))
                    .forEach(w -> waves.save(w.reopen()));
        }
    }

    /** T0, T1 and T2 from the start of coaching, unless the trajectory has waves already (coaching again later). */
    private void planFirstWaves(long trajectoryId, LocalDate coachingStartedOn) {
        if (!waves.findByTrajectoryIdOrderByDueOnAsc(trajectoryId).isEmpty()) {
            return;
        }
        WaveSchedule.atStart(coachingStartedOn).forEach(p -> insert(trajectoryId, p));
    }

    /** Inserts a wave unless the trajectory has one with that code: safe when two instances plan at once. */
    private int insert(long trajectoryId, WaveSchedule.PlannedWave planned) {
        return jdbc.sql("insert into measurement_wave (trajectory_id, code, due_on, status, version) "
                + "values (:t, :c, :d, :s, 0) on conflict do nothing").param("t", trajectoryId)
                .param("c", planned.code()).param("d", planned.dueOn()).param("s", WaveStatus.OPEN.name()).update();
    }

    /**
     * Every night, the waves that have come within reach (T3, T4, … every 6 months while coaching runs), under the
     * catch-up's lock (inserts skip waves that exist, so two instances at once would be safe too, only wasteful).
     */
    @Scheduled(cron = "${jcm.measurement.planning-cron:0 30 2 * * *}")
    public void nightly() {
        catchUps.now(CATCH_UP, this::catchUp);
    }

    /**
     * The waves of these trajectories (imported ones: written as SQL, without events), in the caller's transaction: T0,
     * T1, T2 and every later wave up to the first one due after today, from the first move to coaching on the job, for
     * a closed trajectory up to its closing day, the ones due after that cancelled (as closing would have done).
     * Waves that exist are kept. The number of waves added.
     */
    int plan(java.util.Collection<Long> trajectoryIds) {
        LocalDate today = LocalDate.now(clock);
        int added = 0;
        var ids = new java.util.ArrayList<>(trajectoryIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            record Start(long id, LocalDate coachingOn, LocalDate closedOn) {
            }
            var starts = jdbc.sql("""
                    select t.id, min(p.changed_on), t.closed_on from trajectory t
                    join phase_change p on p.trajectory_id = t.id and p.to_phase = 'COACHING'
                    where t.id in (:ids) group by t.id, t.closed_on""").param("ids", chunk)
                    .query((rs, n) -> new Start(rs.getLong(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class))).list();
            Map<Long, Set<String>> existing = new HashMap<>();
            jdbc.sql("select trajectory_id, code from measurement_wave where trajectory_id in (:ids)")
                    .param("ids", chunk).query((rs, n) -> {
                        existing.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                        return null;
                    }).list();
            List<Object> missing = new ArrayList<>();
            for (Start start : starts) {
                LocalDate until = start.closedOn() != null && start.closedOn().isBefore(today) ? start.closedOn() : today;
                var codes = existing.getOrDefault(start.id(), Set.of());
                for (var planned : WaveSchedule.upTo(start.coachingOn(), until)) {
                    if (!codes.contains(planned.code())) {
                        boolean cancelled = start.closedOn() != null && planned.dueOn().isAfter(start.closedOn());
                        missing.addAll(List.of(start.id(), planned.code(), planned.dueOn(),
                                (cancelled ? WaveStatus.CANCELLED : WaveStatus.OPEN).name()));
                    }
                }
            }
            // in inserts of many rows (an import plans the waves of thousands of trajectories at once)
            added += insert(missing);
        }
        return added;
    }

    /** Inserts the waves, four values each (trajectory, code, due day, status), {@link #INSERT_ROWS} per statement. */
    private int insert(List<Object> missing) {
        int added = 0;
        int perInsert = 4 * INSERT_ROWS;
        for (int from = 0; from < missing.size(); from += perInsert) {
            var chunk = missing.subList(from, Math.min(missing.size(), from + perInsert));
            added += jdbc.sql("insert into measurement_wave (trajectory_id, code, due_on, status, version) values "
                    + String.join(", ", Collections.nCopies(chunk.size() / 4, "(?, ?, ?, ?, 0)"))
                    + " on conflict do nothing").params(chunk).update();
        }
        return added;
    }

    /** After a start, in the background (CatchUpState), before the indicators' catch-up (which reads the waves). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void catchUpAfterStart() {
        catchUps.onStart(CATCH_UP, this::catchUp);
    }

    /**
     * Plans the waves no event planned, for every running trajectory coached on the job, in batches of {@link #BATCH}
     * trajectories, one transaction each: no transaction over everything, and a run cut short keeps what it
     * planned (the next run skips the waves that exist). The number of waves added.
     */
    public int catchUp() {
        return catchUp(BATCH);
    }

    int catchUp(int batchSize) {
        LocalDate today = LocalDate.now(clock);
        long after = 0;
        int added = 0;
        while (true) {
            var starts = trajectories.coachingStarts(after, batchSize);
            if (starts.isEmpty()) {
                break;
            }
            added += transaction.execute(status -> plan(starts, today));
            after = starts.get(starts.size() - 1).trajectoryId();
        }
        if (added > 0) {
            log.info("Planned {} measurement waves no event had planned", added);
        }
        return added;
    }

    /** The waves up to today's reach that the trajectories lack, with multi-row inserts that skip existing ones. */
    private int plan(List<CoachingStart> starts, LocalDate today) {
        Map<Long, Set<String>> existing = new HashMap<>();
        jdbc.sql("select trajectory_id, code from measurement_wave where trajectory_id in (:ids)")
                .param("ids", starts.stream().map(CoachingStart::trajectoryId).toList())
                .query(rs -> {
                    existing.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        List<Object> missing = new ArrayList<>();
        for (CoachingStart start : starts) {
            var codes = existing.getOrDefault(start.trajectoryId(), Set.of());
            for (var planned : WaveSchedule.upTo(start.coachingStartedOn(), today)) {
                if (!codes.contains(planned.code())) {
                    missing.addAll(List.of(start.trajectoryId(), planned.code(), planned.dueOn(),
                            WaveStatus.OPEN.name()));
                }
            }
        }
        return insert(missing);
    }
}
