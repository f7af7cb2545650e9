package nl.jobcoachmonitor.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.WaveState;
import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.ContactFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.Facts;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.JobChangeFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.Raised;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.ResponseFact;
import nl.jobcoachmonitor.outcomes.IndicatorCalculator.WaveFact;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.JobChangeKind;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of a trajectory (its phases, contacts, job changes and completed responses: the read model's inputs,
 * read directly as the caseload does), stores what {@link IndicatorCalculator} makes of them, raises the signals and
 * resolves those whose cause has gone.
 */
@Component
class IndicatorStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MeasurementManagement measurement;
    private final Clock clock;

    IndicatorStore(JdbcClient jdbc, ObjectMapper json, MeasurementManagement measurement, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.measurement = measurement;
        this.clock = clock;
    }

    /** Rows per multi-row insert: few statements for a batch, well below PostgreSQL's limit of bind parameters. */
    static final int ROWS_PER_INSERT = 500;

    /**
     * Recomputes one trajectory's indicators and signals. The trajectory's row is locked first, so two updates of the
     * same trajectory (an event and the nightly run, two instances) follow each other instead of colliding.
     */
    void update(long trajectoryId) {
        update(List.of(trajectoryId));
    }

    /**
     * Recomputes the indicators and signals of several trajectories in the caller's transaction, as {@link
     * #update(long)} does for one, with a fixed number of statements however many there are: their rows locked in id
     * order, each kind of fact read with one statement, and the rows written with multi-row inserts. The catch-up, the
     * nightly run and the rebuild call it with batches of {@link IndicatorUpdater#BATCH} trajectories.
     */
    void update(Collection<Long> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return;
        }
        var ids = jdbc.sql("select id from trajectory where id in (:ids) order by id for update")
                .param("ids", trajectoryIds.stream().distinct().sorted().toList()).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        var results = facts(ids).stream().map(IndicatorCalculator::compute).toList();
        save(ids, results);
        raise(ids, results);
    }

    List<Long> allTrajectories() {
        return jdbc.sql("select id from trajectory order by id").query(Long.class).list();
    }

    /** Up to {@code limit} trajectories after the given id without indicators, in id order. */
    List<Long> withoutIndicators(long afterId, int limit) {
        return jdbc.sql("select t.id from trajectory t where t.id > :after and not exists "
                + "(select 1 from trajectory_indicator i where i.trajectory_id = t.id) order by t.id limit :limit")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    /** Up to {@code limit} trajectories after the given id, in id order: the rebuild's batches. */
    List<Long> trajectories(long afterId, int limit) {
        return jdbc.sql("select id from trajectory where id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    /** Up to {@code limit} trajectories after the given id that are not closed, in id order: the nightly run's batches. */
    List<Long> running(long afterId, int limit) {
        return jdbc.sql("select id from trajectory where phase <> 'CLOSED' and id > :after order by id limit :limit")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    private List<Facts> facts(List<Long> ids) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<ContactFact>> contacts = new HashMap<>();
        jdbc.sql("select trajectory_id, contact_on, minutes, party from contact where trajectory_id in (:ids) "
                + "order by trajectory_id, id").param("ids", ids)
                .query(rs -> {
                    contacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ContactFact(
                            rs.getObject(2, LocalDate.class), rs.getInt(3), Party.valueOf(rs.getString(4))));
                });
        Map<Long, List<JobChangeFact>> jobChanges = new HashMap<>();
        jdbc.sql("select trajectory_id, changed_on, kind from job_change where trajectory_id in (:ids) "
                + "order by trajectory_id, position").param("ids", ids)
                .query(rs -> {
                    jobChanges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new JobChangeFact(
                            rs.getObject(2, LocalDate.class), JobChangeKind.valueOf(rs.getString(3))));
                });
        Map<Long, List<ResponseFact>> responses = new HashMap<>();
        jdbc.sql("""
                select w.trajectory_id, w.code, w.due_on, r.respondent, r.answers, r.completed_at from response r
                join measurement_wave w on w.id = r.wave_id
                where w.trajectory_id in (:ids) and r.completed_at is not null
                order by w.trajectory_id, r.id""").param("ids", ids)
                .query(rs -> {
                    responses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ResponseFact(
                            rs.getString(2), rs.getObject(3, LocalDate.class), Respondent.valueOf(rs.getString(4)),
                            answers(rs.getString(5)),
                            rs.getTimestamp(6).toInstant().atZone(clock.getZone()).toLocalDate()));
                });
        var attention = measurement.attention(ids);
        return jdbc.sql("""
                select t.id, t.phase, t.closing_reason, t.closed_on,
                    (select min(p.changed_on) from phase_change p where p.trajectory_id = t.id
                       and p.to_phase = 'COACHING') as coaching_started_on,
                    (select max(p.changed_on) from phase_change p where p.trajectory_id = t.id
                       and p.to_phase = 'CONTINUED_SUPPORT') as support_requested_on
                from trajectory t where t.id in (:ids) order by t.id""").param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    var waveAttention = attention.get(id);
                    var overdue = waveAttention != null && waveAttention.state() == WaveState.OVERDUE
                            ? List.of(new WaveFact(waveAttention.code())) : List.<WaveFact>of();
                    return new Facts(id, TrajectoryPhase.valueOf(rs.getString(2)),
                            rs.getString(3) == null ? null : ClosingReason.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            contacts.getOrDefault(id, List.of()), jobChanges.getOrDefault(id, List.of()),
                            responses.getOrDefault(id, List.of()), overdue, rs.getObject(6, LocalDate.class), today);
                })
                .list();
    }

    private Map<String, Object> answers(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
    }

    private static final String INDICATOR_COLUMNS = "trajectory_id, coaching_started_on, months_0_3, "
            + "hours_employee_0_3, hours_employer_0_3, hours_total_0_3, months_3_6, hours_employee_3_6, "
            + "hours_employer_3_6, hours_total_3_6, last_contact_on, retained, positive_development, employment_ended, "
            + "job_fit_first, job_fit_latest, rapport_employee, rapport_coach, fit_wishes, capability_set_first, "
            + "capability_set_latest, gaps_latest, computed_at, contract_hours_t0, disclosed_employer, "
            + "reaction_employer, disclosed_colleagues, reaction_colleagues, coach_value, work_values_t0, work_values_t2"
            + monthColumns();

    private static String monthColumns() {
        StringBuilder columns = new StringBuilder();
        for (int m = 0; m < REPORT_MONTHS; m++) {
            columns.append(", month").append(m).append("_employee, month").append(m).append("_employer, month")
                    .append(m).append("_other");
        }
        return columns.toString();
    }

    /** Months since the start of coaching whose contact minutes the indicator row keeps for the study report (V69). */
    static final int REPORT_MONTHS = 12;

    private void save(List<Long> ids, List<IndicatorCalculator.Result> results) {
        jdbc.sql("delete from wave_work_value where trajectory_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from trajectory_month where trajectory_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from wave_indicator where trajectory_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from trajectory_indicator where trajectory_id in (:ids)").param("ids", ids).update();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> months = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        List<Object[]> waves = new ArrayList<>();
        List<Object[]> workValues = new ArrayList<>();
        for (var result : results) {
            var t = result.trajectory();
            long id = t.trajectoryId();
            for (var month : result.months()) {
                months.add(new Object[] {id, month.month(), month.employeeMinutes(), month.employerMinutes(),
                        month.otherMinutes()});
            }
            indicators.add(indicatorRow(result, now));
            for (WaveIndicators w : result.waves()) {
                waves.add(new Object[] {id, w.wave(), w.dueOn(), w.paidWork(), w.contractHours(), w.tasksChange(),
                        w.jobFit(), w.rapportEmployee(), w.rapportCoach(), w.fitWishes(), w.coachValue(),
                        w.disclosedEmployer(), w.reactionEmployer(), w.disclosedColleagues(), w.reactionColleagues(),
                        w.capabilitySet(), w.gaps() == null ? null : String.join(",", w.gaps()), w.careConflict(),
                        w.employeeAnsweredOn()});
                w.workValues().forEach((value, scores) -> workValues.add(new Object[] {id, w.wave(), value,
                        scores.important(), scores.offered(), scores.achieved()}));
            }
        }
        insert("trajectory_month", "trajectory_id, month_index, employee_minutes, employer_minutes, other_minutes",
                months);
        insert("trajectory_indicator", INDICATOR_COLUMNS, indicators);
        insert("wave_indicator", "trajectory_id, wave_code, due_on, paid_work, contract_hours, tasks_change, job_fit, "
                + "rapport_employee, rapport_coach, fit_wishes, coach_value, disclosed_employer, reaction_employer, "
                + "disclosed_colleagues, reaction_colleagues, capability_set, gaps, care_conflict, "
                + "employee_answered_on", waves);
        insert("wave_work_value", "trajectory_id, wave_code, work_value, important, offered, achieved", workValues);
    }

    /** The indicator row: the indicators, then what the study report reads of T0, T2 and months 0-11 (V69). */
    private static Object[] indicatorRow(IndicatorCalculator.Result result, Timestamp now) {
        var t = result.trajectory();
        var t0 = result.waves().stream().filter(w -> w.wave().equals("T0")).findFirst().orElse(null);
        var t2 = result.waves().stream().filter(w -> w.wave().equals("T2")).findFirst().orElse(null);
        List<Object> row = new ArrayList<>(List.of(t.trajectoryId()));
        row.addAll(Arrays.asList(t.coachingStartedOn(), t.first().months(), t.first().employeeHours(),
                t.first().employerHours(), t.first().totalHours(), t.second().months(), t.second().employeeHours(),
                t.second().employerHours(), t.second().totalHours(), t.lastContactOn(), t.retained(),
                t.positiveDevelopment(), t.employmentEnded(), t.jobFitFirst(), t.jobFitLatest(), t.rapportEmployee(),
                t.rapportCoach(), t.fitWishes(), t.capabilitySetFirst(), t.capabilitySetLatest(), t.gapsLatest(), now,
                t0 == null ? null : t0.contractHours(),
                latest(t2, t0, WaveIndicators::disclosedEmployer), latest(t2, t0, WaveIndicators::reactionEmployer),
                latest(t2, t0, WaveIndicators::disclosedColleagues),
                latest(t2, t0, WaveIndicators::reactionColleagues), latest(t2, t0, WaveIndicators::coachValue),
                workValueDigits(t0), workValueDigits(t2)));
        Object[] months = new Object[3 * REPORT_MONTHS];
        for (var month : result.months()) {
            if (month.month() < REPORT_MONTHS) {
                months[3 * month.month()] = month.employeeMinutes();
                months[3 * month.month() + 1] = month.employerMinutes();
                months[3 * month.month() + 2] = month.otherMinutes();
            }
        }
        row.addAll(Arrays.asList(months));
        return row.toArray();
    }

    /** T2's value, else T0's (each field on its own, as the report always took them). */
    private static <T> T latest(WaveIndicators t2, WaveIndicators t0, Function<WaveIndicators, T> field) {
        T value = t2 == null ? null : field.apply(t2);
        return value != null || t0 == null ? value : field.apply(t0);
    }

    /**
     * A wave's work values for the report (V69): per work value in {@link WorkValue} order two digits, importance and
     * achievement, {@code 00} where the value does not have both; null when no value has both.
     */
    static String workValueDigits(WaveIndicators wave) {
        if (wave == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        boolean any = false;
        for (WorkValue value : WorkValue.values()) {
            var scores = wave.workValues().get(value.code());
            if (scores != null && scores.important() != null && scores.achieved() != null) {
                digits.append(scores.important()).append(scores.achieved());
                any = true;
            } else {
                digits.append("00");
            }
        }
        return any ? digits.toString() : null;
    }

    /** Inserts rows with multi-row inserts of at most {@link #ROWS_PER_INSERT} rows each. */
    private void insert(String table, String columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String placeholders = "(" + "?, ".repeat(chunk.get(0).length - 1) + "?)";
            List<Object> params = new ArrayList<>(chunk.size() * chunk.get(0).length);
            chunk.forEach(row -> params.addAll(Arrays.asList(row)));
            jdbc.sql("insert into " + table + " (" + columns + ") values "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), placeholders)))
                    .params(params).update();
        }
    }

    /** Raises the signals not raised before for the same cause; resolves the open ones whose cause has gone. */
    private void raise(List<Long> ids, List<IndicatorCalculator.Result> results) {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> raised = new ArrayList<>();
        Set<String> current = new HashSet<>();
        for (var result : results) {
            long id = result.trajectory().trajectoryId();
            for (Raised signal : result.signals()) {
                raised.add(new Object[] {id, signal.kind().name(), signal.trigger(), today});
                current.add(id + "|" + signal.kind().name() + "|" + signal.trigger());
            }
        }
        for (int from = 0; from < raised.size(); from += ROWS_PER_INSERT) {
            var chunk = raised.subList(from, Math.min(raised.size(), from + ROWS_PER_INSERT));
            List<Object> params = new ArrayList<>();
            chunk.forEach(row -> params.addAll(Arrays.asList(row)));
            jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on) values "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"))
                    + " on conflict do nothing").params(params).update();
        }
        List<Long> gone = jdbc.sql("select id, trajectory_id, kind, trigger_key from signal where trajectory_id in "
                + "(:ids) and handled_at is null and resolved_at is null").param("ids", ids)
                .query((rs, n) -> SignalKind.valueOf(rs.getString(3)).fromIndicators()
                        && !current.contains(rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                        ? rs.getLong(1) : null)
                .list().stream().filter(Objects::nonNull).toList();
        if (!gone.isEmpty()) {
            jdbc.sql("update signal set resolved_at = :now where id in (:ids)")
                    .param("now", Timestamp.from(clock.instant())).param("ids", gone).update();
        }
    }

    /** The stored indicators of a trajectory, or null when none were computed. */
    TrajectoryIndicators find(long trajectoryId) {
        return jdbc.sql("select * from trajectory_indicator where trajectory_id = :id").param("id", trajectoryId)
                .query((rs, n) -> new TrajectoryIndicators(rs.getLong("trajectory_id"),
                        rs.getObject("coaching_started_on", LocalDate.class),
                        intensity(rs, "0_3"), intensity(rs, "3_6"), rs.getObject("last_contact_on", LocalDate.class),
                        bool(rs, "retained"), bool(rs, "positive_development"), rs.getBoolean("employment_ended"),
                        integer(rs, "job_fit_first"), integer(rs, "job_fit_latest"),
                        rs.getBigDecimal("rapport_employee"), integer(rs, "rapport_coach"),
                        rs.getBigDecimal("fit_wishes"), integer(rs, "capability_set_first"),
                        integer(rs, "capability_set_latest"), integer(rs, "gaps_latest")))
                .optional().orElse(null);
    }

    List<WaveIndicators> waves(long trajectoryId) {
        Map<String, Map<String, WaveIndicators.Scores>> values = new LinkedHashMap<>();
        jdbc.sql("select * from wave_work_value where trajectory_id = :id order by wave_code, work_value")
                .param("id", trajectoryId).query((rs, n) -> values.computeIfAbsent(rs.getString("wave_code"),
                        k -> new LinkedHashMap<>()).put(rs.getString("work_value"), new WaveIndicators.Scores(
                                integer(rs, "important"), integer(rs, "offered"), integer(rs, "achieved")))).list();
        return jdbc.sql("select * from wave_indicator where trajectory_id = :id order by due_on")
                .param("id", trajectoryId)
                .query((rs, n) -> new WaveIndicators(rs.getLong("trajectory_id"), rs.getString("wave_code"),
                        rs.getObject("due_on", LocalDate.class), bool(rs, "paid_work"),
                        rs.getBigDecimal("contract_hours"), rs.getString("tasks_change"), integer(rs, "job_fit"),
                        rs.getBigDecimal("rapport_employee"), integer(rs, "rapport_coach"),
                        rs.getBigDecimal("fit_wishes"), integer(rs, "coach_value"),
                        rs.getString("disclosed_employer"), integer(rs, "reaction_employer"),
                        rs.getString("disclosed_colleagues"), integer(rs, "reaction_colleagues"),
                        integer(rs, "capability_set"),
                        rs.getString("gaps") == null ? null : rs.getString("gaps").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("gaps").split(",")),
                        bool(rs, "care_conflict"),
                        values.getOrDefault(rs.getString("wave_code"), Map.of()),
                        rs.getObject("employee_answered_on", LocalDate.class)))
                .list();
    }

    private static TrajectoryIndicators.Intensity intensity(ResultSet rs, String period) throws SQLException {
        return new TrajectoryIndicators.Intensity(rs.getBigDecimal("months_" + period),
                rs.getBigDecimal("hours_employee_" + period), rs.getBigDecimal("hours_employer_" + period),
                rs.getBigDecimal("hours_total_" + period));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
