package nl.jobcoachmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.measurement.Instruments;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo cohort, loaded without the application context: on an in-memory H2 database, and on PostgreSQL when
 * {@code JCM_TEST_POSTGRES_URL} is set. Checks that it has the shape of the Trimbos study and is the same every time.
 */
@Tag("database")
class DemoDataTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-18T09:30:00Z"), ZONE);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final Set<String> DEMO_ACCOUNTS =
            Set.of("coach", "coach2", "manager", "gemeente", "onderzoeker", "admin", "privacy");
    private static final Set<String> POSITIVE_KINDS = Set.of("MORE_HOURS", "NEW_TASKS", "BETTER_CONTRACT");
    private static final Map<String, Set<String>> ALLOWED_JUMPS = Map.of(
            "JOB_SEARCH", Set.of("COACHING", "CLOSED"),
            "COACHING", Set.of("PHASE_OUT", "CLOSED"),
            "PHASE_OUT", Set.of("COACHING", "CONTINUED_SUPPORT", "CLOSED"),
            "CONTINUED_SUPPORT", Set.of("COACHING", "CLOSED"),
            "CLOSED", Set.of("CONTINUED_SUPPORT"));

    @Test
    void loadsTheStudyCohortOnH2() {
        DataSource dataSource = migrated(h2());
        verifyLoad(dataSource);
    }

    @Test
    void loadsTheSameCohortEveryTime() {
        DataSource first = migrated(h2());
        DataSource second = migrated(h2());
        demoData(first).loadIfEmpty();
        demoData(second).loadIfEmpty();

        assertThat(fingerprint(new JdbcTemplate(second))).isEqualTo(fingerprint(new JdbcTemplate(first)));
    }

    @Test
    void loadsTheSameCohortOnPostgres() throws SQLException {
        String configured = System.getenv("JCM_TEST_POSTGRES_URL");
        assumeTrue(configured != null, "JCM_TEST_POSTGRES_URL is not set");
        String url = configured.startsWith("jdbc:postgresql:") ? configured : DEFAULT_POSTGRES_URL;
        String schema = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = postgres(url);
        execute(admin, "create schema " + schema);
        try {
            PGSimpleDataSource dataSource = postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            migrated(dataSource);
            verifyLoad(dataSource);

            DataSource h2 = migrated(h2());
            demoData(h2).loadIfEmpty();
            assertThat(fingerprint(new JdbcTemplate(dataSource))).isEqualTo(fingerprint(new JdbcTemplate(h2)));
        } finally {
            execute(admin, "drop schema " + schema + " cascade");
        }
    }

    /** Loads the cohort, checks it, and checks that a second start adds nothing. */
    private static void verifyLoad(DataSource dataSource) {
        DemoData demoData = demoData(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(demoData.loadIfEmpty()).isTrue();
        verifyCohort(jdbc);

        Map<String, Long> counts = rowCounts(jdbc);
        assertThat(demoData.loadIfEmpty()).isFalse();
        assertThat(rowCounts(jdbc)).isEqualTo(counts);
    }

    private static void verifyCohort(JdbcTemplate jdbc) {
        assertThat(count(jdbc, "select count(*) from app_user where role = 'COACH'")).isEqualTo(84);
        assertThat(count(jdbc, "select count(*) from trajectory")).isEqualTo(TestData.DEMO_TRAJECTORIES);
        assertThat(count(jdbc, "select count(*) from employee")).isEqualTo(134);
        assertThat(count(jdbc, "select count(*) from commissioner")).isEqualTo(3);
        assertThat(count(jdbc, "select count(*) from organisation")).isEqualTo(4);
        assertThat(count(jdbc, "select count(*) from employer")).isBetween(90L, 110L);
        assertThat(jdbc.queryForList("select username from app_user", String.class)).containsAll(DEMO_ACCOUNTS);

        verifyAccounts(jdbc);
        verifyDemoCoaches(jdbc);
        verifyHistories(jdbc);
        verifyContacts(jdbc);
        verifyMeasurements(jdbc);

        Figures figures = Figures.measure(jdbc);
        System.out.println("Demo cohort: " + figures);
        assertThat(figures.meanAge()).isBetween(28.0, 32.0);
        assertThat(figures.meanContractHours()).isBetween(22.0, 26.0);
        assertThat(figures.hoursPerMonthStart()).isBetween(4.3, 5.3);
        assertThat(figures.hoursPerMonthAtSixMonths()).isBetween(3.2, 4.2);
        assertThat(figures.employeeHours()).isGreaterThan(figures.employerHours());
        assertThat(figures.positiveDevelopmentShare()).isBetween(0.18, 0.32);
        assertThat(figures.closedShare()).isBetween(0.08, 0.16);
    }

    private static void verifyAccounts(JdbcTemplate jdbc) {
        List<String> hashes = jdbc.queryForList("select distinct password_hash from app_user", String.class);
        assertThat(hashes).hasSize(1);
        assertThat(PASSWORDS.matches("demo", hashes.get(0))).isTrue();
        assertThat(count(jdbc, """
                select count(*) from app_user u join commissioner c on c.id = u.commissioner_id
                where u.username = 'gemeente' and u.role = 'COMMISSIONER' and c.name = 'Gemeente Apeldoorn'""")).isOne();
        assertThat(count(jdbc, """
                select count(*) from app_user where (role in ('COACH', 'MANAGER', 'PRIVACY_OFFICER')) <> (organisation_id is not null)
                   or (role = 'COMMISSIONER') <> (commissioner_id is not null)""")).isZero();
        assertThat(count(jdbc, "select count(*) from app_user where username <> lower(username)")).isZero();
    }

    private static void verifyDemoCoaches(JdbcTemplate jdbc) {
        Map<String, Object> coach = jdbc.queryForMap("""
                select u.organisation_id, count(t.id) as trajectories from app_user u
                join trajectory t on t.coach_id = u.id where u.username = 'coach' group by u.organisation_id""");
        Map<String, Object> coach2 = jdbc.queryForMap("""
                select u.organisation_id, count(t.id) as trajectories from app_user u
                join trajectory t on t.coach_id = u.id where u.username = 'coach2' group by u.organisation_id""");
        Long manager = jdbc.queryForObject(
                "select organisation_id from app_user where username = 'manager' and role = 'MANAGER'", Long.class);
        assertThat(((Number) coach.get("trajectories")).intValue()).isEqualTo(8);
        assertThat(((Number) coach2.get("trajectories")).intValue()).isEqualTo(6);
        assertThat(((Number) coach.get("organisation_id")).longValue())
                .isEqualTo(((Number) coach2.get("organisation_id")).longValue()).isEqualTo(manager);

        assertThat(count(jdbc, """
                select count(*) from trajectory t join app_user u on u.id = t.coach_id
                where u.username = 'coach' and t.phase <> 'CLOSED'
                  and not exists (select 1 from contact c where c.trajectory_id = t.id and c.contact_on >= ?)""",
                TODAY.withDayOfMonth(1))).isZero();
        assertThat(count(jdbc, """
                select count(*) from trajectory t join app_user u on u.id = t.coach_id
                where u.username = 'coach' and t.phase <> 'CLOSED'""")).isPositive();
        assertThat(count(jdbc, """
                select count(*) from job_change j join trajectory t on t.id = j.trajectory_id
                join app_user u on u.id = t.coach_id
                where u.username = 'coach' and j.kind in ('MORE_HOURS', 'NEW_TASKS', 'BETTER_CONTRACT')"""))
                .isPositive();
    }

    private static void verifyHistories(JdbcTemplate jdbc) {
        assertThat(count(jdbc, """
                select count(*) from trajectory t join phase_change p on p.trajectory_id = t.id
                where p.position = (select max(position) from phase_change q where q.trajectory_id = t.id)
                  and p.to_phase = t.phase""")).isEqualTo(134);
        assertThat(count(jdbc, """
                select count(*) from trajectory t join phase_change p on p.trajectory_id = t.id
                where p.position = 0 and p.from_phase is null and p.changed_on = t.started_on""")).isEqualTo(134);
        assertThat(count(jdbc, """
                select count(*) from trajectory t join coach_assignment a on a.trajectory_id = t.id
                where a.position = 0 and a.coach_id = t.coach_id and a.assigned_on = t.started_on""")).isEqualTo(134);
        assertThat(count(jdbc, """
                select count(*) from trajectory where (phase = 'CLOSED') <> (closed_on is not null)
                   or (phase = 'CLOSED') <> (closing_reason is not null) or closed_on > ?""", TODAY)).isZero();
        assertThat(count(jdbc, """
                select count(*) from trajectory
                where (phase = 'JOB_SEARCH') = (job_title is not null or employer_id is not null)""")).isZero();
        assertThat(count(jdbc, """
                select count(*) from trajectory t join employer e on e.id = t.employer_id
                where e.organisation_id <> t.organisation_id""")).isZero();
        assertThat(count(jdbc, """
                select count(*) from job_change j join trajectory t on t.id = j.trajectory_id
                where j.changed_on < t.started_on or j.changed_on > ?""", TODAY)).isZero();

        Map<Long, List<Map<String, Object>>> phases = jdbc.queryForList("""
                select trajectory_id, position, from_phase, to_phase, changed_on, closing_reason
                from phase_change order by trajectory_id, position""").stream()
                .collect(Collectors.groupingBy(row -> ((Number) row.get("trajectory_id")).longValue()));
        phases.values().forEach(history -> {
            for (int position = 1; position < history.size(); position++) {
                Map<String, Object> step = history.get(position);
                Map<String, Object> before = history.get(position - 1);
                assertThat(step.get("from_phase")).isEqualTo(before.get("to_phase"));
                assertThat(ALLOWED_JUMPS.get((String) before.get("to_phase"))).contains((String) step.get("to_phase"));
                assertThat(localDate(step.get("changed_on"))).isAfter(localDate(before.get("changed_on")));
                assertThat(step.get("closing_reason") != null).isEqualTo("CLOSED".equals(step.get("to_phase")));
            }
        });
    }

    /**
     * The responses have the shape of the study, and every completed one is a valid answer set of its instrument
     * version (the demo writes plain SQL, so this is where a typo in an item code would show).
     */
    private static void verifyMeasurements(JdbcTemplate jdbc) {
        Instruments instruments = new Instruments();
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select w.code, w.status, w.due_on, r.respondent, r.instrument_code, r.instrument_version, r.answers,
                    r.completed_at, t.closing_reason
                from response r join measurement_wave w on w.id = r.wave_id join trajectory t on t.id = w.trajectory_id
                """);
        assertThat(rows).hasSizeGreaterThan(300);
        List<Map<String, Object>> employeeT0 = new ArrayList<>();
        List<Map<String, Object>> employeeT2 = new ArrayList<>();
        List<Integer> coachValue = new ArrayList<>();
        List<Integer> reactionEmployer = new ArrayList<>();
        List<Integer> reactionColleagues = new ArrayList<>();
        int started = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> answers = read(json, (String) row.get("answers"));
            if (row.get("completed_at") == null) {
                started++;
                continue;
            }
            assertThat(row.get("status")).isEqualTo("OPEN");
            var instrument = instruments.get((String) row.get("instrument_code"),
                    ((Number) row.get("instrument_version")).intValue());
            var validation = instrument.validate((String) row.get("code"), answers);
            assertThat(validation.errors()).as("answers %s at %s", row.get("instrument_code"), row.get("code"))
                    .isEmpty();
            if (row.get("respondent").equals("EMPLOYEE")) {
                (row.get("code").equals("T0") ? employeeT0 : row.get("code").equals("T2") ? employeeT2
                        : new ArrayList<Map<String, Object>>()).add(answers);
                coachValue.add((Integer) answers.get("coach_value"));
                if (answers.containsKey("reaction_employer")) {
                    reactionEmployer.add((Integer) answers.get("reaction_employer"));
                }
                if (answers.containsKey("reaction_colleagues")) {
                    reactionColleagues.add((Integer) answers.get("reaction_colleagues"));
                }
            }
        }
        double toldEmployer = share(employeeT0, a -> !"no".equals(a.get("disclosed_employer")));
        double toldColleagues = share(employeeT0, a -> !"no".equals(a.get("disclosed_colleagues")));
        double paidAtT2 = share(employeeT2, a -> "yes".equals(a.get("paid_work")));
        System.out.printf("Demo measurements: %d responses (%d left half-way), %d employee T0, %d T2; told employer "
                + "%.2f, colleagues %.2f; grades employer %.2f, colleagues %.2f, coach %.2f; paid work at T2 %.2f%n",
                rows.size(), started, employeeT0.size(), employeeT2.size(), toldEmployer, toldColleagues,
                mean(reactionEmployer), mean(reactionColleagues), mean(coachValue), paidAtT2);
        assertThat(started).isPositive();
        assertThat(employeeT0.size()).isBetween(95, 125);
        assertThat(employeeT2.size()).isBetween(60, 110);
        assertThat(toldEmployer).isBetween(0.70, 0.86);
        assertThat(toldColleagues).isBetween(0.48, 0.68);
        assertThat(mean(reactionEmployer)).isBetween(8.1, 8.7);
        assertThat(mean(reactionColleagues)).isBetween(7.6, 8.2);
        assertThat(mean(coachValue)).isBetween(7.9, 8.5);
        assertThat(paidAtT2).isBetween(0.82, 0.97);
        assertThat(count(jdbc, "select count(*) from response where entered_by_coach = true")).isPositive();
        assertThat(count(jdbc, "select count(*) from measurement_wave where status = 'CANCELLED'")).isPositive();
    }

    private static Map<String, Object> read(ObjectMapper json, String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static double share(List<Map<String, Object>> answers, Predicate<Map<String, Object>> test) {
        return answers.stream().filter(test).count() / (double) answers.size();
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    private static void verifyContacts(JdbcTemplate jdbc) {
        assertThat(count(jdbc, "select count(*) from contact")).isGreaterThan(3000);
        assertThat(count(jdbc, "select count(*) from contact where minutes < 15 or minutes > 120")).isZero();
        assertThat(count(jdbc, """
                select count(*) from contact c join trajectory t on t.id = c.trajectory_id
                where c.contact_on < t.started_on or c.contact_on > ? or c.contact_on >= t.closed_on
                   or c.logged_by <> t.coach_id""", TODAY)).isZero();
        assertThat(count(jdbc, "select count(*) from contact where logged_at > ?",
                OffsetDateTime.now(CLOCK))).isZero();
        assertThat(count(jdbc, "select count(*) from contact c where not exists "
                + "(select 1 from contact_theme t where t.contact_id = c.id)")).isZero();
        assertThat(count(jdbc, """
                select count(*) from contact c join contact_theme t on t.contact_id = c.id
                where (c.party = 'EMPLOYEE' and t.theme in ('DEALING_WITH_EMPLOYEE', 'ADJUSTMENTS', 'REGULATIONS',
                        'CARE_COORDINATION', 'RELATIVES'))
                   or (c.party in ('EMPLOYER', 'COLLEAGUES')
                        and t.theme not in ('DEALING_WITH_EMPLOYEE', 'ADJUSTMENTS', 'REGULATIONS'))
                   or (c.party = 'CARE_PROVIDER' and t.theme <> 'CARE_COORDINATION')
                   or (c.party = 'RELATIVES' and t.theme <> 'RELATIVES')""")).isZero();
        assertThat(count(jdbc, """
                select count(*) from contact c join trajectory t on t.id = c.trajectory_id
                join contact_theme ct on ct.contact_id = c.id
                where t.phase = 'JOB_SEARCH' and c.party = 'EMPLOYEE' and ct.theme = 'JOB_SEARCH'""")).isPositive();
        assertThat(count(jdbc, "select count(*) from contact where note is not null"))
                .isGreaterThan(count(jdbc, "select count(*) from contact") * 3 / 4);
    }

    /** The figures of the study, measured on the loaded cohort. */
    record Figures(double meanAge, double meanContractHours, double hoursPerMonthStart,
            double hoursPerMonthAtSixMonths, List<Double> hoursPerMonth, double employeeHours, double employerHours,
            double positiveDevelopmentShare, double closedShare, double inPaidWorkAfterSixMonths, long contacts) {

        static Figures measure(JdbcTemplate jdbc) {
            double meanAge = jdbc.queryForList("select birth_date from employee", Object.class).stream()
                    .mapToInt(birth -> Period.between(localDate(birth), TODAY).getYears()).average().orElseThrow();
            double meanHours = jdbc.queryForObject(
                    "select avg(job_contract_hours) from trajectory where job_contract_hours is not null",
                    Number.class).doubleValue();
            List<List<Double>> monthly = hoursPerCoachingMonth(jdbc);
            double employee = minutes(jdbc, "EMPLOYEE") / 60.0;
            double employer = minutes(jdbc, "EMPLOYER") / 60.0;
            double withJob = count(jdbc, "select count(*) from trajectory where job_title is not null");
            double positive = count(jdbc, "select count(distinct trajectory_id) from job_change where kind in "
                    + "('MORE_HOURS', 'NEW_TASKS', 'BETTER_CONTRACT')");
            double closed = count(jdbc, "select count(*) from trajectory where phase = 'CLOSED'");
            double sixMonths = count(jdbc, """
                    select count(*) from trajectory t join phase_change p on p.trajectory_id = t.id
                    where p.to_phase = 'COACHING' and p.position = 0 and p.changed_on <= ?""",
                    TODAY.minusMonths(6));
            double lost = count(jdbc, """
                    select count(*) from trajectory t join phase_change p on p.trajectory_id = t.id
                    where p.to_phase = 'COACHING' and p.position = 0 and p.changed_on <= ?
                      and exists (select 1 from phase_change q where q.trajectory_id = t.id
                                  and q.closing_reason in ('JOB_LOST', 'WITHDRAWN'))""",
                    TODAY.minusMonths(6));
            List<Double> perMonth = monthly.stream()
                    .map(hours -> round(hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow()))
                    .toList();
            return new Figures(round(meanAge), round(meanHours), round(mean(monthly, 0, 3)),
                    round(mean(monthly, 5, 6)), perMonth, round(employee), round(employer), round(positive / withJob),
                    round(closed / 134), round(1 - lost / sixMonths),
                    count(jdbc, "select count(*) from contact"));
        }

        /**
         * Contact hours per trajectory in each month of the first period of coaching on the job (month m runs from
         * start + m months to start + m + 1 months), for months that lie wholly in that period and before today.
         */
        private static List<List<Double>> hoursPerCoachingMonth(JdbcTemplate jdbc) {
            Map<Long, LocalDate[]> periods = new HashMap<>();
            jdbc.query("select trajectory_id, to_phase, changed_on from phase_change order by trajectory_id, position",
                    (ResultSet rs) -> {
                        long id = rs.getLong(1);
                        LocalDate on = rs.getObject(3, LocalDate.class);
                        LocalDate[] period = periods.get(id);
                        if (period == null && rs.getString(2).equals("COACHING")) {
                            periods.put(id, new LocalDate[] {on, TODAY.plusDays(1)});
                        } else if (period != null && period[1].isAfter(TODAY) && on.isAfter(period[0])
                                && !rs.getString(2).equals("COACHING")) {
                            period[1] = on;
                        }
                    });
            Map<Long, List<Object[]>> contacts = new HashMap<>();
            jdbc.query("select trajectory_id, contact_on, minutes from contact", (ResultSet rs) -> {
                contacts.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(new Object[] {rs.getObject(2, LocalDate.class), rs.getInt(3)});
            });
            List<List<Double>> months = new ArrayList<>();
            for (int month = 0; month <= 6; month++) {
                List<Double> hours = new ArrayList<>();
                for (Map.Entry<Long, LocalDate[]> entry : periods.entrySet()) {
                    LocalDate from = entry.getValue()[0].plusMonths(month);
                    LocalDate until = entry.getValue()[0].plusMonths(month + 1);
                    if (until.isAfter(entry.getValue()[1])) {
                        continue;
                    }
                    hours.add(contacts.getOrDefault(entry.getKey(), List.of()).stream()
                            .filter(c -> !((LocalDate) c[0]).isBefore(from) && ((LocalDate) c[0]).isBefore(until))
                            .mapToInt(c -> (Integer) c[1]).sum() / 60.0);
                }
                months.add(hours);
            }
            return months;
        }

        private static double mean(List<List<Double>> months, int first, int last) {
            return months.subList(first, last + 1).stream().flatMap(List::stream).mapToDouble(Double::doubleValue)
                    .average().orElseThrow();
        }

        private static long minutes(JdbcTemplate jdbc, String party) {
            return jdbc.queryForObject("select coalesce(sum(minutes), 0) from contact where party = ?", Long.class,
                    party);
        }

        private static double round(double value) {
            return Math.round(value * 1000) / 1000.0;
        }
    }

    /** The content of the cohort without generated ids, to compare two loads. */
    private static List<String> fingerprint(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>();
        lines.addAll(rows(jdbc, "select name, city from organisation order by name"));
        lines.addAll(rows(jdbc, "select name, city, sector from employer order by id"));
        lines.addAll(rows(jdbc, "select username, display_name, email, role from app_user order by username"));
        lines.addAll(rows(jdbc, "select first_name, last_name, birth_date, email, phone from employee order by id"));
        lines.addAll(rows(jdbc, """
                select phase, closing_reason, started_on, closed_on, job_title, job_contract_hours, job_contract_type,
                    job_started_on from trajectory order by id"""));
        lines.addAll(rows(jdbc, "select position, from_phase, to_phase, changed_on, closing_reason from phase_change "
                + "order by trajectory_id, position"));
        lines.addAll(rows(jdbc, "select position, changed_on, kind, job_title, contract_hours, contract_type, note "
                + "from job_change order by trajectory_id, position"));
        lines.addAll(rows(jdbc, "select contact_on, minutes, party, mode, note from contact order by id"));
        lines.addAll(rows(jdbc, "select count(*), sum(minutes) from contact"));
        lines.addAll(rows(jdbc, "select theme, count(*) from contact_theme group by theme order by theme"));
        lines.addAll(rows(jdbc, "select code, due_on, status from measurement_wave order by id"));
        lines.addAll(rows(jdbc, "select respondent, answers, case when entered_by_coach then 1 else 0 end from response order by id"));
        jdbc.query("select logged_at from contact order by id",
                (ResultSet rs) -> {
                    lines.add(rs.getObject(1, OffsetDateTime.class).toInstant().toString());
                });
        return lines;
    }

    private static List<String> rows(JdbcTemplate jdbc, String sql) {
        return jdbc.query(sql, (rs, rowNumber) -> {
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                values.add(rs.getString(column));
            }
            return String.join("|", values);
        });
    }

    private static Map<String, Long> rowCounts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("organisation", "commissioner", "employer", "app_user", "employee", "trajectory",
                "phase_change", "job_change", "coach_assignment", "contact", "contact_theme", "measurement_wave",
                "response")) {
            counts.put(table, count(jdbc, "select count(*) from " + table));
        }
        return counts;
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static DemoData demoData(DataSource dataSource) {
        return new DemoData(new JdbcTemplate(dataSource), PASSWORDS, CLOCK, new JdbcTransactionManager(dataSource));
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:demo" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static PGSimpleDataSource postgres(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        // The owner of the database (Flyway's role in the postgres Maven profile): it creates a schema and migrates.
        String user = System.getProperty("spring.flyway.user", System.getenv("JCM_TEST_POSTGRES_OWNER_USER"));
        dataSource.setUser(user == null || user.isBlank() ? "postgres" : user);
        String password = System.getenv("JCM_TEST_POSTGRES_OWNER_PASSWORD");
        if (password != null && !password.isBlank()) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
