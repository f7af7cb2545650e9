package nl.jobcoachmonitor.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.WaveState;
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

    /**
     * Recomputes one trajectory's indicators and signals. The trajectory's row is locked first, so two updates of the
     * same trajectory (an event and the nightly run, two instances) follow each other instead of colliding.
     */
    void update(long trajectoryId) {
        if (jdbc.sql("select id from trajectory where id = :id for update").param("id", trajectoryId)
                .query(Long.class).optional().isEmpty()) {
            return;
        }
        var facts = facts(trajectoryId);
        if (facts == null) {
            return;
        }
        var result = IndicatorCalculator.compute(facts);
        save(result);
        raise(trajectoryId, result.signals());
    }

    List<Long> allTrajectories() {
        return jdbc.sql("select id from trajectory order by id").query(Long.class).list();
    }

    List<Long> withoutIndicators() {
        return jdbc.sql("select t.id from trajectory t where not exists "
                + "(select 1 from trajectory_indicator i where i.trajectory_id = t.id) order by t.id")
                .query(Long.class).list();
    }

    List<Long> running() {
        return jdbc.sql("select id from trajectory where phase <> 'CLOSED' order by id").query(Long.class).list();
    }

    private Facts facts(long id) {
        LocalDate today = LocalDate.now(clock);
        var row = jdbc.sql("""
                select t.phase, t.closing_reason, t.closed_on,
                    (select min(p.changed_on) from phase_change p where p.trajectory_id = t.id
                       and p.to_phase = 'COACHING') as coaching_started_on,
                    (select max(p.changed_on) from phase_change p where p.trajectory_id = t.id
                       and p.to_phase = 'CONTINUED_SUPPORT') as support_requested_on
                from trajectory t where t.id = :id""").param("id", id)
                .query((rs, n) -> new Object[] {TrajectoryPhase.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : ClosingReason.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)})
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        var contacts = jdbc.sql("select contact_on, minutes, party from contact where trajectory_id = :id")
                .param("id", id).query((rs, n) -> new ContactFact(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        Party.valueOf(rs.getString(3)))).list();
        var jobChanges = jdbc.sql("select changed_on, kind from job_change where trajectory_id = :id")
                .param("id", id).query((rs, n) -> new JobChangeFact(rs.getObject(1, LocalDate.class),
                        JobChangeKind.valueOf(rs.getString(2)))).list();
        var responses = jdbc.sql("""
                select w.code, w.due_on, r.respondent, r.answers, r.completed_at from response r
                join measurement_wave w on w.id = r.wave_id
                where w.trajectory_id = :id and r.completed_at is not null""").param("id", id)
                .query((rs, n) -> new ResponseFact(rs.getString(1), rs.getObject(2, LocalDate.class),
                        Respondent.valueOf(rs.getString(3)), answers(rs.getString(4)),
                        rs.getTimestamp(5).toInstant().atZone(clock.getZone()).toLocalDate())).list();
        var attention = measurement.attention(List.of(id)).get(id);
        var overdue = attention != null && attention.state() == WaveState.OVERDUE
                ? List.of(new WaveFact(attention.code())) : List.<WaveFact>of();
        return new Facts(id, (TrajectoryPhase) row[0], (ClosingReason) row[1], (LocalDate) row[2],
                (LocalDate) row[3], contacts, jobChanges, responses, overdue, (LocalDate) row[4], today);
    }

    private Map<String, Object> answers(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
    }

    private void save(IndicatorCalculator.Result result) {
        var t = result.trajectory();
        long id = t.trajectoryId();
        jdbc.sql("delete from wave_work_value where trajectory_id = :id").param("id", id).update();
        jdbc.sql("delete from trajectory_month where trajectory_id = :id").param("id", id).update();
        for (var month : result.months()) {
            jdbc.sql("insert into trajectory_month (trajectory_id, month_index, employee_minutes, employer_minutes, "
                    + "other_minutes) values (:id, :month, :employee, :employer, :other)").param("id", id)
                    .param("month", month.month()).param("employee", month.employeeMinutes())
                    .param("employer", month.employerMinutes()).param("other", month.otherMinutes()).update();
        }
        jdbc.sql("delete from wave_indicator where trajectory_id = :id").param("id", id).update();
        jdbc.sql("delete from trajectory_indicator where trajectory_id = :id").param("id", id).update();
        jdbc.sql("""
                insert into trajectory_indicator (trajectory_id, coaching_started_on, months_0_3, hours_employee_0_3,
                    hours_employer_0_3, hours_total_0_3, months_3_6, hours_employee_3_6, hours_employer_3_6,
                    hours_total_3_6, last_contact_on, retained, positive_development, employment_ended,
                    job_fit_first, job_fit_latest, rapport_employee, rapport_coach, fit_wishes, capability_set_first,
                    capability_set_latest, gaps_latest, computed_at)
                values (:id, :start, :m1, :e1, :r1, :t1, :m2, :e2, :r2, :t2, :last, :retained, :positive, :ended,
                    :fitFirst, :fitLatest, :rapport, :rapportCoach, :wishes, :capFirst, :capLatest, :gaps, :now)""")
                .param("id", id).param("start", t.coachingStartedOn())
                .param("m1", t.first().months()).param("e1", t.first().employeeHours())
                .param("r1", t.first().employerHours()).param("t1", t.first().totalHours())
                .param("m2", t.second().months()).param("e2", t.second().employeeHours())
                .param("r2", t.second().employerHours()).param("t2", t.second().totalHours())
                .param("last", t.lastContactOn()).param("retained", t.retained())
                .param("positive", t.positiveDevelopment()).param("ended", t.employmentEnded())
                .param("fitFirst", t.jobFitFirst()).param("fitLatest", t.jobFitLatest())
                .param("rapport", t.rapportEmployee()).param("rapportCoach", t.rapportCoach())
                .param("wishes", t.fitWishes()).param("capFirst", t.capabilitySetFirst())
                .param("capLatest", t.capabilitySetLatest()).param("gaps", t.gapsLatest())
                .param("now", Timestamp.from(clock.instant())).update();
        for (WaveIndicators w : result.waves()) {
            jdbc.sql("""
                    insert into wave_indicator (trajectory_id, wave_code, due_on, paid_work, contract_hours,
                        tasks_change, job_fit, rapport_employee, rapport_coach, fit_wishes, coach_value,
                        disclosed_employer, reaction_employer, disclosed_colleagues, reaction_colleagues,
                        capability_set, gaps, care_conflict, employee_answered_on)
                    values (:id, :wave, :due, :paid, :hours, :tasks, :fit, :rapport, :rapportCoach, :wishes, :value,
                        :toldEmployer, :reactionEmployer, :toldColleagues, :reactionColleagues, :cap, :gaps, :care,
                        :answeredOn)""")
                    .param("id", id).param("wave", w.wave()).param("due", w.dueOn()).param("paid", w.paidWork())
                    .param("hours", w.contractHours()).param("tasks", w.tasksChange()).param("fit", w.jobFit())
                    .param("rapport", w.rapportEmployee()).param("rapportCoach", w.rapportCoach())
                    .param("wishes", w.fitWishes()).param("value", w.coachValue())
                    .param("toldEmployer", w.disclosedEmployer()).param("reactionEmployer", w.reactionEmployer())
                    .param("toldColleagues", w.disclosedColleagues())
                    .param("reactionColleagues", w.reactionColleagues()).param("cap", w.capabilitySet())
                    .param("gaps", w.gaps() == null ? null : String.join(",", w.gaps()))
                    .param("care", w.careConflict()).param("answeredOn", w.employeeAnsweredOn()).update();
            w.workValues().forEach((value, scores) -> jdbc.sql("""
                    insert into wave_work_value (trajectory_id, wave_code, work_value, important, offered, achieved)
                    values (:id, :wave, :value, :important, :offered, :achieved)""")
                    .param("id", id).param("wave", w.wave()).param("value", value)
                    .param("important", scores.important()).param("offered", scores.offered())
                    .param("achieved", scores.achieved()).update());
        }
    }

    /** Raises the signals not raised before for the same cause; resolves the open ones whose cause has gone. */
    private void raise(long trajectoryId, List<Raised> raised) {
        LocalDate today = LocalDate.now(clock);
        for (Raised signal : raised) {
            jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on) values (:t, :k, :trigger, :on) "
                    + "on conflict do nothing").param("t", trajectoryId).param("k", signal.kind().name())
                    .param("trigger", signal.trigger()).param("on", today).update();
        }
        Set<String> current = raised.stream().map(r -> r.kind().name() + "|" + r.trigger()).collect(Collectors.toSet());
        jdbc.sql("select id, kind, trigger_key from signal where trajectory_id = :t and handled_at is null "
                + "and resolved_at is null").param("t", trajectoryId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2) + "|" + rs.getString(3)}).list()
                .stream().filter(open -> SignalKind.valueOf(((String) open[1]).split("\\|")[0]).fromIndicators())
                .filter(open -> !current.contains((String) open[1]))
                .forEach(open -> jdbc.sql("update signal set resolved_at = :now where id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("id", open[0]).update());
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
