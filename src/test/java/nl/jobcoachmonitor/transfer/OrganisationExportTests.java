package nl.jobcoachmonitor.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.Totp;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The full export of an organisation: every kind of row of the demo organisation in its CSV with the row count the
 * database has, names and notes in it, cells that survive a CSV parse exactly, the access log, nothing of another
 * organisation, and only with a confirmation and a current second-factor code, for the manager and the administrator.
 */
@IntegrationTest
class OrganisationExportTests {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String TRICKY_NOTE = "Zei: \"dit, en dat\"\r\nTweede regel; =SOM(1) en 'quote'";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired SecondFactors factors;
    @Autowired Clock clock;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ObjectMapper json;

    /** A new staff account in the organisation (or none), with or without a confirmed second factor. */
    private record Account(String username, long id, String secret) {
    }

    private Account account(String role, Long organisationId, boolean enrolled) {
        String username = "orgexport-" + role.toLowerCase() + "-" + USERS.incrementAndGet();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "values (:u, '{noop}secret-secret', :n, :r, :o, true)").param("u", username)
                .param("n", "Export " + username).param("r", role).param("o", organisationId, java.sql.Types.BIGINT)
                .update();
        long id = data.userId(username);
        String secret = null;
        if (enrolled) {
            secret = factors.pendingSecret(id).orElseThrow();
            assertThat(factors.confirm(id, Totp.code(secret, clock.instant()))).isPresent();
        }
        return new Account(username, id, secret);
    }

    /** A current code of the account's app (the step used before is forgotten, so every call gets a usable one). */
    private String code(Account account) {
        jdbc.sql("update staff_second_factor set last_step = null where user_id = :u").param("u", account.id())
                .update();
        return Totp.code(account.secret(), clock.instant());
    }

    private MockHttpServletResponse download(Account account, String path, String code, boolean confirm)
            throws Exception {
        var request = post(path).with(csrf()).with(data.as(account.username())).param("code", code);
        if (confirm) {
            request.param("confirm", "true");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The rows of a file as maps from the header's names, the header checked. */
    private static List<Map<String, String>> rows(Map<String, String> files, String file) {
        var records = CsvReader.read(files.get(file));
        var header = records.get(0);
        return records.subList(1, records.size()).stream().map(r -> {
            assertThat(r).as(file + " row width").hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).toList();
    }

    /** Rows of every kind the demo lacks, in the organisation of the coach "coach", on a trajectory of its own. */
    private long seedEveryKind(long organisation) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        long trajectory = trajectories.start(coach, new StartTrajectoryForm(null, "Export", "Alles",
                LocalDate.of(1998, 5, 6), "alles@example.org", "0612345678", commissioner, TrajectoryPhase.COACHING,
                today.minusDays(10), null, "Export BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY,
                today.minusDays(10), null));
        long employee = data.employeeIdOf(trajectory);
        long coachId = coach.id();
        jdbc.sql("insert into contact (trajectory_id, contact_on, minutes, party, mode, note, logged_by, logged_at, "
                + "reason) values (:t, :d, 45, 'EMPLOYEE', 'PHONE', :note, :c, current_timestamp, 'Reden, met komma')")
                .param("t", trajectory).param("d", today).param("note", TRICKY_NOTE).param("c", coachId).update();
        long contact = jdbc.sql("select max(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into contact_theme (contact_id, theme) values (:k, 'STRESS'), (:k, 'LIMITS')")
                .param("k", contact).update();
        jdbc.sql("insert into goal (trajectory_id, description, agreed_with_employee, agreed_with_employer, review_on, "
                + "status, created_on, created_by) values (:t, 'Volhouden, elke week', true, false, :d, 'CHANGED', "
                + ":d, :c)").param("t", trajectory).param("d", today).param("c", coachId).update();
        long goal = jdbc.sql("select max(id) from goal where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into goal_theme (goal_id, theme) values (:g, 'GROWTH')").param("g", goal).update();
        jdbc.sql("insert into contact_goal (contact_id, goal_id) values (:k, :g)").param("k", contact)
                .param("g", goal).update();
        jdbc.sql("insert into goal_review (goal_id, reviewed_on, status, previous_description, remark, reviewed_by) "
                + "values (:g, :d, 'CHANGED', 'Oude tekst', 'Bijgesteld', :c)").param("g", goal).param("d", today)
                .param("c", coachId).update();
        jdbc.sql("insert into correction (employee_id, trajectory_id, subject, subject_id, field, old_value, new_value, "
                + "corrected_by, corrected_at) values (:e, :t, 'CONTACT', :k, 'minutes', '30', '45', :c, "
                + "current_timestamp)").param("e", employee).param("t", trajectory).param("k", contact)
                .param("c", coachId).update();
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on, handled_at, handled_by, note) "
                + "values (:t, 'LOW_RAPPORT', 'orgexport', :d, current_timestamp, :c, 'Besproken')")
                .param("t", trajectory).param("d", today).param("c", coachId).update();
        jdbc.sql("""
                insert into accountability_report (trajectory_id, version_no, period_from, period_to,
                  commissioner_name, report_template, hours_granted, minutes_total, contact_count, summary,
                  created_at, created_by)
                values (:t, 1, :from, :to, 'UWV', 'UWV', 12.5, 45, 1, 'Samenvatting', current_timestamp, :c)""")
                .param("t", trajectory).param("from", today.minusDays(10)).param("to", today.plusMonths(6))
                .param("c", coachId).update();
        long report = jdbc.sql("select max(id) from accountability_report where trajectory_id = :t")
                .param("t", trajectory).query(Long.class).single();
        jdbc.sql("insert into accountability_report_line (report_id, position, kind, label, status, minutes) "
                + "values (:r, 1, 'GOAL', 'Volhouden, elke week', 'CHANGED', 45)").param("r", report).update();
        jdbc.sql("""
                insert into export_project (name, purpose, organisation_id, waves, secret, created_by, created_at)
                values ('Export-project', 'Doel', :o, 'T0,T2', :s, :r, current_timestamp)""").param("o", organisation)
                .param("s", "s".repeat(64)).param("r", data.userId("onderzoeker")).update();
        long project = jdbc.sql("select max(id) from export_project where organisation_id = :o")
                .param("o", organisation).query(Long.class).single();
        jdbc.sql("insert into export_download (project_id, downloaded_by, downloaded_at, file_name, trajectories, "
                + "persons, sha256) values (:p, :r, current_timestamp, 'export.zip', 3, 3, :h)").param("p", project)
                .param("r", data.userId("onderzoeker")).param("h", "a".repeat(64)).update();
        jdbc.sql("insert into employee (organisation_id, first_name, last_name, birth_date, erased_at) values "
                + "(:o, '-', '-', date '1990-01-01', current_timestamp)").param("o", organisation).update();
        long erased = jdbc.sql("select max(id) from employee where organisation_id = :o").param("o", organisation)
                .query(Long.class).single();
        jdbc.sql("insert into person_erasure (employee_id, erased_at, erased_by, reason) values (:e, "
                + "current_timestamp, :a, 'Verzoek')").param("e", erased).param("a", data.userId("admin")).update();
        long wave = jdbc.sql("select min(id) from measurement_wave where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("""
                insert into questionnaire_mail (wave_id, respondent, person_id, kind, address, language, subject, body,
                  delivery, link_base, created_at)
                values (:w, 'EMPLOYEE', :e, 'INVITATION', 'alles@example.org', 'nl', 'Vragenlijst', 'geheime link',
                  'OUTBOX', 'http://localhost', current_timestamp)""").param("w", wave).param("e", employee).update();
        return contact;
    }

    /** Another organisation with a trajectory, a contact and an answer of its own, marked so it can be found. */
    private long otherOrganisation(String marker) {
        jdbc.sql("insert into organisation (name, city) values (:n, 'Elders')").param("n", "Ander " + marker)
                .update();
        long org = jdbc.sql("select id from organisation where name = :n").param("n", "Ander " + marker)
                .query(Long.class).single();
        var coach = account("COACH", org, false);
        jdbc.sql("insert into employer (organisation_id, name) values (:o, :n)").param("o", org)
                .param("n", "Werkgever " + marker).update();
        jdbc.sql("insert into employee (organisation_id, first_name, last_name, birth_date) values (:o, 'Geheim', :n, "
                + "date '1995-02-03')").param("o", org).param("n", marker).update();
        long employee = jdbc.sql("select id from employee where last_name = :n").param("n", marker)
                .query(Long.class).single();
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        jdbc.sql("insert into trajectory (employee_id, organisation_id, coach_id, commissioner_id, phase, started_on) "
                + "values (:e, :o, :c, :k, 'COACHING', date '2026-01-05')").param("e", employee).param("o", org)
                .param("c", coach.id()).param("k", commissioner).update();
        long trajectory = jdbc.sql("select id from trajectory where employee_id = :e").param("e", employee)
                .query(Long.class).single();
        jdbc.sql("insert into contact (trajectory_id, contact_on, minutes, party, mode, note, logged_at) values "
                + "(:t, date '2026-01-06', 30, 'EMPLOYEE', 'PHONE', :n, current_timestamp)").param("t", trajectory)
                .param("n", "Notitie " + marker).update();
        jdbc.sql("insert into measurement_wave (trajectory_id, code, due_on, status) values (:t, 'T0', "
                + "date '2026-01-05', 'OPEN')").param("t", trajectory).update();
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into response (wave_id, respondent, instrument_code, instrument_version, answers, started_at, "
                + "completed_at) values (:w, 'COACH', 'coach', 1, :a, current_timestamp, current_timestamp)")
                .param("w", wave).param("a", "{\"job_fit\": 7, \"care_conflict\": \"" + marker + "\"}").update();
        return org;
    }

    /** What the database holds for each file, counted independently of the export's own queries. */
    private Map<String, Long> expectedRows(long org) throws IOException {
        String traj = " join trajectory t on t.id = x.trajectory_id where t.organisation_id = :o";
        String commissioners = "(select commissioner_id from trajectory where organisation_id = :o union "
                + "select commissioner_id from export_project where organisation_id = :o)";
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("organisation.csv", "select count(*) from organisation where id = :o");
        sql.put("staff.csv", "select count(*) from app_user where organisation_id = :o");
        sql.put("commissioners.csv", "select count(*) from commissioner where id in " + commissioners);
        sql.put("grant_rules.csv", "select count(*) from grant_rule where commissioner_id in " + commissioners);
        sql.put("employers.csv", "select count(*) from employer where organisation_id = :o");
        sql.put("employees.csv", "select count(*) from employee where organisation_id = :o");
        sql.put("trajectories.csv", "select count(*) from trajectory where organisation_id = :o");
        sql.put("phase_changes.csv", "select count(*) from phase_change x" + traj);
        sql.put("job_changes.csv", "select count(*) from job_change x" + traj);
        sql.put("coach_assignments.csv", "select count(*) from coach_assignment x" + traj);
        sql.put("goals.csv", "select count(*) from goal x" + traj);
        sql.put("goal_reviews.csv", "select count(*) from goal_review r join goal x on x.id = r.goal_id" + traj);
        sql.put("contacts.csv", "select count(*) from contact x" + traj);
        sql.put("waves.csv", "select count(*) from measurement_wave x" + traj);
        sql.put("responses.csv", "select count(*) from response r join measurement_wave x on x.id = r.wave_id"
                + traj);
        sql.put("consents.csv", "select count(*) from consent x" + traj);
        sql.put("corrections.csv", "select count(*) from correction c join employee e on e.id = c.employee_id "
                + "where e.organisation_id = :o");
        sql.put("signals.csv", "select count(*) from signal x" + traj);
        sql.put("accountability_reports.csv", "select count(*) from accountability_report x" + traj);
        sql.put("accountability_report_lines.csv", "select count(*) from accountability_report_line l join "
                + "accountability_report x on x.id = l.report_id" + traj);
        sql.put("research_projects.csv", "select count(*) from export_project where organisation_id = :o");
        sql.put("research_downloads.csv", "select count(*) from export_download d join export_project p on "
                + "p.id = d.project_id where p.organisation_id = :o");
        sql.put("erasures.csv", "select count(*) from person_erasure p join employee e on e.id = p.employee_id "
                + "where e.organisation_id = :o");
        sql.put("mails.csv", "select count(*) from questionnaire_mail m where m.wave_id in (select x.id from "
                + "measurement_wave x" + traj + ") or m.person_id in (select id from employee where organisation_id "
                + "= :o)");
        sql.put("trajectory_indicators.csv", "select count(*) from trajectory_indicator x" + traj);
        sql.put("trajectory_months.csv", "select count(*) from trajectory_month x" + traj);
        sql.put("wave_indicators.csv", "select count(*) from wave_indicator x" + traj);
        sql.put("wave_work_values.csv", "select count(*) from wave_work_value x" + traj);
        Map<String, Long> expected = new LinkedHashMap<>();
        sql.forEach((file, query) -> expected.put(file, jdbc.sql(query).param("o", org).query(Long.class).single()));
        long answers = 0;
        for (String text : jdbc.sql("select r.answers from response r join measurement_wave x on x.id = r.wave_id"
                + traj).param("o", org).query(String.class).list()) {
            for (JsonNode value : (Iterable<JsonNode>) json.readTree(text)::elements) {
                if (!value.isNull() && !value.isObject()) {
                    answers++;
                }
            }
        }
        expected.put("answers.csv", answers);
        return expected;
    }

    @Test
    void theManagersExportHoldsEveryKindOfTheOrganisationWithTheDatabasesRowCounts() throws Exception {
        long org = data.organisationOf("manager");
        long trickyContact = seedEveryKind(org);
        long other = otherOrganisation("ZZOTHERORG");
        var manager = account("MANAGER", org, true);
        long exportsBefore = jdbc.sql("select count(*) from audit_event where object_type = 'organisation_export' "
                + "and person_organisation_id = :o").param("o", org).query(Long.class).single();

        var response = download(manager, "/team/organisation-export", code(manager), true);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".zip");
        var files = unzip(response.getContentAsByteArray());
        var expected = expectedRows(org);
        assertThat(files.keySet()).containsAll(expected.keySet()).contains("access_log.csv", "README.md",
                "manifest.csv");
        Map<String, Long> actual = new HashMap<>();
        for (String file : expected.keySet()) {
            actual.put(file, (long) rows(files, file).size());
        }
        assertThat(actual).as("rows per file against the database").containsAllEntriesOf(expected);
        assertThat(expected).as("every kind has rows in the demo organisation with the seeded ones")
                .allSatisfy((file, n) -> assertThat(n).as(file).isPositive());
        var manifest = rows(files, "manifest.csv");
        assertThat(manifest).hasSize(OrganisationExportKinds.ALL.size());
        for (var line : manifest) {
            assertThat(rows(files, line.get("file"))).as(line.get("file")).hasSize(
                    Integer.parseInt(line.get("rows")));
        }

        // names and notes: the organisation's own data
        long demoTrajectory = data.trajectoriesOf("coach").get(0);
        String name = data.employeeNameOf(demoTrajectory);
        assertThat(rows(files, "employees.csv")).anySatisfy(r ->
                assertThat(r.get("first_name") + " " + r.get("last_name")).isEqualTo(name));
        assertThat(rows(files, "contacts.csv").stream().filter(r -> !r.get("note").isEmpty()).count())
                .isGreaterThan(10);
        assertThat(rows(files, "staff.csv")).anySatisfy(r -> assertThat(r.get("username")).isEqualTo("coach"))
                .allSatisfy(r -> assertThat(r).doesNotContainKey("password_hash"));

        // a note with commas, quotes, a line break and formula-like text survives exactly
        var tricky = rows(files, "contacts.csv").stream()
                .filter(r -> r.get("source_id").equals("jcm-" + trickyContact)).findFirst().orElseThrow();
        assertThat(tricky.get("note")).isEqualTo(TRICKY_NOTE);
        assertThat(tricky.get("reason")).isEqualTo("Reden, met komma");
        assertThat(tricky.get("themes")).isEqualTo("LIMITS|STRESS");
        assertThat(tricky.get("goal_source_ids")).startsWith("jcm-");
        assertThat(rows(files, "goals.csv")).anySatisfy(r -> assertThat(r.get("source_id"))
                .isEqualTo(tricky.get("goal_source_ids")));
        assertThat(rows(files, "corrections.csv")).anySatisfy(r -> assertThat(r.get("subject_source_id"))
                .isEqualTo("jcm-" + trickyContact));
        // references resolve: every trajectory's employee is in employees.csv
        var employeeIds = rows(files, "employees.csv").stream().map(r -> r.get("source_id")).toList();
        assertThat(rows(files, "trajectories.csv")).allSatisfy(r ->
                assertThat(employeeIds).contains(r.get("employee_source_id")));
        assertThat(rows(files, "answers.csv")).allSatisfy(r -> {
            assertThat(r.get("wave")).matches("T\\d+");
            assertThat(r.get("respondent")).isIn("EMPLOYEE", "COACH", "EMPLOYER");
        });
        assertThat(files.get("README.md")).contains("contacts.csv").contains("goal_source_ids")
                .contains("jcm-<internal id>");
        // no secrets
        assertThat(files.values()).noneSatisfy(text -> assertThat(text).contains("s".repeat(64)));
        assertThat(files.get("mails.csv")).doesNotContain("geheime link");

        // nothing of the other organisation
        assertThat(files.values()).noneSatisfy(text -> assertThat(text).contains("ZZOTHERORG"));
        long otherTrajectory = jdbc.sql("select id from trajectory where organisation_id = :o").param("o", other)
                .query(Long.class).single();
        assertThat(rows(files, "trajectories.csv")).noneSatisfy(r -> assertThat(r.get("source_id"))
                .isEqualTo("jcm-" + otherTrajectory));

        // the access log: one entry for the export, one per person of the organisation, none for anyone else
        long employees = expected.get("employees.csv");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'organisation_export' "
                + "and action = 'EXPORT' and username = :u and person_id is null and object_id = :id")
                .param("u", manager.username()).param("id", "organisation " + org + ": " + employees + " persons")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(distinct person_id) from audit_event where object_type = "
                + "'organisation_export' and action = 'EXPORT' and username = :u and person_id in (select id from "
                + "employee where organisation_id = :o) and person_organisation_id = :o")
                .param("u", manager.username()).param("o", org).query(Long.class).single()).isEqualTo(employees);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'organisation_export' "
                + "and username = :u and (person_organisation_id <> :o or person_id in (select id from employee "
                + "where organisation_id <> :o))").param("u", manager.username()).param("o", org)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'organisation_export' "
                + "and person_organisation_id = :o").param("o", org).query(Long.class).single())
                .isEqualTo(exportsBefore + employees);
        // the rows written in batches are links of the hash chain like any other: each hash checks, each row
        // names the previous row's hash
        record Range(long from, long to) {
        }
        var range = jdbc.sql("select min(chain_seq), max(chain_seq) from audit_event where username = :u")
                .param("u", manager.username()).query((rs, n) -> new Range(rs.getLong(1), rs.getLong(2))).single();
        String[] previous = {null};
        jdbc.sql("select * from audit_event where chain_seq between :a and :b order by chain_seq")
                .param("a", range.from() - 1).param("b", range.to()).query(rs -> {
                    String hash = rs.getString("row_hash");
                    assertThat(nl.jobcoachmonitor.audit.ChainedEvent.of(rs, rs.getLong("chain_seq"),
                            rs.getString("previous_hash")).hash()).as("hash of " + rs.getLong("chain_seq"))
                            .isEqualTo(hash);
                    if (previous[0] != null) {
                        assertThat(rs.getString("previous_hash")).isEqualTo(previous[0]);
                    }
                    previous[0] = hash;
                });
        assertThat(range.to() - range.from() + 1).isGreaterThanOrEqualTo(employees + 1);
    }

    @Test
    void theAdministratorExportsAnyOrganisationAndOnlyThatOne() throws Exception {
        long other = otherOrganisation("YYADMINORG");
        var admin = account("ADMIN", null, true);

        var response = download(admin, "/admin/organisations/" + other + "/export", code(admin), true);

        assertThat(response.getStatus()).isEqualTo(200);
        var files = unzip(response.getContentAsByteArray());
        assertThat(rows(files, "trajectories.csv")).hasSize(1);
        assertThat(rows(files, "contacts.csv")).singleElement().satisfies(r ->
                assertThat(r.get("note")).isEqualTo("Notitie YYADMINORG"));
        assertThat(rows(files, "employees.csv")).singleElement().satisfies(r ->
                assertThat(r.get("last_name")).isEqualTo("YYADMINORG"));
        assertThat(rows(files, "answers.csv")).extracting(r -> r.get("item_code") + "=" + r.get("value"))
                .containsExactly("job_fit=7", "care_conflict=YYADMINORG");
        assertThat(rows(files, "staff.csv")).singleElement().satisfies(r ->
                assertThat(r.get("role")).isEqualTo("COACH"));
        String demoName = data.employeeNameOf(data.trajectoriesOf("coach").get(0));
        assertThat(files.values()).noneSatisfy(text -> assertThat(text).contains(demoName));
        assertThat(mvc.perform(get("/admin/organisations/987654321/export").with(data.as(admin.username())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void withoutTheSecondFactorOrTheConfirmationNothingIsDownloaded() throws Exception {
        long org = data.organisationOf("manager");
        var notEnrolled = account("MANAGER", org, false);
        var refused = download(notEnrolled, "/team/organisation-export", "123456", true);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertThat(refused.getContentAsString()).contains("tweestapsverificatie");
        assertThat(jdbc.sql("select count(*) from audit_event where username = :u and outcome = 'DENIED' "
                + "and object_type = 'organisation_export'").param("u", notEnrolled.username()).query(Long.class)
                .single()).isEqualTo(1);

        var manager = account("MANAGER", org, true);
        String current = code(manager);
        String wrong = current.equals("000000") ? "111111" : "000000";
        var wrongCode = download(manager, "/team/organisation-export", wrong, true);
        assertThat(wrongCode.getContentType()).startsWith("text/html");
        assertThat(wrongCode.getContentAsString()).contains("Deze code klopt niet");
        var unconfirmed = download(manager, "/team/organisation-export", code(manager), false);
        assertThat(unconfirmed.getContentType()).startsWith("text/html");
        assertThat(unconfirmed.getContentAsString()).contains("Bevestig dat u begrijpt");
        // a code is used once
        String once = code(manager);
        assertThat(download(manager, "/team/organisation-export", once, true).getContentType())
                .isEqualTo("application/zip");
        var again = download(manager, "/team/organisation-export", once, true);
        assertThat(again.getContentType()).startsWith("text/html");
        assertThat(again.getContentAsString()).contains("Deze code klopt niet");
        assertThat(jdbc.sql("select count(*) from audit_event where username = :u and person_id is null "
                + "and object_type = 'organisation_export' and outcome = 'ALLOWED'").param("u", manager.username())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void coachesCommissionersResearchersAndOtherRolesCannotDownload() throws Exception {
        long org = data.organisationOf("manager");
        for (String user : List.of("coach", "gemeente", "onderzoeker", "admin", "privacy")) {
            int page = mvc.perform(get("/team/organisation-export").with(data.as(user))).andReturn().getResponse()
                    .getStatus();
            int zip = mvc.perform(post("/team/organisation-export").with(csrf()).with(data.as(user))
                    .param("confirm", "true").param("code", "123456")).andReturn().getResponse().getStatus();
            assertThat(List.of(page, zip)).as(user).allSatisfy(s -> assertThat(s).isIn(403, 404));
        }
        for (String user : List.of("coach", "manager", "gemeente", "onderzoeker", "privacy")) {
            int zip = mvc.perform(post("/admin/organisations/" + org + "/export").with(csrf()).with(data.as(user))
                    .param("confirm", "true").param("code", "123456")).andReturn().getResponse().getStatus();
            assertThat(zip).as(user).isIn(403, 404);
        }
    }

    @Test
    void thePageSaysWhatIsIncludedAndHowLarge() throws Exception {
        var manager = account("MANAGER", data.organisationOf("manager"), true);
        String page = mvc.perform(get("/team/organisation-export").with(data.as(manager.username()))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Organisatie exporteren").contains("contacts.csv").contains("answers.csv")
                .contains("MB").contains("Code uit uw authenticator-app");
    }
}
