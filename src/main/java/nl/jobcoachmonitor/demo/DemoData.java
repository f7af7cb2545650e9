package nl.jobcoachmonitor.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.demo.DemoCohort.Answered;
import nl.jobcoachmonitor.demo.DemoCohort.Contact;
import nl.jobcoachmonitor.demo.DemoCohort.Job;
import nl.jobcoachmonitor.demo.DemoCohort.JobChange;
import nl.jobcoachmonitor.demo.DemoCohort.PhaseStep;
import nl.jobcoachmonitor.demo.DemoCohort.Trajectory;
import nl.jobcoachmonitor.demo.DemoCohort.Wave;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a demo cohort shaped like the Trimbos study when the database has no users yet, so that a fresh
 * installation can be explored: log in as {@code coach}, {@code coach2}, {@code manager}, {@code gemeente},
 * {@code onderzoeker} or {@code admin}, all with password {@code demo}. The cohort is the same on every start (seeded
 * dice), with dates relative to today. Plain SQL only, so it depends on no other module; all in one transaction.
 */
@Component
@ConditionalOnProperty(name = "jcm.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final long SEED = 2017;
    static final long MEASUREMENT_SEED = 2020;
    static final long CONSENT_SEED = 2026;
    static final String PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DemoData(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        loadIfEmpty();
    }

    /** Loads the cohort unless there are users already; true when it did. */
    boolean loadIfEmpty() {
        Boolean loaded = transaction.execute(status -> {
            Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
            if (users != null && users > 0) {
                log.debug("Demo data not loaded: there are {} users already", users);
                return false;
            }
            DemoCohort cohort = new DemoCohortGenerator(new Dice(new Random(SEED)),
                    new Dice(new Random(MEASUREMENT_SEED)), ZonedDateTime.now(clock))
                    .generate();
            write(cohort);
            log.info("Demo data loaded: {} organisations, {} commissioners, {} employers, {} users ({} coaches), "
                    + "{} employees, {} trajectories, {} contacts, {} questionnaire responses; password for all "
                    + "accounts: {}",
                    cohort.organisations().size(), cohort.commissioners().size(), cohort.employers().size(),
                    cohort.users().size(), cohort.coachCount(), cohort.employees().size(),
                    cohort.trajectories().size(), cohort.contactCount(), cohort.responseCount(), PASSWORD);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void write(DemoCohort cohort) {
        List<Long> organisations = insert("organisation", "insert into organisation (name, city) values (?, ?)",
                cohort.organisations(), types(Types.VARCHAR, Types.VARCHAR),
                o -> new Object[] {o.name(), o.city()});
        List<Long> commissioners = insert("commissioner", "insert into commissioner (name, kind) values (?, ?)",
                cohort.commissioners(), types(Types.VARCHAR, Types.VARCHAR),
                c -> new Object[] {c.name(), c.kind()});
        List<Long> employers = insert("employer",
                "insert into employer (organisation_id, name, city, sector) values (?, ?, ?, ?)",
                cohort.employers(), types(Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR),
                e -> new Object[] {organisations.get(e.organisation()), e.name(), e.city(), e.sector()});
        String passwordHash = passwordEncoder.encode(PASSWORD);
        List<Long> users = insert("app_user", """
                insert into app_user (username, password_hash, display_name, email, role, organisation_id,
                    commissioner_id, enabled)
                values (?, ?, ?, ?, ?, ?, ?, true)""",
                cohort.users(),
                types(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
                        Types.BIGINT),
                u -> new Object[] {u.username(), passwordHash, u.displayName(), u.email(), u.role(),
                        idOrNull(organisations, u.organisation()), idOrNull(commissioners, u.commissioner())});
        List<Long> employees = insert("employee", """
                insert into employee (organisation_id, first_name, last_name, birth_date, email, phone)
                values (?, ?, ?, ?, ?, ?)""",
                cohort.employees(),
                types(Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR),
                e -> new Object[] {organisations.get(e.organisation()), e.firstName(), e.lastName(), e.birthDate(),
                        e.email(), e.phone()});
        List<Long> trajectories = insert("trajectory", """
                insert into trajectory (employee_id, organisation_id, coach_id, commissioner_id, employer_id, phase,
                    closing_reason, started_on, closed_on, job_title, job_contract_hours, job_contract_type,
                    job_started_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cohort.trajectories(),
                types(Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR,
                        Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.NUMERIC, Types.VARCHAR,
                        Types.DATE),
                t -> trajectoryRow(t, employees, organisations, users, commissioners, employers));
        writeHistories(cohort.trajectories(), trajectories, users, employers);
        writeContacts(cohort.trajectories(), trajectories, users);
        writeMeasurements(cohort.trajectories(), trajectories);
        writeConsents(cohort.trajectories(), trajectories, employees, users);
        DemoPlans.write(jdbc);
        DemoCircle.write(jdbc, clock);
    }

    /** Consent decisions (their own dice, so the rest of the cohort does not change). */
    private void writeConsents(List<Trajectory> cohort, List<Long> trajectoryIds, List<Long> employees,
            List<Long> users) {
        var decisions = new DemoConsents(new Dice(new Random(CONSENT_SEED)), LocalDate.now(clock)).decide(cohort);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.batchUpdate("""
                insert into consent (trajectory_id, employee_id, purpose, given, decided_on, text_version, recorded_by,
                    recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                decisions.stream().map(d -> new Object[] {trajectoryIds.get(d.trajectory()),
                        employees.get(cohort.get(d.trajectory()).employee()), d.purpose(), d.given(), d.on(),
                        DemoConsents.TEXT_VERSION, users.get(d.coach()), now}).toList(),
                types(Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BOOLEAN, Types.DATE, Types.VARCHAR,
                        Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE));
    }

    private static Object[] trajectoryRow(Trajectory t, List<Long> employees, List<Long> organisations,
            List<Long> users, List<Long> commissioners, List<Long> employers) {
        Job job = t.job();
        return new Object[] {employees.get(t.employee()), organisations.get(t.organisation()), users.get(t.coach()),
                commissioners.get(t.commissioner()), idOrNull(employers, t.employer()), t.phase(),
                t.closingReason(), t.startedOn(), t.closedOn(), job == null ? null : job.title(),
                job == null ? null : job.contractHours(), job == null ? null : job.contractType(),
                job == null ? null : job.startedOn()};
    }

    /** Phase history, coach assignments and job changes. */
    private void writeHistories(List<Trajectory> cohort, List<Long> trajectoryIds, List<Long> users,
            List<Long> employers) {
        List<Object[]> phases = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        List<Object[]> jobChanges = new ArrayList<>();
        for (int index = 0; index < cohort.size(); index++) {
            Trajectory trajectory = cohort.get(index);
            Long id = trajectoryIds.get(index);
            Long coach = users.get(trajectory.coach());
            for (int position = 0; position < trajectory.phases().size(); position++) {
                PhaseStep step = trajectory.phases().get(position);
                phases.add(new Object[] {id, position, step.fromPhase(), step.toPhase(), step.changedOn(),
                        step.closingReason(), coach});
            }
            assignments.add(new Object[] {id, 0, coach, trajectory.startedOn(), users.get(trajectory.assignedBy())});
            for (int position = 0; position < trajectory.jobChanges().size(); position++) {
                JobChange change = trajectory.jobChanges().get(position);
                jobChanges.add(new Object[] {id, position, change.changedOn(), change.kind(), change.jobTitle(),
                        change.contractHours(), change.contractType(), idOrNull(employers, change.employer()),
                        change.note(), coach});
            }
        }
        jdbc.batchUpdate("""
                insert into phase_change (trajectory_id, position, from_phase, to_phase, changed_on, closing_reason,
                    changed_by)
                values (?, ?, ?, ?, ?, ?, ?)""", phases,
                types(Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR,
                        Types.BIGINT));
        jdbc.batchUpdate("""
                insert into coach_assignment (trajectory_id, position, coach_id, assigned_on, assigned_by)
                values (?, ?, ?, ?, ?)""", assignments,
                types(Types.BIGINT, Types.INTEGER, Types.BIGINT, Types.DATE, Types.BIGINT));
        jdbc.batchUpdate("""
                insert into job_change (trajectory_id, position, changed_on, kind, job_title, contract_hours,
                    contract_type, employer_id, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", jobChanges,
                types(Types.BIGINT, Types.INTEGER, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
                        Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BIGINT));
    }

    private void writeContacts(List<Trajectory> cohort, List<Long> trajectoryIds, List<Long> users) {
        List<Contact> contacts = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int index = 0; index < cohort.size(); index++) {
            Trajectory trajectory = cohort.get(index);
            for (Contact contact : trajectory.contacts()) {
                contacts.add(contact);
                rows.add(new Object[] {trajectoryIds.get(index), contact.contactOn(), contact.minutes(),
                        contact.party(), contact.mode(), contact.note(), users.get(trajectory.coach()),
                        contact.loggedAt()});
            }
        }
        List<Long> contactIds = insertRows("contact", """
                insert into contact (trajectory_id, contact_on, minutes, party, mode, note, logged_by, logged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows,
                types(Types.BIGINT, Types.DATE, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE));
        List<Object[]> themes = new ArrayList<>();
        for (int index = 0; index < contacts.size(); index++) {
            for (String theme : contacts.get(index).themes()) {
                themes.add(new Object[] {contactIds.get(index), theme});
            }
        }
        jdbc.batchUpdate("insert into contact_theme (contact_id, theme) values (?, ?)", themes,
                types(Types.BIGINT, Types.VARCHAR));
    }

    /** Waves and their responses; answers as JSON keyed by item code, as the measurement module stores them. */
    private void writeMeasurements(List<Trajectory> cohort, List<Long> trajectoryIds) {
        List<Wave> waves = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int index = 0; index < cohort.size(); index++) {
            for (Wave wave : cohort.get(index).waves()) {
                waves.add(wave);
                rows.add(new Object[] {trajectoryIds.get(index), wave.code(), wave.dueOn(), wave.status()});
            }
        }
        List<Long> waveIds = insertRows("measurement_wave",
                "insert into measurement_wave (trajectory_id, code, due_on, status, version) values (?, ?, ?, ?, 0)",
                rows, types(Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR));
        List<Object[]> responses = new ArrayList<>();
        ZoneId zone = clock.getZone();
        for (int index = 0; index < waves.size(); index++) {
            for (Answered answered : waves.get(index).responses()) {
                OffsetDateTime at = answered.on().atTime(19, 30).atZone(zone).toOffsetDateTime();
                responses.add(new Object[] {waveIds.get(index), answered.respondent(),
                        answered.respondent().toLowerCase(Locale.ROOT), json(answered.answers()),
                        answered.completed() ? at.minusMinutes(12) : at, answered.completed() ? at : null,
                        answered.enteredByCoach()});
            }
        }
        jdbc.batchUpdate("""
                insert into response (wave_id, respondent, instrument_code, instrument_version, answers, started_at,
                    completed_at, entered_by_coach)
                values (?, ?, ?, 1, ?, ?, ?, ?)""", responses,
                types(Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.BOOLEAN));
    }

    private static String json(Map<String, Object> answers) {
        try {
            return JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<Long> insert(String table, String sql, List<T> items, int[] types,
            Function<T, Object[]> row) {
        return insertRows(table, sql, items.stream().map(row).toList(), types);
    }

    /**
     * Inserts the rows in one batch and returns the ids the database generated, in the order of the rows. Within
     * one transaction on one connection an identity column hands out increasing values, so the new ids are those
     * above the highest id before the insert, in ascending order.
     */
    private List<Long> insertRows(String table, String sql, List<Object[]> rows, int[] types) {
        Long highest = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        jdbc.batchUpdate(sql, rows, types);
        List<Long> ids = jdbc.queryForList("select id from " + table + " where id > ? order by id", Long.class,
                highest);
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " new rows in " + table + ", found "
                    + ids.size());
        }
        return ids;
    }

    private static Long idOrNull(List<Long> ids, Integer index) {
        return index == null ? null : ids.get(index);
    }

    private static int[] types(int... types) {
        return types;
    }
}
