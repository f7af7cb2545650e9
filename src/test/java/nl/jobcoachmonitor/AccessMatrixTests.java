package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.identity.ApiTokens;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.outcomes.CorrectionRequests;
import nl.jobcoachmonitor.plan.AccountabilityManagement;
import nl.jobcoachmonitor.plan.GoalForm;
import nl.jobcoachmonitor.plan.PlanManagement;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access matrix, generated from the application's own route list: every route (method and pattern of every
 * handler method) has a rule naming who may use it, and every role is tried on every route: allowed, or refused with
 * 403/404 (anonymous: sent to the login, or 401 on the API). A route added without a rule fails this test.
 */
@IntegrationTest
class AccessMatrixTests {

    /** Who may use a route. The users are the demo accounts; "coach" coaches the trajectory the routes are tried on. */
    enum Rule {
        PUBLIC(Set.of("anonymous", "coach", "coach2", "manager", "gemeente", "onderzoeker", "admin", "privacy")),
        SIGNED_IN(Set.of("coach", "coach2", "manager", "gemeente", "onderzoeker", "admin", "privacy")),
        STAFF(Set.of("coach", "coach2", "manager")),
        CASE(Set.of("coach", "manager")),
        CASE_COACH(Set.of("coach")),
        CASE_MANAGER(Set.of("manager")),
        MANAGER(Set.of("manager")),
        REPORT(Set.of("manager", "gemeente", "onderzoeker")),
        COMMISSIONER(Set.of("gemeente")),
        RESEARCHER(Set.of("onderzoeker")),
        ADMIN(Set.of("admin")),
        PRIVACY_OFFICER(Set.of("privacy")),
        /** The knowledge circle: coaches and managers of every organisation, and organisers. */
        CIRCLE(Set.of("coach", "coach2", "manager")),
        /** A knowledge circle's organiser: the demo circle's is "manager". */
        CIRCLE_ORGANISER(Set.of("manager")),
        /** A knowledge circle meeting's live session: coaches and the circle's organiser ("manager" in this test). */
        LIVE(Set.of("coach", "coach2", "manager")),
        /** The live session's controls: the organiser of the meeting's circle only. */
        LIVE_ORGANISER(Set.of("manager")),
        IMPORT(Set.of("manager", "admin")),
        /** The questionnaire by personal link: open to anyone, authorised by the link (404 without one). */
        LINK(Set.of());

        final Set<String> allowed;

        Rule(Set<String> allowed) {
            this.allowed = allowed;
        }
    }

    private static final List<String> USERS = List.of("anonymous", "coach", "coach2", "manager", "gemeente",
            "onderzoeker", "admin", "privacy");

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        rule(Rule.SIGNED_IN, "GET /");
        rule(Rule.PUBLIC, "GET /login", "GET /api/docs.json", "GET /api/docs.json.yaml", "GET /api/docs.json/swagger-config",
                "GET /api/docs");
        rule(Rule.STAFF, "GET /caseload", "GET /trajectories/new", "POST /trajectories", "GET /api/v1/trajectories",
                "POST /api/v1/trajectories");
        rule(Rule.CASE, "GET /trajectories/{id}", "GET /trajectories/{id}/phase", "POST /trajectories/{id}/phase",
                "GET /trajectories/{id}/job-changes/new", "POST /trajectories/{id}/job-changes",
                "GET /trajectories/{id}/contacts/new", "POST /trajectories/{id}/contacts",
                "POST /trajectories/{id}/waves/{waveId}/employee-link",
                "POST /trajectories/{id}/waves/{waveId}/employer-link",
                "GET /trajectories/{id}/waves/{waveId}/employee-mail",
                "POST /trajectories/{id}/waves/{waveId}/employee-mail",
                "GET /trajectories/{id}/waves/{waveId}/employer-mail",
                "POST /trajectories/{id}/waves/{waveId}/employer-mail",
                "GET /trajectories/{id}/waves/{waveId}/responses/{respondent}", "POST /signals/{id}/handled",
                "GET /api/v1/trajectories/{id}", "POST /api/v1/trajectories/{id}/phase",
                "GET /api/v1/trajectories/{id}/job-changes", "POST /api/v1/trajectories/{id}/job-changes",
                "GET /api/v1/trajectories/{id}/contacts", "POST /api/v1/trajectories/{id}/contacts",
                "GET /api/v1/trajectories/{id}/contacts/intensity", "GET /api/v1/trajectories/{id}/waves",
                "GET /api/v1/trajectories/{id}/waves/{waveId}/responses/{respondent}");
        rule(Rule.CASE_COACH, "GET /trajectories/{id}/waves/{waveId}/coach",
                "POST /trajectories/{id}/waves/{waveId}/coach", "GET /trajectories/{id}/waves/{waveId}/employee-answers",
                "POST /trajectories/{id}/waves/{waveId}/employee-answers",
                "GET /trajectories/{id}/waves/{waveId}/employee-answers/afterwards",
                "POST /trajectories/{id}/waves/{waveId}/employee-answers/afterwards",
                "POST /api/v1/trajectories/{id}/waves/{waveId}/responses/{respondent}");
        rule(Rule.CASE_MANAGER, "GET /trajectories/{id}/coach", "POST /trajectories/{id}/coach");
        rule(Rule.MANAGER, "GET /team", "GET /team/satisfaction");
        // the team tables as files (issue 12)
        rule(Rule.MANAGER, "GET /team/grants.xlsx", "GET /team/grants.csv", "GET /team/satisfaction.xlsx",
                "GET /team/satisfaction.csv");
        rule(Rule.REPORT, "GET /report", "GET /report.csv", "GET /report.pdf", "GET /report.xlsx");
        rule(Rule.COMMISSIONER, "GET /commissioner");
        rule(Rule.RESEARCHER, "GET /research");
        rule(Rule.ADMIN, "GET /admin/users", "POST /admin/users", "GET /admin/users/{id}", "POST /admin/users/{id}",
                "POST /admin/users/{id}/enabled", "GET /admin/organisations", "POST /admin/organisations",
                "POST /admin/organisations/commissioners", "GET /admin/outbox", "GET /admin/outbox/{id}/open");
        rule(Rule.LINK, "GET /q/{token}", "GET /q", "POST /q");
        // own-data rights (issue 5): the coach makes the employee's link; the employee's pages go by the link
        rule(Rule.CASE, "POST /trajectories/{id}/own-data-link", "POST /trajectories/{id}/own-data-mail");
        rule(Rule.LINK, "GET /own/{token}", "GET /own", "GET /own/data.json", "GET /own/data.csv",
                "POST /own/correction");
        // Audit trail (issue 5): the privacy officer's access log
        rule(Rule.PRIVACY_OFFICER, "GET /audit", "GET /audit.csv", "GET /audit.xlsx", "GET /audit/persons");
        // consent and research export (branch export)
        rule(Rule.CASE, "GET /trajectories/{id}/consent", "POST /trajectories/{id}/consent",
                "GET /api/v1/trajectories/{id}/consent", "POST /api/v1/trajectories/{id}/consent");
        rule(Rule.RESEARCHER, "GET /research", "POST /research/projects", "GET /research/projects/{id}",
                "GET /research/projects/{id}/files/{file}");
        rule(Rule.MANAGER, "GET /team/exports", "POST /team/exports/{id}/approval",
                "POST /team/exports/{id}/rejection");
        // coaching plan, grant rules and accountability reports (plan)
        rule(Rule.CASE, "GET /trajectories/{id}/plan", "GET /trajectories/{id}/reports",
                "GET /trajectories/{id}/reports/{reportId}", "GET /trajectories/{id}/reports/{reportId}/print",
                "GET /trajectories/{id}/reports/{reportId}/pdf");
        rule(Rule.CASE_COACH, "POST /trajectories/{id}/reports", "POST /trajectories/{id}/reports/{reportId}",
                "POST /trajectories/{id}/reports/{reportId}/sign",
                "POST /trajectories/{id}/reports/{reportId}/correction");
        rule(Rule.CASE_COACH, "POST /trajectories/{id}/goals", "POST /trajectories/{id}/goals/{goalId}/review");
        rule(Rule.ADMIN, "GET /admin/commissioners/{id}/grant", "POST /admin/commissioners/{id}/grant");
        // issue 12: the commissioner's numbers on the trajectory, hours against the grant refreshed in place
        rule(Rule.CASE, "GET /trajectories/{id}/case-numbers", "POST /trajectories/{id}/case-numbers",
                "GET /trajectories/{id}/grant");
        rule(Rule.ADMIN, "GET /admin/erasure", "POST /admin/erasure");
        // corrections: scoped like the contacts (the coach's caseload, the manager's organisation)
        rule(Rule.CASE, "GET /trajectories/{id}/employee", "POST /trajectories/{id}/employee",
                "GET /trajectories/{id}/contacts/{contactId}/edit", "POST /trajectories/{id}/contacts/{contactId}",
                "POST /trajectories/{id}/contacts/{contactId}/delete", "GET /trajectories/{id}/goals/{goalId}/edit",
                "POST /trajectories/{id}/goals/{goalId}", "GET /trajectories/{id}/corrections",
                "POST /trajectories/{id}/corrections/requests/{signalId}/handled");
        // assessment of the coaching by personal link (assess): the coach makes the links, the respondent answers
        rule(Rule.CASE_COACH, "POST /trajectories/{id}/reports/{reportId}/employee-assessment-link",
                "POST /trajectories/{id}/reports/{reportId}/employer-assessment-link",
                "POST /trajectories/{id}/reports/{reportId}/employee-assessment-mail");
        rule(Rule.LINK, "GET /a/{token}", "GET /a", "POST /a", "GET /a/thanks");
        // Two-factor authentication (issue 5): the second login step sends a fully signed-in user on to "/"
        rule(Rule.SIGNED_IN, "GET /login/code", "POST /login/code", "GET /account/two-factor",
                "POST /account/two-factor", "POST /account/two-factor/recovery-codes");
        // personal access tokens for the API: made by the roles that use it; revoked only by their owner ("coach")
        rule(Rule.STAFF, "POST /account/api-tokens");
        rule(Rule.CASE_COACH, "POST /account/api-tokens/{id}/revoke");
        rule(Rule.ADMIN, "POST /admin/users/{id}/two-factor");
        // accounts (issue 12): an invitation to set one's own password, opened by its one-time link
        rule(Rule.ADMIN, "POST /admin/users/{id}/invitation");
        rule(Rule.LINK, "GET /invitation/{token}", "GET /invitation", "POST /invitation");
        // full export of an organisation (issue 14, transfer): the manager their own, the administrator any
        rule(Rule.MANAGER, "GET /team/organisation-export", "POST /team/organisation-export");
        rule(Rule.ADMIN, "GET /admin/organisations/{id}/export", "POST /admin/organisations/{id}/export");
        // the knowledge circle (issue 16, module circle): coaches of every organisation take part, the organiser plans
        // and reports, researchers post calls for participation, the administrator creates circles
        rule(Rule.CIRCLE, "GET /circle", "GET /circle/meetings/{id}", "POST /circle/meetings/{id}/registration",
                "POST /circle/meetings/{id}/registration/cancel", "GET /circle/meetings/{id}/calendar.ics",
                "GET /circle/meetings/{id}/report", "GET /circle/archive", "GET /circle/attended", "GET /circle/cards",
                "GET /circle/cards/offer", "GET /circle/calls", "POST /circle/calls/{id}/signup",
                "POST /circle/calls/{id}/signup/cancel");
        rule(Rule.CIRCLE_ORGANISER, "GET /circle/manage/meetings/new", "POST /circle/manage/meetings",
                "POST /circle/manage/meetings/{id}/attendance", "GET /circle/manage/meetings/{id}/report",
                "POST /circle/manage/meetings/{id}/report", "POST /circle/manage/meetings/{id}/report/publish",
                "GET /circle/manage/cards/new", "POST /circle/manage/cards", "GET /circle/manage/cards/{id}",
                "POST /circle/manage/cards/{id}");
        rule(Rule.RESEARCHER, "GET /research/calls", "POST /research/calls", "GET /research/calls/{id}");
        rule(Rule.ADMIN, "GET /admin/circles", "POST /admin/circles", "POST /admin/circles/{id}/organiser");
        // knowledge circle, live session (circle.live): a meeting of a circle organised by "manager"
        rule(Rule.LIVE, "GET /circle/meetings/{id}/live", "GET /circle/meetings/{id}/live/poll",
                "GET /circle/meetings/{id}/live/events", "POST /circle/meetings/{id}/live/polls/{pollId}/votes",
                "POST /circle/meetings/{id}/live/questions",
                "POST /circle/meetings/{id}/live/questions/{questionId}/upvote");
        rule(Rule.LIVE_ORGANISER, "GET /circle/meetings/{id}/live/organise",
                "POST /circle/meetings/{id}/live/organise/polls",
                "POST /circle/meetings/{id}/live/organise/polls/{pollId}/close",
                "POST /circle/meetings/{id}/live/organise/polls/{pollId}/reveal",
                "POST /circle/meetings/{id}/live/organise/questions/{questionId}/answered",
                "POST /circle/meetings/{id}/live/organise/questions/{questionId}/hide",
                "POST /circle/meetings/{id}/live/organise/competencies",
                "POST /circle/meetings/{id}/live/organise/competencies/{competencyId}/remove");
        // the import (issue 14): manager and administrator; another user's or an unknown upload goes back to the page
        rule(Rule.IMPORT, "GET /transfer/import", "POST /transfer/import", "GET /transfer/import/{run}",
                "GET /transfer/import/{run}/progress", "POST /transfer/import/{run}/start",
                "GET /transfer/import/template.csv", "GET /transfer/import/template.xlsx");
    }

    /** Spring Boot Actuator's routes (not in the handler list above; README "Operating"). */
    private static final Map<String, Rule> ACTUATOR = Map.of("GET /actuator/health", Rule.PUBLIC,
            "GET /actuator/health/liveness", Rule.PUBLIC, "GET /actuator/health/readiness", Rule.PUBLIC,
            "GET /actuator/health/db", Rule.ADMIN, "GET /actuator/prometheus", Rule.ADMIN,
            "GET /actuator/metrics", Rule.ADMIN, "GET /actuator/metrics/jvm.memory.used", Rule.ADMIN,
            "GET /actuator/info", Rule.ADMIN, "GET /actuator", Rule.ADMIN);

    @Test
    void actuatorRoutesArePublicProbesOrForAdministrators() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var route : ACTUATOR.entrySet()) {
            String path = route.getKey().substring(4);
            for (String user : USERS) {
                var call = get(path);
                if (!user.equals("anonymous")) {
                    call.with(data.as(user));
                }
                var response = mvc.perform(call).andReturn().getResponse();
                int status = response.getStatus();
                boolean toLogin = status == 302 && String.valueOf(response.getRedirectedUrl()).contains("/login");
                String outcome = user + " " + route.getKey() + " -> " + status;
                if (route.getValue().allowed.contains(user)) {
                    if (status != 200) {
                        wrong.add(outcome + " (should be allowed)");
                    }
                } else if (user.equals("anonymous") ? !toLogin : status != 403) {
                    wrong.add(outcome + " (should be refused)");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void rule(Rule rule, String... routes) {
        for (String route : routes) {
            RULES.put(route, rule);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired MeasurementManagement measurement;
    @Autowired UserDetailsService users;
    @Autowired PlanManagement plans;
    @Autowired AccountabilityManagement accountability;
    @Autowired ApiTokens apiTokens;
    @Autowired ContactManagement contacts;
    @Autowired CorrectionRequests correctionRequests;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;

    /** Every route the application serves, as "METHOD pattern" (a route without a method counts as GET). */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        handlers.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Spring Boot's error page, reached only by forwarding
                }
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                } else {
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        });
        return routes;
    }

    @Test
    void everyRouteHasARule() {
        var missing = new TreeSet<>(routes());
        missing.removeAll(RULES.keySet());
        assertThat(missing).as("routes without a rule in AccessMatrixTests").isEmpty();
        var stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(routes());
        assertThat(stale).as("rules for routes that no longer exist").isEmpty();
    }

    @Test
    void everyRoleIsAllowedOrRefusedOnEveryRoute() throws Exception {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long trajectory = trajectories.start(coach, new StartTrajectoryForm(null, "Matrix", "Toegang",
                LocalDate.of(1999, 1, 1), null, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Matrix BV", "Tester", new BigDecimal("20"), ContractType.TEMPORARY, today, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", trajectory).query(Long.class).single();
        measurement.submit(coach, trajectory, wave, Respondent.COACH, Map.of("job_fit", 7, "rapport_coach", 4,
                "employer_support", 3, "life_domains", List.of("none"), "care_providers", List.of("none"),
                "care_conflict", "no", "expected_retention", 4, "hours_sufficient", "enough"));
        // before the signal: logging a contact recomputes the indicators, which would resolve it
        contacts.log(coach, trajectory, LogContactForm.empty(today));
        long contact = jdbc.sql("select max(id) from contact where trajectory_id = :t").param("t", trajectory)
                .query(Long.class).single();
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on) values (:t, 'LOW_RAPPORT', "
                + "'matrix', :d)").param("t", trajectory).param("d", today).update();
        long signal = jdbc.sql("select id from signal where trigger_key = 'matrix' and trajectory_id = :t")
                .param("t", trajectory).query(Long.class).single();
        long someUser = data.userId("coach2");
        long project = data.exportProject("onderzoeker", "manager", "Matrix");
        long goal = plans.addGoal(coach, trajectory, new GoalForm("Matrix goal", Set.of(), true, true, today));
        jdbc.sql("insert into grant_rule (commissioner_id, hours_per_period, period_months, max_duration_months, "
                + "report_every_months, report_template, satisfaction_norm) select :c, 10, 6, 12, 6, 'UWV', 6.5 "
                + "where not exists (select 1 from grant_rule where commissioner_id = :c)").param("c", commissioner)
                .update();
        long report = accountability.generate(coach, trajectory, today);
        long correctionRequest = correctionRequests.request(data.employeeIdOf(trajectory), "Matrix");
        // A mail kept in the outbox with its link (demo mode), for the administrator's "open the link".
        jdbc.sql("""
                insert into questionnaire_mail (wave_id, respondent, person_id, kind, address, language, subject, body,
                  delivery, link_base, created_at)
                values (:w, 'EMPLOYEE', null, 'INVITATION', 'matrix@example.org', 'nl', 'Matrix',
                  'http://localhost/q/' || :t, 'OUTBOX', 'http://localhost', current_timestamp)""")
                .param("w", wave).param("t", "m".repeat(43)).update();
        long apiToken = apiTokens.create(coach.id(), "Matrix", today.plusDays(1), false).id();
        long outboxMail = jdbc.sql("select max(id) from questionnaire_mail where address = 'matrix@example.org'")
                .query(Long.class).single();
        // the knowledge circle: a past meeting of the demo circle with a published report, a card, a research call
        long circle = jdbc.sql("select min(id) from circle where organiser_id = :u").param("u", data.userId("manager"))
                .query(Long.class).single();
        jdbc.sql("insert into meeting (circle_id, title, starts_at, ends_at, format, place, capacity, created_by, "
                + "created_at, report, report_published_at) values (:c, 'Matrix', :s, :e, 'IN_PERSON', 'Zaal', 10, :u, "
                + "current_timestamp, 'Verslag', current_timestamp)").param("c", circle)
                .param("s", java.time.OffsetDateTime.now().minusDays(2)).param("e", java.time.OffsetDateTime.now()
                        .minusDays(2).plusHours(2)).param("u", data.userId("manager")).update();
        long meeting = jdbc.sql("select max(id) from meeting where title = 'Matrix'").query(Long.class).single();
        long card = jdbc.sql("select min(id) from knowledge_card where circle_id = :c").param("c", circle)
                .query(Long.class).single();
        jdbc.sql("insert into research_call (researcher_id, study, asks, contact, created_at) values (:r, 'Matrix', "
                + "'Matrix', 'matrix@example.org', current_timestamp)").param("r", data.userId("onderzoeker")).update();
        long researchCall = jdbc.sql("select max(id) from research_call where study = 'Matrix'").query(Long.class).single();
        // a live session of a circle organised by "manager": an open poll, two questions, a competency
        var live = new nl.jobcoachmonitor.circle.live.LiveFixtures(jdbc);
        long liveMeeting = live.meetingOrganisedBy("manager", 4);
        mvc.perform(request(HttpMethod.POST, "/circle/meetings/" + liveMeeting + "/live/organise/polls")
                .param("kind", "COMPETENCIES").with(data.as("manager")).with(csrf()));
        long livePoll = live.openPoll(liveMeeting);
        for (String key : List.of("matrix-1-" + liveMeeting, "matrix-2-" + liveMeeting)) {
            mvc.perform(request(HttpMethod.POST, "/circle/meetings/" + liveMeeting + "/live/questions")
                    .param("text", "Matrix").param("submissionKey", key).with(data.as("coach")).with(csrf()));
        }
        List<Long> liveQuestions = jdbc.sql("select id from live_question where meeting_id = :m order by id")
                .param("m", liveMeeting).query(Long.class).list();
        long liveCompetency = jdbc.sql("select min(c.id) from circle_competency c join meeting m on m.circle_id = "
                + "c.circle_id where m.id = :m").param("m", liveMeeting).query(Long.class).single();

        List<String> wrong = new ArrayList<>();
        for (String route : routes()) {
            Rule rule = RULES.get(route);
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            long id = pattern.startsWith("/admin/users") ? someUser : pattern.startsWith("/signals") ? signal
                    : pattern.startsWith("/research/projects/") || pattern.startsWith("/team/exports/") ? project
                    : pattern.startsWith("/admin/commissioners") ? commissioner
                    : pattern.startsWith("/admin/organisations/") ? data.organisationOf("manager")
                    : pattern.startsWith("/admin/outbox/") ? outboxMail
                    : pattern.startsWith("/account/api-tokens/") ? apiToken
                    : pattern.startsWith("/circle/meetings/") && pattern.contains("/live") ? liveMeeting
                    : pattern.startsWith("/circle/meetings/") || pattern.startsWith("/circle/manage/meetings/") ? meeting
                    : pattern.startsWith("/circle/manage/cards/") ? card
                    : pattern.startsWith("/circle/calls/") || pattern.startsWith("/research/calls/") ? researchCall
                    : pattern.startsWith("/admin/circles/") ? circle : trajectory;
            String path = pattern.replace("{id}", String.valueOf(id)).replace("{waveId}", String.valueOf(wave))
                    .replace("{respondent}", "coach").replace("{token}", "x".repeat(43))
                    .replace("{file}", "codebook.csv").replace("{goalId}", String.valueOf(goal))
                    .replace("{reportId}", String.valueOf(report)).replace("{contactId}", String.valueOf(contact))
                    .replace("{signalId}", String.valueOf(correctionRequest))
                    .replace("{pollId}", String.valueOf(livePoll)).replace("{competencyId}", String.valueOf(liveCompetency))
                    .replace("{questionId}", String.valueOf(liveQuestions.get(pattern.endsWith("/hide") ? 1 : 0)))
                    .replace("{run}", "no-such-upload");
            boolean api = pattern.startsWith("/api/v1/");
            for (String user : USERS) {
                // From an address of its own: the bad tokens tried on every link route count towards the
                // personal-link guessing limit of that address only (PersonalLinkGuard), not of the other tests'.
                var call = request(HttpMethod.valueOf(method), path).with(r -> {
                    r.setRemoteAddr("192.0.2.99");
                    return r;
                });
                if (!user.equals("anonymous")) {
                    call.with(data.as(user));
                }
                if (method.equals("POST")) {
                    call.with(csrf());
                    if (api) {
                        call.contentType("application/json").content("{}");
                    }
                }
                var response = mvc.perform(call).andReturn().getResponse();
                int status = response.getStatus();
                String location = String.valueOf(response.getRedirectedUrl());
                boolean toLogin = status == 302 && location.contains("/login");
                boolean refused = status == 403 || status == 404 || status == 401 || toLogin;
                String outcome = user + " " + route + " -> " + status + (status == 302 ? " " + location : "");
                if (rule == Rule.LINK) {
                    if (status == 401 || status == 403 || toLogin) {
                        wrong.add(outcome + " (a link route must not ask for a login)");
                    }
                } else if (rule.allowed.contains(user)) {
                    if (refused) {
                        wrong.add(outcome + " (should be allowed)");
                    }
                } else if (user.equals("anonymous")) {
                    if (!(api ? status == 401 : toLogin)) {
                        wrong.add(outcome + " (anonymous should be sent to the login)");
                    }
                } else if (status != 403 && status != 404 && !(api && method.equals("POST") && status == 400)) {
                    // (An API request whose body does not parse is answered 400 before its scope is looked at:
                    // the same for every id, so it tells nothing and does nothing.)
                    wrong.add(outcome + " (should be refused with 403 or 404)");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
