package nl.jobcoachmonitor.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.plan.ReportForm;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.ConsentManagement;
import nl.jobcoachmonitor.trajectory.ConsentPurpose;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.RecordConsentForm;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Corrections of an employee's details, a contact and a goal: scoped like the trajectory, history kept (who, when, old
 * and new), logged, indicators recomputed, a stale form refused; and what the employee sees of it on their own page.
 */
@IntegrationTest
class CorrectionTests {

    /** A coach of the demo organisation of its own, so these trajectories do not change the demo caseloads. */
    static final String COACH = "correctiecoach";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired PlanManagement plans;
    @Autowired AccountabilityManagement accountability;
    @Autowired ConsentManagement consents;
    @Autowired CorrectionRequests requests;
    @Autowired MeasurementManagement measurement;

    long trajectory;
    long employee;
    long contact;
    long goal;
    long commissioner;

    static synchronized void ensureCoach(JdbcClient jdbc) {
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, organisation_id, enabled)
                select :u, password_hash, 'Cora Correctie', 'correctie@example.org', 'COACH', organisation_id, true
                from app_user where username = 'coach'
                  and not exists (select 1 from app_user where username = :u)
                """).param("u", COACH).update();
    }

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(COACH);
    }

    @BeforeEach
    void aTrajectoryWithAContactAndAGoal() {
        ensureCoach(jdbc);
        commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate start = LocalDate.now().minusDays(20);
        trajectory = trajectories.start(coach(), new StartTrajectoryForm(null, "Corrie", "Fouterman",
                LocalDate.of(1999, 4, 4), "corrie@exmaple.org", "0611111111", commissioner, TrajectoryPhase.COACHING,
                start, null, "Correctie BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
        employee = data.employeeIdOf(trajectory);
        goal = plans.addGoal(coach(), trajectory, new GoalForm("Ik wil vier dagen werken met minder strees",
                Set.of(), true, false, LocalDate.now().plusMonths(2)));
        contacts.log(coach(), trajectory, new LogContactForm(start.plusDays(1), 60, Party.EMPLOYEE,
                ContactMode.WORKPLACE_VISIT, Set.of(Theme.STRESS), "Eerste gesprek", null, Set.of(goal)));
        contact = jdbc.sql("select max(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
    }

    @AfterEach
    void close() {
        trajectories.changePhase(coach(), trajectory, new ChangePhaseForm(data.version(trajectory),
                TrajectoryPhase.CLOSED, LocalDate.now(), ClosingReason.OTHER, null, null, null, null, null));
    }

    int employeeVersion() {
        return jdbc.sql("select version from employee where id = :e").param("e", employee).query(Integer.class)
                .single();
    }

    int contactVersion() {
        return jdbc.sql("select version from contact where id = :c").param("c", contact).query(Integer.class).single();
    }

    int goalVersion() {
        return jdbc.sql("select version from goal where id = :g").param("g", goal).query(Integer.class).single();
    }

    long events(String action, String objectType) {
        return jdbc.sql("select count(*) from audit_event where username = :u and action = :a and object_type = :o "
                + "and person_id = :p and outcome = 'ALLOWED'").param("u", COACH).param("a", action)
                .param("o", objectType).param("p", employee).query(Long.class).single();
    }

    String correctionsSection(String username) throws Exception {
        return mvc.perform(get("/trajectories/{id}/corrections", trajectory).with(data.as(username))
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
    }

    MvcResult correctEmail(String username, int version, String email) throws Exception {
        return mvc.perform(post("/trajectories/{id}/employee", trajectory).with(data.as(username)).with(csrf())
                .param("version", String.valueOf(version)).param("firstName", "Corrie").param("lastName", "Fouterman")
                .param("email", email).param("phone", "0611111111")).andReturn();
    }

    MvcResult correctMinutes(String username, int version, int minutes) throws Exception {
        return mvc.perform(post("/trajectories/{id}/contacts/{c}", trajectory, contact).with(data.as(username))
                .with(csrf()).param("version", String.valueOf(version))
                .param("contactOn", LocalDate.now().minusDays(19).toString()).param("minutes", String.valueOf(minutes))
                .param("party", "EMPLOYEE").param("mode", "WORKPLACE_VISIT").param("themes", "STRESS")
                .param("note", "Eerste gesprek").param("goals", String.valueOf(goal))).andReturn();
    }

    MvcResult correctGoal(String username, int version, String description) throws Exception {
        return mvc.perform(post("/trajectories/{id}/goals/{g}", trajectory, goal).with(data.as(username))
                .with(csrf()).param("version", String.valueOf(version)).param("description", description))
                .andReturn();
    }

    @Test
    void theCoachCorrectsTheEmployeesEmailWithHistoryAndAccessLog() throws Exception {
        long changes = events("CHANGE", "employee");
        var result = correctEmail(COACH, employeeVersion(), "corrie@example.org");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + trajectory + "#corrections");
        assertThat(jdbc.sql("select email from employee where id = :e").param("e", employee).query(String.class)
                .single()).isEqualTo("corrie@example.org");
        assertThat(events("CHANGE", "employee")).isEqualTo(changes + 1);
        assertThat(data.count("correction", "employee_id = :p", employee)).as("only the changed field").isEqualTo(1);
        assertThat(correctionsSection(COACH)).contains("Werknemer: e-mail", "corrie@exmaple.org",
                "corrie@example.org", "door Cora Correctie");
        assertThat(events("READ", "correction")).isPositive();
    }

    @Test
    void editingAContactsMinutesAndDeletingItRecomputeTheIntensity() throws Exception {
        double before = hours();
        var result = correctMinutes(COACH, contactVersion(), 180);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + trajectory + "#corrections");
        double corrected = hours();
        assertThat(corrected).as("three times the minutes").isGreaterThan(before);
        assertThat(events("CHANGE", "contact")).isEqualTo(1);
        assertThat(correctionsSection(COACH)).contains("Contact: minuten", "60", "180");

        mvc.perform(post("/trajectories/{id}/contacts/{c}/delete", trajectory, contact).with(data.as(COACH))
                .with(csrf()).param("version", String.valueOf(contactVersion())));
        assertThat(data.count("contact", "id = :p", contact)).isZero();
        assertThat(hours()).as("no contact left").isZero();
        assertThat(events("DELETE", "contact")).isEqualTo(1);
        assertThat(correctionsSection(COACH)).contains("Contact verwijderd", "180 min");
    }

    /** The employee contact hours per month in months 0-3 of the indicators' read model. */
    double hours() {
        return jdbc.sql("select hours_employee_0_3 from trajectory_indicator where trajectory_id = :t")
                .param("t", trajectory).query(BigDecimal.class).single().doubleValue();
    }

    @Test
    void theCoachCorrectsAGoalsWording() throws Exception {
        var result = correctGoal(COACH, goalVersion(), "Ik wil vier dagen werken met minder stress");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + trajectory + "#corrections");
        assertThat(events("CHANGE", "goal")).isEqualTo(1);
        assertThat(correctionsSection(COACH)).contains("Doel: doel", "minder strees", "minder stress");
        assertThat(correctionsSection("manager")).as("the manager of the organisation sees it too")
                .contains("minder stress");
    }

    @Test
    void aStaleFormIsAConflictAndChangesNothing() throws Exception {
        int employeeSeen = employeeVersion();
        int contactSeen = contactVersion();
        int goalSeen = goalVersion();
        correctEmail("manager", employeeSeen, "eerder@example.org");
        correctMinutes("manager", contactSeen, 90);
        correctGoal("manager", goalSeen, "Eerder gecorrigeerd");
        long history = data.count("correction", "employee_id = :p", employee);

        for (var result : new MvcResult[] {correctEmail(COACH, employeeSeen, "later@example.org"),
                correctMinutes(COACH, contactSeen, 120), correctGoal(COACH, goalSeen, "Later gecorrigeerd")}) {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("Iemand anders heeft dit traject intussen "
                    + "gewijzigd. Er is niets overschreven");
        }
        var delete = mvc.perform(post("/trajectories/{id}/contacts/{c}/delete", trajectory, contact)
                .with(data.as(COACH)).with(csrf()).param("version", String.valueOf(contactSeen))).andReturn();
        assertThat(delete.getResponse().getContentAsString()).contains("Iemand anders heeft dit traject intussen");
        assertThat(data.count("contact", "id = :p", contact)).isEqualTo(1);
        assertThat(jdbc.sql("select email from employee where id = :e").param("e", employee).query(String.class)
                .single()).isEqualTo("eerder@example.org");
        assertThat(data.count("correction", "employee_id = :p", employee)).isEqualTo(history);
    }

    @Test
    void anotherCoachGets404OnEveryCorrectionRouteAndIsLogged() throws Exception {
        long denied = data.deniedAccessesBy("coach2");
        var other = "coach2";
        assertThat(mvc.perform(get("/trajectories/{id}/employee", trajectory).with(data.as(other))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(correctEmail(other, employeeVersion(), "x@example.org").getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/trajectories/{id}/contacts/{c}/edit", trajectory, contact).with(data.as(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(correctMinutes(other, contactVersion(), 5).getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/trajectories/{id}/contacts/{c}/delete", trajectory, contact)
                .with(data.as(other)).with(csrf()).param("version", String.valueOf(contactVersion()))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/trajectories/{id}/goals/{g}/edit", trajectory, goal).with(data.as(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(correctGoal(other, goalVersion(), "Gekaapt").getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/trajectories/{id}/corrections", trajectory).with(data.as(other))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(data.deniedAccessesBy(other)).isEqualTo(denied + 8);

        // coach2's own trajectory with this coach's contact or goal id: not found either
        long own = data.trajectoriesOf(other).get(0);
        assertThat(mvc.perform(get("/trajectories/{id}/contacts/{c}/edit", own, contact).with(data.as(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/trajectories/{id}/goals/{g}/edit", own, goal).with(data.as(other)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/trajectories/{id}/contacts/{c}/delete", own, contact).with(data.as(other))
                .with(csrf()).param("version", String.valueOf(contactVersion()))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(data.count("contact", "id = :p", contact)).isEqualTo(1);
        assertThat(data.count("correction", "employee_id = :p", employee)).isZero();
    }

    @Test
    void aCorrectionRequestNamesWhatItIsAboutAndIsHandledFromTheCorrections() throws Exception {
        var fixture = new OwnDataFixture(mvc, data, jdbc, trajectories, contacts, measurement, users);
        String token = ownLink();
        var phone = fixture.phone();
        phone.open(token);
        String page = phone.get("/own").getResponse().getContentAsString();
        assertThat(page).contains("CONTACT:" + contact, "GOAL:" + goal);

        long signals = data.count("signal");
        long otherContact = jdbc.sql("select min(c.id) from contact c join trajectory t on t.id = c.trajectory_id "
                + "where t.employee_id <> :e").param("e", employee).query(Long.class).single();
        var refused = phone.perform(post("/own/correction").with(csrf()).param("about", "CONTACT:" + otherContact)
                .param("text", "Niet van mij"));
        assertThat(refused.getFlashMap().get("correctionError")).isEqualTo("owndata.correction.about.unknown");
        assertThat(data.count("signal")).as("nobody else's contact").isEqualTo(signals);

        phone.perform(post("/own/correction").with(csrf()).param("about", "CONTACT:" + contact)
                .param("text", "Het gesprek duurde maar een half uur"));
        long signal = jdbc.sql("select id from signal where trajectory_id = :t and kind = 'CORRECTION_REQUESTED' "
                + "and subject = 'CONTACT' and subject_id = :c").param("t", trajectory).param("c", contact)
                .query(Long.class).single();

        String caseload = mvc.perform(get("/caseload").with(data.as(COACH))).andReturn().getResponse()
                .getContentAsString();
        assertThat(caseload).contains("/trajectories/" + trajectory + "/corrections");
        String section = correctionsSection(COACH);
        assertThat(section).contains("Het gesprek duurde maar een half uur", "over een contact",
                "/trajectories/" + trajectory + "/contacts/" + contact + "/edit");

        correctMinutes(COACH, contactVersion(), 30);
        var handled = mvc.perform(post("/trajectories/{id}/corrections/requests/{s}/handled", trajectory, signal)
                .with(data.as(COACH)).with(csrf()).param("note", "Minuten verbeterd naar 30")).andReturn();
        assertThat(handled.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + trajectory + "#corrections");
        assertThat(jdbc.sql("select note from signal where id = :s").param("s", signal).query(String.class).single())
                .isEqualTo("Minuten verbeterd naar 30");
        assertThat(correctionsSection(COACH)).doesNotContain("Het gesprek duurde maar een half uur");
    }

    String ownLink() throws Exception {
        String page = mvc.perform(post("/trajectories/{id}/own-data-link", trajectory).with(data.as(COACH))
                .with(csrf())).andReturn().getResponse().getContentAsString();
        var matcher = java.util.regex.Pattern.compile("/own/([A-Za-z0-9_-]{43})").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return matcher.group(1);
    }

    @Test
    void theOwnDataPageShowsGoalsReportsAsSentConsentCorrectionsAndAReadableAccessList() throws Exception {
        consents.record(coach(), trajectory, new RecordConsentForm(ConsentPurpose.RESEARCH, true,
                LocalDate.now().minusDays(2), "2026-1"));
        consents.record(coach(), trajectory, new RecordConsentForm(ConsentPurpose.RESEARCH, false,
                LocalDate.now(), "2026-1"));
        jdbc.sql("insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months, "
                + "report_every_months, report_template, satisfaction_norm) select :c, 10, 6, 12, 6, 'UWV', 6.5 "
                + "where not exists (select 1 from grant_rule where commissioner_id = :c)").param("c", commissioner)
                .update();
        LocalDate start = LocalDate.now().minusDays(20);
        long sent = accountability.generate(coach(), trajectory, start);
        accountability.save(coach(), trajectory, sent, new ReportForm("Verzonden samenvatting", 8, null, 7, null));
        accountability.signOff(coach(), trajectory, sent);
        long draft = accountability.correct(coach(), trajectory, sent);
        accountability.save(coach(), trajectory, draft, new ReportForm("Concept dat niet is verzonden", 8, null, 7,
                null));
        correctEmail(COACH, employeeVersion(), "corrie@example.org");
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as(COACH)));

        var fixture = new OwnDataFixture(mvc, data, jdbc, trajectories, contacts, measurement, users);
        var phone = fixture.phone();
        phone.open(ownLink());
        phone.get("/own");
        phone.get("/own");
        String page = phone.get("/own").getResponse().getContentAsString();
        assertThat(page).as("the goals").contains("Doelen in je coachingsplan", "minder strees")
                .as("the report as sent, not the draft").contains("Verzonden samenvatting", "versie 1")
                .doesNotContain("Concept dat niet is verzonden")
                .as("the consent decisions").contains("Je toestemming", "Gebruik voor onderzoek: Gegeven",
                        "Gebruik voor onderzoek: Ingetrokken")
                .as("the corrections, without staff names").contains("Werknemer: e-mail", "corrie@exmaple.org",
                        "corrie@example.org").doesNotContain("door Cora Correctie");
        String accesses = page.substring(page.indexOf("id=\"accesses\""), page.indexOf("id=\"correction\""));
        assertThat(accesses).as("in words, grouped per day and kind")
                .containsPattern("Een jobcoach van [^<]+ heeft je traject bekeken")
                .containsPattern("Een jobcoach van [^<]+ heeft je persoonsgegevens gewijzigd")
                .as("without the employee's own views").doesNotContain("Mijn gegevens bekeken", "Jijzelf");
        assertThat(accesses.split("heeft je traject bekeken", -1).length - 1).as("one line per kind a day")
                .isEqualTo(1);

        String csv = phone.get("/own/data.csv").getResponse().getContentAsString();
        assertThat(csv).as("the download too").contains("minder strees", "Verzonden samenvatting",
                "Gebruik voor onderzoek; Ingetrokken", "corrie@exmaple.org → corrie@example.org")
                .doesNotContain("Concept dat niet is verzonden");
    }
}
