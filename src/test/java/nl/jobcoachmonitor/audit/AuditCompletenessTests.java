package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Audit completeness: for each event type a real request (or, for deletion and export of a person's data, which other
 * features call, the logging method as they call it) and the exact access log row it leaves: user, role, on whose
 * behalf, action, object, person (pseudonymous id), outcome and address. And a sweep: every page and API read of a
 * trajectory's data leaves a row naming that trajectory's person.
 */
@IntegrationTest
class AuditCompletenessTests {

    private static final String ADDRESS = "192.0.2.44";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;
    @Autowired PersonalDataAccess access;
    @Autowired AccountabilityManagement accountability;
    @Autowired ContactManagement contacts;
    @Autowired PlanManagement plans;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    private long trajectory;
    private long person;
    private long wave;
    private long organisation;
    private long coachId;
    private long before;

    /** One access log row, every column the privacy officer sees plus the ids behind them. */
    record Row(String username, String role, String onBehalfOf, String action, String objectType, String objectId,
            Long personId, String outcome, String address, Long userId, Long userOrganisation,
            Long personOrganisation) {
    }

    /** A coach of the demo organisation of its own, so the trajectories started here fill no other test's caseload. */
    private static final String COACH = "audit-coach";

    @BeforeEach
    void aTrajectoryOfCoachWithACompletedCoachQuestionnaire() {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select :u, password_hash, 'Audit Coach', 'COACH', organisation_id, true from app_user "
                + "where username = 'coach' and not exists (select 1 from app_user where username = :u)")
                .param("u", COACH).update();
        var coach = (CurrentUser) users.loadUserByUsername(COACH);
        coachId = coach.id();
        organisation = coach.organisationId();
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        trajectory = trajectories.start(coach, new StartTrajectoryForm(null, "Audit", "Volledig",
                LocalDate.of(2000, 2, 2), null, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Audit BV", "Controleur", new BigDecimal("20"), ContractType.TEMPORARY, today, null));
        person = data.employeeIdOf(trajectory);
        wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", trajectory).query(Long.class).single();
        measurement.submit(coach, trajectory, wave, Respondent.COACH, Map.of("job_fit", 7, "rapport_coach", 4,
                "employer_support", 3, "life_domains", List.of("none"), "care_providers", List.of("none"),
                "care_conflict", "no", "expected_retention", 4, "hours_sufficient", "enough"));
        before = lastId();
    }

    @AfterEach
    void clearContexts() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    private List<Row> newRows() {
        return jdbc.sql("""
                select username, role, on_behalf_of, action, object_type, object_id, person_id, outcome, remote_address,
                  user_id, user_organisation_id, person_organisation_id
                from audit_event where id > :before order by id""").param("before", before)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
                        rs.getString(9), rs.getObject(10, Long.class), rs.getObject(11, Long.class),
                        rs.getObject(12, Long.class)))
                .list();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Row coachRow(String action, String objectType, String objectId, Long personId) {
        return new Row(COACH, "COACH", "ORGANISATION", action, objectType, objectId, personId, "ALLOWED", ADDRESS,
                coachId, organisation, personId == null ? null : organisation);
    }

    @Test
    void readingATrajectoryIsLogged() throws Exception {
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as(COACH)).with(from(ADDRESS)))
                .andExpect(status().isOk());
        assertThat(newRows()).contains(coachRow("READ", "trajectory", String.valueOf(trajectory), person));
    }

    @Test
    void searchingTheCaseloadIsLogged() throws Exception {
        mvc.perform(get("/caseload").param("q", "Volledig").with(data.as(COACH)).with(from(ADDRESS)))
                .andExpect(status().isOk());
        // the search text is often a name: the append-only log keeps only its length
        assertThat(newRows()).contains(coachRow("SEARCH", "caseload", "q=[8 chars];phase=null;page=0", null))
                .noneMatch(row -> row.toString().contains("Volledig"));
    }

    @Test
    void loggingAContactIsLoggedAsCreation() throws Exception {
        mvc.perform(post("/trajectories/{id}/contacts", trajectory).with(data.as(COACH)).with(csrf())
                        .with(from(ADDRESS)).param("contactOn", LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYEE").param("mode", "PHONE"))
                .andExpect(status().is3xxRedirection());
        long contact = jdbc.sql("select max(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        assertThat(newRows()).contains(coachRow("CREATE", "contact", String.valueOf(contact), person));
    }

    @Test
    void handlingASignalIsLoggedAsChange() throws Exception {
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on) values (:t, 'LOW_RAPPORT', "
                + "'audit', :d)").param("t", trajectory).param("d", LocalDate.now()).update();
        long signal = jdbc.sql("select id from signal where trigger_key = 'audit' and trajectory_id = :t")
                .param("t", trajectory).query(Long.class).single();
        before = lastId();
        mvc.perform(post("/signals/{id}/handled", signal).param("note", "Gebeld").with(data.as(COACH))
                .with(csrf()).with(from(ADDRESS))).andExpect(status().is3xxRedirection());
        assertThat(newRows()).contains(coachRow("CHANGE", "signal", String.valueOf(signal), person));
    }

    @Test
    void anOutOfScopeTrajectoryIsDeniedAndLoggedWithoutItsPerson() throws Exception {
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach2")).with(from(ADDRESS)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/contacts", trajectory).with(data.as("coach2")).with(csrf())
                        .with(from(ADDRESS)).param("contactOn", LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYEE").param("mode", "PHONE"))
                .andExpect(status().isNotFound());
        long coach2 = data.userId("coach2");
        assertThat(newRows()).containsExactly(
                new Row("coach2", "COACH", "ORGANISATION", "READ", "route", "GET /trajectories/" + trajectory, null,
                        "DENIED", ADDRESS, coach2, organisation, null),
                new Row("coach2", "COACH", "ORGANISATION", "CHANGE", "route",
                        "POST /trajectories/" + trajectory + "/contacts", null, "DENIED", ADDRESS, coach2,
                        organisation, null));
    }

    @Test
    void aRoleRefusedAPageIsLoggedAsDenied() throws Exception {
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("privacy")).with(from(ADDRESS)))
                .andExpect(status().isForbidden());
        assertThat(newRows()).containsExactly(new Row("privacy", "PRIVACY_OFFICER", "ORGANISATION", "READ", "route",
                "GET /trajectories/" + trajectory, null, "DENIED", ADDRESS, data.userId("privacy"), organisation,
                null));
    }

    @Test
    void thePrivacyOfficersCsvDownloadIsLoggedAsExport() throws Exception {
        mvc.perform(get("/audit.csv").param("person", String.valueOf(person)).with(data.as("privacy"))
                .with(from(ADDRESS))).andExpect(status().isOk());
        assertThat(newRows()).containsExactly(new Row("privacy", "PRIVACY_OFFICER", "ORGANISATION", "EXPORT",
                "audit_event", "user=;person=" + person + ";from=;to=;event=", null, "ALLOWED", ADDRESS,
                data.userId("privacy"), organisation, null));
    }

    @Test
    void theEmployeesOwnQuestionnaireIsLoggedOnTheirBehalf() throws Exception {
        var coach = (CurrentUser) users.loadUserByUsername(COACH);
        String token = measurement.createLink(coach, trajectory, wave, Respondent.EMPLOYEE).token();
        before = lastId();
        var exchange = mvc.perform(get("/q/{token}", token).with(from(ADDRESS))).andReturn();
        var q = get("/q").with(from(ADDRESS));
        var cookie = exchange.getResponse().getCookie("SESSION");
        if (cookie != null) {
            q.cookie(cookie);
        } else {
            q.session((MockHttpSession) exchange.getRequest().getSession(false));
        }
        mvc.perform(q).andExpect(status().isOk());
        long response = jdbc.sql("select id from response where wave_id = :w and respondent = 'EMPLOYEE'")
                .param("w", wave).query(Long.class).single();
        assertThat(newRows()).contains(new Row(null, null, "EMPLOYEE", "READ", "response", String.valueOf(response),
                person, "ALLOWED", ADDRESS, null, null, organisation));
    }

    /** Deletion and export of a person's data: the erasure and export features call these, in a request or a job. */
    @Test
    void deletionAndExportAreLoggedInTheSameStyle() {
        var manager = (CurrentUser) users.loadUserByUsername("manager");
        var request = new MockHttpServletRequest("POST", "/anything");
        request.setRemoteAddr(ADDRESS);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(manager, null, manager.getAuthorities()));
        access.exported("research_export", 12, person);
        access.deleted("employee", person, person);
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        access.deleted("employee", person, person); // the retention job: no user, no request

        assertThat(newRows()).containsExactly(
                new Row("manager", "MANAGER", "ORGANISATION", "EXPORT", "research_export", "12", person, "ALLOWED",
                        ADDRESS, manager.id(), organisation, organisation),
                new Row("manager", "MANAGER", "ORGANISATION", "DELETE", "employee", String.valueOf(person), person,
                        "ALLOWED", ADDRESS, manager.id(), organisation, organisation),
                new Row(null, null, "SYSTEM", "DELETE", "employee", String.valueOf(person), person, "ALLOWED", null,
                        null, null, organisation));
    }

    /** Every page and API read of one trajectory's data leaves at least one row naming its person. */
    @Test
    void everyReadOfATrajectorysDataNamesItsPerson() throws Exception {
        var routes = new TreeSet<String>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals("GET"))) {
                info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/trajectories/{id}") || p.startsWith("/api/v1/trajectories/{id}"))
                        .forEach(routes::add);
            }
        });
        assertThat(routes).hasSizeGreaterThan(10);
        // an accountability report of the trajectory, for the report routes
        var coach = (CurrentUser) users.loadUserByUsername(COACH);
        long commissioner = jdbc.sql("select commissioner_id from trajectory where id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months, "
                + "report_every_months, report_template, satisfaction_norm) select :c, 10, 6, 12, 6, 'UWV', 6.5 "
                + "where not exists (select 1 from grant_rule where commissioner_id = :c)").param("c", commissioner)
                .update();
        long report = accountability.generate(coach, trajectory, LocalDate.now());
        // a contact and a goal, for the correction forms
        contacts.log(coach, trajectory, LogContactForm.empty(LocalDate.now()));
        long contact = jdbc.sql("select max(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        long goal = plans.addGoal(coach, trajectory, new GoalForm("Doel", java.util.Set.of(), true, false,
                LocalDate.now().plusMonths(1)));
        before = lastId();
        List<String> unlogged = new ArrayList<>();
        for (String pattern : routes) {
            String path = pattern.replace("{id}", String.valueOf(trajectory)).replace("{waveId}", String.valueOf(wave))
                    .replace("{respondent}", "coach").replace("{reportId}", String.valueOf(report))
                    .replace("{contactId}", String.valueOf(contact)).replace("{goalId}", String.valueOf(goal));
            // the reassignment form is the manager's; everything else the coach's
            String user = pattern.equals("/trajectories/{id}/coach") ? "manager" : COACH;
            before = lastId();
            int status = mvc.perform(get(path).with(data.as(user))).andReturn().getResponse().getStatus();
            if (status == 409) {
                continue; // the coach questionnaire's form, once it has been sent: nothing of it is shown
            }
            assertThat(status).as(path).isEqualTo(200);
            if (newRows().stream().noneMatch(r -> r.personId() != null && r.personId() == person
                    && user.equals(r.username()) && "ALLOWED".equals(r.outcome()))) {
                unlogged.add(pattern);
            }
        }
        assertThat(unlogged).as("reads that leave no access log row naming the person").isEmpty();
    }
}
