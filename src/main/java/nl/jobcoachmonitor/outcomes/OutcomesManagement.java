package nl.jobcoachmonitor.outcomes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes module's public API: a trajectory's indicators over time, the open signals of a caseload, handling a
 * signal, and rebuilding every indicator from scratch.
 */
@Service
@Transactional
public class OutcomesManagement {

    static final int NOTE_MAX = 500;

    /** Batches of the rebuild in flight at once: one computes while the other waits for the database. */
    static final int REBUILD_THREADS = 2;

    private final IndicatorStore store;
    private final IndicatorUpdater updater;
    private final TrajectoryManagement trajectories;
    private final PersonalDataAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    OutcomesManagement(IndicatorStore store, IndicatorUpdater updater, TrajectoryManagement trajectories,
            PersonalDataAccess access, JdbcClient jdbc, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.store = store;
        this.updater = updater;
        this.trajectories = trajectories;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A trajectory's indicators and what each wave measured, for those who see the trajectory; the read is logged. */
    @Transactional(readOnly = true)
    public Outcomes outcomes(CurrentUser user, long trajectoryId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        access.read("trajectory_indicator", trajectoryId, trajectory.employeeId());
        return new Outcomes(store.find(trajectoryId), store.waves(trajectoryId));
    }

    public record Outcomes(TrajectoryIndicators indicators, List<WaveIndicators> waves) {
    }

    /** The open signals of the trajectories the user coaches (a coach) or of the organisation (a manager). */
    @Transactional(readOnly = true)
    public List<SignalView> openSignals(CurrentUser user) {
        if (!user.isCoach() && !user.isManager()) {
            return List.of();
        }
        String scope = user.isCoach() ? "t.coach_id = :scope" : "t.organisation_id = :scope";
        var signals = jdbc.sql("""
                select s.id, s.trajectory_id, e.first_name, e.last_name, s.kind, s.trigger_key, s.raised_on, s.request_text,
                  c.display_name
                from signal s join trajectory t on t.id = s.trajectory_id join employee e on e.id = t.employee_id
                join app_user c on c.id = t.coach_id
                where s.handled_at is null and s.resolved_at is null and t.phase <> 'CLOSED'""" + " and " + scope)
                .param("scope", user.isCoach() ? user.id() : user.organisationId())
                .query((rs, n) -> new SignalView(rs.getLong(1), rs.getLong(2), rs.getString(3) + " " + rs.getString(4),
                        SignalKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, java.time.LocalDate.class), rs.getString(8), rs.getString(9)))
                .list().stream()
                .sorted(Comparator.comparing(SignalView::kind).thenComparing(SignalView::raisedOn)
                        .thenComparing(SignalView::id))
                .toList();
        if (!signals.isEmpty()) {
            access.searched("signal", "open signals: " + signals.size());
        }
        return signals;
    }

    /** Marks a signal handled with a short note; only for someone who sees its trajectory. Logged. */
    public void handle(CurrentUser user, long signalId, String note) {
        var trajectoryId = jdbc.sql("select trajectory_id from signal where id = :id and handled_at is null "
                + "and resolved_at is null").param("id", signalId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("signal", signalId));
        var trajectory = trajectories.visible(user, trajectoryId);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new DomainRuleViolation("note", "signal.note.required");
        }
        if (text.length() > NOTE_MAX) {
            throw new DomainRuleViolation("note", "signal.note.tooLong");
        }
        jdbc.sql("update signal set handled_at = :now, handled_by = :user, note = :note where id = :id "
                + "and handled_at is null").param("now", Timestamp.from(clock.instant())).param("user", user.id())
                .param("note", text).param("id", signalId).update();
        access.changed("signal", signalId, trajectory.employeeId());
    }

    /** Whether the contact hours per month are missing while some trajectory has contact hours (a read model to rebuild). */
    @Transactional(readOnly = true)
    public boolean monthsMissing() {
        return jdbc.sql("select count(*) from trajectory_indicator where (hours_total_0_3 > 0 or hours_total_3_6 > 0)"
                + " and not exists (select 1 from trajectory_month)").query(Long.class).single() > 0;
    }

    /**
     * Recomputes the indicators and signals of these trajectories (after an import, which writes without events) in
     * batches of {@link IndicatorUpdater#BATCH}, one transaction each, as the nightly run does (a fixed number of
     * statements per batch, {@code IndicatorStore.update(Collection)}); {@code done} is told once per trajectory as
     * each batch is committed.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public void recompute(java.util.Collection<Long> trajectoryIds, Runnable done) {
        var ids = trajectoryIds.stream().distinct().sorted().toList();
        for (int from = 0; from < ids.size(); from += IndicatorUpdater.BATCH) {
            var batch = ids.subList(from, Math.min(ids.size(), from + IndicatorUpdater.BATCH));
            transaction.executeWithoutResult(status -> store.update(batch));
            batch.forEach(id -> done.run());
        }
    }

    /**
     * Recomputes every trajectory's indicators from scratch; the number of trajectories. In batches of {@link
     * IndicatorUpdater#BATCH} trajectories, one transaction each (the batch's rows are deleted and written again
     * together, so a reader never sees a trajectory without indicators): about 1,000 times fewer statements than one
     * trajectory at a time, and no transaction over everything. A rebuild cut short leaves the batches done rebuilt
     * and the others as they were. Two batches are in flight at once ({@link #REBUILD_THREADS}).
     */
    @Transactional(propagation = Propagation.NEVER)
    public int rebuild() {
        return updater.inBatches(store::trajectories, IndicatorUpdater.BATCH, REBUILD_THREADS).trajectories();
    }
}
