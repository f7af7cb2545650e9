package nl.jobcoachmonitor.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.trajectory.ConsentManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads a project's population: the trajectories of its organisation (narrowed by commissioner and period of start)
 * whose employee consents to research at this moment ({@link ConsentManagement#consentedToResearch}), their
 * indicators and their completed responses at the project's waves. Dates are turned into days since the trajectory's
 * start here; names, contact details, notes and employers are never selected.
 */
@Component
class ExportData {

    private final JdbcClient jdbc;
    private final ConsentManagement consents;
    private final ObjectMapper json;

    ExportData(JdbcClient jdbc, ConsentManagement consents, ObjectMapper json) {
        this.jdbc = jdbc;
        this.consents = consents;
        this.json = json;
    }

    /** What decides a project's population: the organisation, optionally a commissioner and whole months of start. */
    record Definition(long organisationId, Long commissionerId, YearMonth startedFrom, YearMonth startedTo) {

        static Definition of(ExportProject project) {
            return new Definition(project.organisationId(), project.commissionerId(), project.startedFrom(),
                    project.startedTo());
        }
    }

    /** One consenting trajectory. Indicators by column name, as text ("" when not known). */
    record Subject(long trajectoryId, long employeeId, LocalDate startedOn, int ageAtStart, String commissionerKind,
            String phase, String closingReason, Integer closeDay, Integer coachingStartDay, BigDecimal contractHours,
            Map<String, String> indicators, Map<String, WaveData> waves) {
    }

    /** A wave of a subject: its due day since the start and the completed responses by respondent. */
    record WaveData(String code, int dueDay, Map<String, Answered> responses) {
    }

    /** A completed response: the instrument it answered, the answers, and the day since the start it was sent. */
    record Answered(String instrument, int version, Map<String, Object> answers, int day) {
    }

    /**
     * The project's population: the ids of every trajectory that meets its definition (organisation, commissioner,
     * period of start), consenting or not, so the persons the project could ever hold.
     */
    Set<Long> population(Definition project) {
        Map<String, Object> params = new HashMap<>();
        String where = definition(project, params);
        return new HashSet<>(jdbc.sql("select t.id from trajectory t where " + where).params(params)
                .query(Long.class).list());
    }

    /** The where clause (on trajectory t) of the project's definition, its parameters put in params. */
    private static String definition(Definition project, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("t.organisation_id = :org");
        params.put("org", project.organisationId());
        if (project.commissionerId() != null) {
            where.append(" and t.commissioner_id = :com");
            params.put("com", project.commissionerId());
        }
        if (project.startedFrom() != null) {
            where.append(" and t.started_on >= :from");
            params.put("from", project.startedFrom().atDay(1));
        }
        if (project.startedTo() != null) {
            where.append(" and t.started_on <= :to");
            params.put("to", project.startedTo().atEndOfMonth());
        }
        return where.toString();
    }

    List<Subject> load(ExportProject project, ZoneId zone) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select t.id, t.employee_id, t.started_on, t.closed_on, t.phase, "
                + "t.closing_reason, t.job_contract_hours, e.birth_date, c.kind, i.* from trajectory t "
                + "join employee e on e.id = t.employee_id join commissioner c on c.id = t.commissioner_id "
                + "left join trajectory_indicator i on i.trajectory_id = t.id where ")
                .append(definition(Definition.of(project), params));
        sql.append(" order by t.id");
        List<Subject> all = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            LocalDate start = rs.getObject("started_on", LocalDate.class);
            LocalDate closed = rs.getObject("closed_on", LocalDate.class);
            LocalDate coaching = rs.getObject("coaching_started_on", LocalDate.class);
            Map<String, String> indicators = new LinkedHashMap<>();
            BigDecimal months1 = rs.getBigDecimal("months_0_3");
            BigDecimal months2 = rs.getBigDecimal("months_3_6");
            indicators.put("hours_month_0_3", perMonth(rs.getBigDecimal("hours_total_0_3"), months1));
            indicators.put("hours_employee_month_0_3", perMonth(rs.getBigDecimal("hours_employee_0_3"), months1));
            indicators.put("hours_employer_month_0_3", perMonth(rs.getBigDecimal("hours_employer_0_3"), months1));
            indicators.put("hours_month_3_6", perMonth(rs.getBigDecimal("hours_total_3_6"), months2));
            indicators.put("retained", bool(rs.getObject("retained", Boolean.class)));
            indicators.put("positive_development", bool(rs.getObject("positive_development", Boolean.class)));
            indicators.put("employment_ended", bool(rs.getObject("employment_ended", Boolean.class)));
            for (String column : List.of("job_fit_first", "job_fit_latest", "rapport_employee", "rapport_coach",
                    "fit_wishes", "capability_set_first", "capability_set_latest", "gaps_latest")) {
                indicators.put(column, number(rs.getObject(column)));
            }
            return new Subject(rs.getLong("id"), rs.getLong("employee_id"), start,
                    Period.between(rs.getObject("birth_date", LocalDate.class), start).getYears(),
                    rs.getString("kind"), rs.getString("phase"), rs.getString("closing_reason"),
                    closed == null ? null : (int) ChronoUnit.DAYS.between(start, closed),
                    coaching == null ? null : (int) ChronoUnit.DAYS.between(start, coaching),
                    rs.getBigDecimal("job_contract_hours"), indicators, new LinkedHashMap<>());
        }).list();
        Set<Long> consenting = consents.consentedToResearch(all.stream().map(Subject::trajectoryId).toList());
        List<Subject> subjects = all.stream().filter(s -> consenting.contains(s.trajectoryId())).toList();
        addResponses(subjects, project.waves(), zone);
        return subjects;
    }

    private void addResponses(List<Subject> subjects, List<String> waves, ZoneId zone) {
        if (subjects.isEmpty()) {
            return;
        }
        Map<Long, Subject> byId = new HashMap<>();
        subjects.forEach(s -> byId.put(s.trajectoryId(), s));
        for (List<Long> chunk : chunks(new ArrayList<>(byId.keySet()))) {
            jdbc.sql("select w.trajectory_id, w.code, w.due_on, r.instrument_code, r.instrument_version, r.answers, "
                    + "r.completed_at from measurement_wave w left join response r on r.wave_id = w.id "
                    + "and r.completed_at is not null where w.trajectory_id in (:ids) and w.code in (:waves) "
                    + "and w.status = 'OPEN' order by w.trajectory_id, w.due_on").param("ids", chunk)
                    .param("waves", waves).query(rs -> {
                        Subject s = byId.get(rs.getLong("trajectory_id"));
                        String code = rs.getString("code");
                        int due = (int) ChronoUnit.DAYS.between(s.startedOn(), rs.getObject("due_on", LocalDate.class));
                        var wave = s.waves().computeIfAbsent(code, c -> new WaveData(c, due, new LinkedHashMap<>()));
                        if (rs.getString("instrument_code") != null) {
                            LocalDate completed = rs.getTimestamp("completed_at").toInstant().atZone(zone).toLocalDate();
                            wave.responses().put(rs.getString("instrument_code"),
                                    new Answered(rs.getString("instrument_code"), rs.getInt("instrument_version"),
                                            read(rs.getString("answers")),
                                            (int) ChronoUnit.DAYS.between(s.startedOn(), completed)));
                        }
                    });
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return chunks;
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
    }

    /**
     * Hours per month exactly as the study report computes them (analytics' {@code ReportQuery}): only once at least
     * a month of the period has passed, and at full precision (the shortest decimal that reads back as the same
     * double), so that R on the export reproduces the report's models to the last digit. Rounded to 2 decimals, as
     * before, the intensity odds ratios differed from the report's (ExportModelsRTests).
     */
    private static String perMonth(BigDecimal hours, BigDecimal months) {
        return hours == null || months == null || months.compareTo(BigDecimal.ONE) < 0 ? ""
                : number(hours.doubleValue() / months.doubleValue());
    }

    private static String bool(Boolean value) {
        return value == null ? "" : value ? "1" : "0";
    }

    static String number(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
