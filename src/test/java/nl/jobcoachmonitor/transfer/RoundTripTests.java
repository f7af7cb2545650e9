package nl.jobcoachmonitor.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.SecondInstance;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.analytics.AnalyticsManagement;
import nl.jobcoachmonitor.analytics.ReportFilter;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The round trip of issue 14: the demo organisation's full export (from an installation of its own with the demo
 * cohort), imported into an empty installation (a second
 * application context on a fresh in-memory H2 database, demo off) by its administrator, gives the same caseloads,
 * contacts, goals, answers, indicators, signals and study report. Every table is compared on natural keys and source
 * ids (the same {@link OrganisationExportSourceIds} expression in both installations: in the second one it finds the
 * ids the rows were imported with), never on internal ids; and the second installation's export gives the same source
 * ids again.
 */
@IntegrationTest
class RoundTripTests {

    @Autowired ObjectMapper json;
    @Autowired Clock clock;

    /** The tables compared: name and the SQL of the organisation's rows ({@code :org}), ordered by natural key. */
    private static Map<String, String> tables() {
        var t = new LinkedHashMap<String, String>();
        String traj = OrganisationExportSourceIds.of("trajectory", "t.id");
        String of = " join trajectory t on t.id = x.trajectory_id where t.organisation_id = :org";
        t.put("employers", "select " + OrganisationExportSourceIds.of("employer", "e.id") + " as k, e.name, e.city, "
                + "e.sector from employer e where e.organisation_id = :org");
        t.put("employees", "select " + OrganisationExportSourceIds.of("employee", "e.id") + " as k, e.first_name, "
                + "e.last_name, e.birth_date, e.email, e.phone from employee e where e.organisation_id = :org");
        t.put("staff", "select u.username as k, u.display_name, u.email, u.role, u.enabled from app_user u where "
                + "u.organisation_id = :org");
        t.put("trajectories", "select " + traj + " as k, " + OrganisationExportSourceIds.of("employee",
                "t.employee_id") + ", (select u.username from app_user u where u.id = t.coach_id), (select c.name "
                + "from commissioner c where c.id = t.commissioner_id), " + OrganisationExportSourceIds.of("employer",
                        "t.employer_id") + ", t.started_on, t.phase, t.closing_reason, t.closed_on, t.job_title, "
                + "t.job_contract_hours, t.job_contract_type, t.job_started_on, t.client_number, t.case_number "
                + "from trajectory t where t.organisation_id = :org");
        t.put("phase history", "select " + traj + " as k, x.position, x.from_phase, x.to_phase, x.changed_on, "
                + "x.closing_reason from phase_change x" + of);
        t.put("job changes", "select " + traj + " as k, x.position, x.changed_on, x.kind, x.job_title, "
                + "x.contract_hours, x.contract_type, " + OrganisationExportSourceIds.of("employer", "x.employer_id")
                + ", x.note from job_change x" + of);
        t.put("goals", "select " + OrganisationExportSourceIds.of("goal", "x.id") + " as k, " + traj + ", "
                + "x.description, x.agreed_with_employee, x.agreed_with_employer, x.review_on, x.status, x.created_on, "
                + "(select string_agg(gt.theme, '|' order by gt.theme) from goal_theme gt where gt.goal_id = x.id) "
                + "from goal x" + of);
        t.put("contacts", "select " + OrganisationExportSourceIds.of("contact", "x.id") + " as k, " + traj + ", "
                + "x.contact_on, x.minutes, x.party, x.mode, x.note, x.reason, (select string_agg(ct.theme, '|' order "
                + "by ct.theme) from contact_theme ct where ct.contact_id = x.id), (select string_agg("
                + OrganisationExportSourceIds.of("goal", "cg.goal_id") + ", '|' order by "
                + OrganisationExportSourceIds.of("goal", "cg.goal_id") + ") from contact_goal cg where cg.contact_id "
                + "= x.id) from contact x" + of);
        // the waves up to a trajectory's closing (after it, see wavesAfterClosing)
        t.put("waves", "select " + traj + " as k, x.code, x.due_on, x.status from measurement_wave x" + of
                + " and (t.closed_on is null or x.due_on <= t.closed_on)");
        t.put("answers", "select " + traj + " as k, w.code, r.respondent, r.instrument_code, r.answers, "
                + "r.completed_at from response r join measurement_wave w on w.id = r.wave_id join trajectory t on "
                + "t.id = w.trajectory_id where t.organisation_id = :org");
        // every column (also the study report's row per trajectory, V69), but the id and when it was computed
        t.put("trajectory indicators", "select " + traj + " as k, x.* from trajectory_indicator x" + of);
        t.put("trajectory months", "select " + traj + " as k, x.month_index, x.employee_minutes, x.employer_minutes, "
                + "x.other_minutes from trajectory_month x" + of);
        t.put("wave indicators", "select " + traj + " as k, x.wave_code, x.due_on, x.paid_work, x.contract_hours, "
                + "x.tasks_change, x.job_fit, x.rapport_employee, x.rapport_coach, x.fit_wishes, x.coach_value, "
                + "x.disclosed_employer, x.reaction_employer, x.disclosed_colleagues, x.reaction_colleagues, "
                + "x.capability_set, x.gaps, x.care_conflict, x.employee_answered_on from wave_indicator x" + of);
        t.put("wave work values", "select " + traj + " as k, x.wave_code, x.work_value, x.important, x.offered, "
                + "x.achieved from wave_work_value x" + of);
        // the signals the calculation raises (OrganisationExportTests inserts one by hand, trigger "orgexport", that no
        // calculation raises and an import does not carry: signals.csv is for reading)
        t.put("signals", "select " + traj + " as k, x.kind, x.trigger_key, x.raised_on from signal x" + of
                + " and x.trigger_key <> 'orgexport'");
        return t;
    }

    /** The rows of a table, each cell as comparable text (answers as their parsed JSON, moments as days), sorted. */
    private List<List<String>> rows(JdbcClient database, String sql, long organisation) {
        var rows = database.sql(sql).param("org", organisation).query((rs, n) -> row(rs)).list();
        var sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        return sorted;
    }

    private List<String> row(ResultSet rs) throws SQLException {
        var cells = new ArrayList<String>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String column = rs.getMetaData().getColumnLabel(i).toLowerCase();
            if (column.equals("trajectory_id") || column.equals("computed_at")) {
                continue;
            }
            if (value == null) {
                cells.add("∅");
            } else if (column.equals("answers")) {
                cells.add(parsed(value.toString()));
            } else if (value instanceof Timestamp at) {
                cells.add(LocalDate.ofInstant(at.toInstant(), clock.getZone()).toString());
            } else if (value instanceof java.time.OffsetDateTime at) {
                cells.add(LocalDate.ofInstant(at.toInstant(), clock.getZone()).toString());
            } else if (value instanceof BigDecimal number) {
                cells.add(number.stripTrailingZeros().toPlainString());
            } else if (value instanceof Double number) {
                cells.add(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
            } else {
                cells.add(value.toString());
            }
        }
        return cells;
    }

    /** Answers as their items sorted, numbers as numbers (30.0 and 30 are the same answer). */
    private String parsed(String answers) {
        try {
            var items = new java.util.TreeMap<String, Object>();
            json.readValue(answers, new TypeReference<Map<String, Object>>() { }).forEach((item, value) -> items.put(
                    item, value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros()
                            .toPlainString() : value));
            return items.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoOrganisationsExportImportsIntoAnEmptyInstallationAsItWas() throws Exception {
        // the source: an installation of its own with the demo cohort (fresh in-memory H2), so that what other tests
        // of this JVM write into the shared database's demo organisation (trajectories started and changed through
        // events, with signals raised on the way that the end state alone would not raise) does not travel along
        String sourceUrl = "jdbc:h2:mem:jcm-roundtrip-source-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext source = SecondInstance.start("spring.datasource.url=" + sourceUrl,
                "spring.flyway.url=" + sourceUrl + ";DB_CLOSE_DELAY=-1", "spring.datasource.username=jcm_app",
                "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=",
                "jcm.demo.enabled=true", "jcm.readiness.after-catch-up=false")) {
            roundTrip(source);
        }
    }

    private void roundTrip(ConfigurableApplicationContext source) throws Exception {
        JdbcClient jdbc = source.getBean(JdbcClient.class);
        var analytics = source.getBean(AnalyticsManagement.class);
        var users = source.getBean(UserDetailsService.class);
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'manager'")
                .query(Long.class).single();
        seedGoals(jdbc);
        Path zip = Files.createTempFile("organisation-export", ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            source.getBean(OrganisationExport.class).write(organisation, out);
        }
        String name = "jcm-roundtrip-" + UUID.randomUUID();
        String h2 = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext second = SecondInstance.start("spring.datasource.url=" + h2,
                "spring.flyway.url=" + h2 + ";DB_CLOSE_DELAY=-1", "spring.datasource.username=jcm_app",
                "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=",
                "jcm.demo.enabled=false", "jcm.readiness.after-catch-up=false")) {
            JdbcClient other = second.getBean(JdbcClient.class);
            assertThat(other.sql("select count(*) from trajectory").query(Long.class).single()).isZero();
            // the administrator of the empty installation makes the organisation and imports into it
            String organisationName = jdbc.sql("select name from organisation where id = :o")
                    .param("o", organisation).query(String.class).single();
            other.sql("insert into organisation (name, city) values (:n, 'Elders')").param("n", organisationName)
                    .update();
            long target = other.sql("select id from organisation where name = :n").param("n", organisationName)
                    .query(Long.class).single();
            other.sql("insert into app_user (username, password_hash, display_name, role, enabled) values "
                    + "('roundtrip-admin', '{noop}not-used-here', 'Beheer', 'ADMIN', true)").update();
            var administrator = (CurrentUser) second.getBean(UserDetailsService.class)
                    .loadUserByUsername("roundtrip-admin");
            var imports = second.getBean(Imports.class);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                    administrator, null, administrator.getAuthorities()));
            ImportRun run;
            try {
                run = imports.upload(administrator, target, List.of(new Imports.Upload("organisation.zip",
                        Files.newInputStream(zip))));
                awaitFinished(run);
                assertThat(run.failure()).isNull();
                assertThat(run.dryRun().problems()).isEmpty();
                assertThat(imports.start(run)).isTrue();
                awaitFinished(run);
            } finally {
                SecurityContextHolder.clearContext();
            }
            assertThat(run.failure()).isNull();
            assertThat(run.imported().stored()).isTrue();

            // every table, its differences told in short (a few rows missing and a few not expected, per table)
            var differences = new ArrayList<String>();
            for (var table : tables().entrySet()) {
                var expected = rows(jdbc, table.getValue(), organisation);
                var actual = rows(other, table.getValue(), target);
                if (!List.of("signals", "job changes", "wave work values").contains(table.getKey())) {
                    assertThat(expected).as(table.getKey() + " in the demo organisation").isNotEmpty();
                }
                if (!actual.equals(expected)) {
                    var missing = expected.stream().filter(r -> !actual.contains(r)).limit(3).toList();
                    var unexpected = actual.stream().filter(r -> !expected.contains(r)).limit(3).toList();
                    differences.add(table.getKey() + ": " + expected.size() + " rows, imported " + actual.size()
                            + "; missing " + missing + "; not expected " + unexpected);
                }
            }
            assertThat(differences).isEmpty();
            // after a trajectory's closing: the import plans every wave due by today and cancels those after the
            // closing day (MeasurementManagement.planWaves), where the demo cohort left some out; all cancelled
            String afterClosing = "select " + OrganisationExportSourceIds.of("trajectory", "t.id") + " as k, x.code, "
                    + "x.due_on, x.status from measurement_wave x join trajectory t on t.id = x.trajectory_id where "
                    + "t.organisation_id = :org and x.due_on > t.closed_on";
            var after = rows(other, afterClosing, target);
            assertThat(after).as("waves after closing").containsAll(rows(jdbc, afterClosing, organisation))
                    .allSatisfy(row -> assertThat(row.get(3)).isEqualTo("CANCELLED"));
            // no password came along: the staff sign in after an invitation
            assertThat(other.sql("select count(*) from app_user where organisation_id = :o and password_hash like "
                    + "'{noop}%'").param("o", target).query(Long.class).single()).isZero();

            // the study report for the organisation's manager: the same measures over the same rows (its input,
            // one trajectory_indicator row per trajectory, is compared above column by column); the published
            // figures carry the cell key method's noise, keyed by the installation's own secret and internal ids
            // (RecordKeys), so two installations publish the same table only up to that noise
            var report = analytics.report((CurrentUser) users.loadUserByUsername("manager"),
                    ReportFilter.everything());
            var otherReport = second.getBean(AnalyticsManagement.class).report((CurrentUser) second.getBean(
                    UserDetailsService.class).loadUserByUsername("manager"), ReportFilter.everything());
            assertThat(otherReport.isRefused()).isEqualTo(report.isRefused());
            assertThat(otherReport.table()).extracting(m -> m.key()).containsExactlyElementsOf(
                    report.table().stream().map(m -> m.key()).toList());

            // export again: the same source ids
            Path again = Files.createTempFile("organisation-export-again", ".zip");
            try (OutputStream out = Files.newOutputStream(again)) {
                second.getBean(OrganisationExport.class).write(target, out);
            }
            for (String file : List.of("employers.csv", "employees.csv", "trajectories.csv", "goals.csv",
                    "contacts.csv")) {
                assertThat(sourceIds(again, file)).as(file).isEqualTo(sourceIds(zip, file));
            }
        }
    }

    /** A goal with themes, worked on in a contact, on a trajectory of the demo's coach (the demo has no goals). */
    private void seedGoals(JdbcClient jdbc) {
        long trajectory = jdbc.sql("select min(t.id) from trajectory t join app_user u on u.id = t.coach_id where "
                + "u.username = 'coach'").query(Long.class).single();
        long coach = jdbc.sql("select id from app_user where username = 'coach'").query(Long.class).single();
        jdbc.sql("insert into goal (trajectory_id, description, agreed_with_employee, agreed_with_employer, review_on, "
                + "status, created_on, created_by) values (:t, :d, true, false, :on, 'PARTLY', :on, :c)")
                .param("t", trajectory).param("d", "Rondreis " + UUID.randomUUID() + ", \"met\" komma")
                .param("on", LocalDate.now(clock)).param("c", coach).update();
        long goal = jdbc.sql("select max(id) from goal where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into goal_theme (goal_id, theme) values (:g, 'STRESS'), (:g, 'LIMITS')").param("g", goal)
                .update();
        long contact = jdbc.sql("select min(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into contact_goal (contact_id, goal_id) values (:k, :g)").param("k", contact)
                .param("g", goal).update();
    }

    private static void awaitFinished(ImportRun run) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (!run.progress().finished() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(run.progress().finished()).as("the import finished").isTrue();
    }

    /** The source ids of a file of an export, with its references, sorted. */
    private static List<String> sourceIds(Path zip, String file) throws java.io.IOException {
        try (var archive = new java.util.zip.ZipFile(zip.toFile())) {
            var text = new String(archive.getInputStream(archive.getEntry(file)).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            var records = CsvReader.read(text);
            var header = records.get(0);
            var result = new ArrayList<String>();
            for (var record : records.subList(1, records.size())) {
                var ids = new ArrayList<String>();
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).endsWith("source_id") || header.get(i).endsWith("source_ids")) {
                        ids.add(record.get(i));
                    }
                }
                result.add(String.join(",", ids));
            }
            result.sort(null);
            return result;
        }
    }
}
