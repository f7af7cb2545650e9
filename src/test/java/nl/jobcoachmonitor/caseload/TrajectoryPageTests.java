package nl.jobcoachmonitor.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The coach's pages on a real database: caseload, trajectory, contact log, forms and their bad input. */
@IntegrationTest
class TrajectoryPageTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private MockHttpServletRequestBuilder logContact(long id, String minutes, LocalDate on) {
        return logContact(id, minutes, on, "EMPLOYEE");
    }

    private MockHttpServletRequestBuilder logContact(long id, String minutes, LocalDate on, String party) {
        return post("/trajectories/{id}/contacts", id).with(data.as("coach")).with(csrf())
                .header("HX-Request", "true")
                .param("contactOn", on.toString()).param("minutes", minutes)
                .param("party", party).param("mode", "WORKPLACE_VISIT")
                .param("themes", "STRESS").param("themes", "LIMITS").param("note", "Gesprek over werkdruk");
    }

    @Test
    void caseloadShowsOnlyTheCoachsOwnRunningTrajectoriesWithTheirHours() throws Exception {
        var own = data.trajectoriesOf("coach");
        String page = mvc.perform(get("/caseload").with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (long id : own) {
            assertThat(page).contains("/trajectories/" + id + "\"");
        }
        for (long id : data.trajectoriesOf("coach2")) {
            assertThat(page).doesNotContain("/trajectories/" + id + "\"");
        }
        assertThat(page).contains("Uren deze maand").contains("Laatste contact");
    }

    @Test
    void caseloadFiltersByPhaseAndSearchesByName() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        String name = data.employeeNameOf(id);
        String lastName = name.substring(name.indexOf(' ') + 1);
        mvc.perform(get("/caseload").param("q", lastName.toUpperCase()).with(data.as("coach")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(name)));
        mvc.perform(get("/caseload").param("phase", "CLOSED").param("q", lastName).with(data.as("coach"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/trajectories/" + id + "\""))));
    }

    @Test
    void loggingAContactUpdatesTheHoursThisMonthInTheSwappedSection() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 0);
        String before = mvc.perform(get("/trajectories/{id}", id).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        double hoursBefore = hoursThisMonth(before);
        String fragment = mvc.perform(logContact(id, "90", LocalDate.now()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).startsWith("<section id=\"contacts\"").doesNotContain("<html");
        assertThat(hoursThisMonth(fragment)).isEqualTo(hoursBefore + 1.5, org.assertj.core.data.Offset.offset(0.05));
        assertThat(fragment).contains("Het contact is vastgelegd").contains("Gesprek over werkdruk");
    }

    @Test
    void theTimelineShowsTheRecentContactsAndAllOnRequest() throws Exception {
        long id = jdbc.sql("select trajectory_id from contact group by trajectory_id having count(*) > 25 "
                + "order by trajectory_id limit 1").query(Long.class).single();
        String coach = jdbc.sql("select u.username from trajectory t join app_user u on u.id = t.coach_id "
                + "where t.id = :id").param("id", id).query(String.class).single();
        long total = data.count("contact", "trajectory_id = :p", id);
        String recent = mvc.perform(get("/trajectories/{id}", id).with(data.as(coach)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(countOf(recent, "<div class=\"timeline-head\">")).isEqualTo(nl.jobcoachmonitor.coaching.ContactSection.RECENT);
        assertThat(recent).contains("Alle " + total + " contacten tonen");
        String all = mvc.perform(get("/trajectories/{id}", id).param("contacts", "all").with(data.as(coach)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(countOf(all, "<div class=\"timeline-head\">")).isEqualTo((int) total);
        assertThat(all).doesNotContain("contacten tonen");
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void withoutJavascriptTheContactFormRedirectsBackToTheTrajectory() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 1);
        mvc.perform(post("/trajectories/{id}/contacts", id).with(data.as("coach")).with(csrf())
                        .param("contactOn", LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYER").param("mode", "PHONE"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/trajectories/" + id + "*"));
    }

    @Test
    void badContactInputIsExplainedAtTheFieldInDutchAndEnglishAndNothingIsStored() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 0);
        long contacts = data.count("contact");
        mvc.perform(logContact(id, "45", LocalDate.now().plusDays(3)))
                .andExpect(content().string(containsString("Deze datum ligt in de toekomst.")))
                .andExpect(content().string(containsString("id=\"contactOn-error\"")));
        mvc.perform(logContact(id, "-30", LocalDate.now()))
                .andExpect(content().string(containsString("De waarde moet minstens 1 zijn.")));
        mvc.perform(logContact(id, "10000", LocalDate.now()))
                .andExpect(content().string(containsString("De waarde mag hoogstens 480 zijn.")));
        mvc.perform(logContact(id, "abc", LocalDate.now()).param("lang", "en"))
                .andExpect(content().string(containsString("Fill in a whole number.")));
        mvc.perform(logContact(id, "30", LocalDate.now()).param("themes", "ASTROLOGY"))
                .andExpect(content().string(containsString("Deze waarde is ongeldig.")));
        mvc.perform(logContact(id, "30", LocalDate.now(), "NEIGHBOUR"))
                .andExpect(content().string(containsString("Deze waarde is ongeldig.")));
        assertThat(data.count("contact")).isEqualTo(contacts);
    }

    @Test
    void aForbiddenPhaseJumpIsRefusedAtTheFieldAndNothingChanges() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 2);
        long changes = data.count("phase_change", "trajectory_id = :p", id);
        mvc.perform(post("/trajectories/{id}/phase", id).with(data.as("coach")).with(csrf())
                        .param("version", String.valueOf(data.version(id))).param("phase", "JOB_SEARCH")
                        .param("changedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze overgang tussen fasen is niet toegestaan.")));
        mvc.perform(post("/trajectories/{id}/phase", id).with(data.as("coach")).with(csrf())
                        .param("version", String.valueOf(data.version(id))).param("phase", "HOLIDAY")
                        .param("changedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze waarde is ongeldig.")));
        mvc.perform(post("/trajectories/{id}/phase", id).with(data.as("coach")).with(csrf())
                        .param("version", String.valueOf(data.version(id))).param("phase", "CLOSED")
                        .param("changedOn", LocalDate.now().toString()))
                .andExpect(content().string(containsString("Kies een reden om het traject af te sluiten.")));
        assertThat(data.count("phase_change", "trajectory_id = :p", id)).isEqualTo(changes);
    }

    @Test
    void aSecondEditorOfTheSameVersionIsToldAndNothingIsOverwritten() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 3);
        String version = String.valueOf(data.version(id));
        mvc.perform(post("/trajectories/{id}/job-changes", id).with(data.as("coach")).with(csrf())
                        .param("version", version).param("changedOn", LocalDate.now().toString())
                        .param("kind", "NEW_TASKS").param("note", "Eerste"))
                .andExpect(status().is3xxRedirection());
        long changes = data.count("job_change", "trajectory_id = :p", id);
        mvc.perform(post("/trajectories/{id}/job-changes", id).with(data.as("manager")).with(csrf())
                        .param("version", version).param("changedOn", LocalDate.now().toString())
                        .param("kind", "OTHER").param("note", "Tweede"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Iemand anders heeft dit traject intussen gewijzigd.")));
        assertThat(data.count("job_change", "trajectory_id = :p", id)).isEqualTo(changes);
        assertThat(data.count("job_change", "note = :p", "Tweede")).isZero();
    }

    @Test
    void coachStartsATrajectoryForANewEmployeeAndFindsItInTheCaseload() throws Exception {
        var result = mvc.perform(post("/trajectories").with(data.as("coach")).with(csrf())
                        .param("firstName", "Noor").param("lastName", "Testbeek")
                        .param("birthDate", "1998-04-02").param("commissionerId", String.valueOf(anyCommissioner()))
                        .param("phase", "COACHING").param("startedOn", LocalDate.now().toString())
                        .param("newEmployerName", "Bakkerij De Korenschoof").param("jobTitle", "Medewerker bakkerij")
                        .param("contractHours", "20").param("contractType", "TEMPORARY")
                        .param("jobStartedOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/trajectories/\\d+");
        mvc.perform(get(location).with(data.as("coach"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Noor Testbeek")))
                .andExpect(content().string(containsString("Bakkerij De Korenschoof")));
        mvc.perform(get("/caseload").param("q", "testbeek").with(data.as("coach")))
                .andExpect(content().string(containsString("Noor Testbeek")));
        mvc.perform(get(location).with(data.as("coach2"))).andExpect(status().isNotFound());
    }

    @Test
    void aTrajectoryOnTheJobWithoutAJobOrWithAnEndInTheFutureIsRefused() throws Exception {
        long trajectories = data.count("trajectory");
        long employees = data.count("employee");
        mvc.perform(post("/trajectories").with(data.as("coach")).with(csrf())
                        .param("firstName", "Sem").param("lastName", "Zonderbaan").param("birthDate", "2000-01-01")
                        .param("commissionerId", String.valueOf(anyCommissioner())).param("phase", "COACHING")
                        .param("startedOn", LocalDate.now().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kies een werkgever.")));
        mvc.perform(post("/trajectories").with(data.as("coach")).with(csrf())
                        .param("firstName", "Sem").param("lastName", "Zonderbaan").param("birthDate", "2000-01-01")
                        .param("commissionerId", String.valueOf(anyCommissioner())).param("phase", "JOB_SEARCH")
                        .param("startedOn", LocalDate.now().plusMonths(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Deze datum ligt in de toekomst.")));
        assertThat(data.count("trajectory")).isEqualTo(trajectories);
        assertThat(data.count("employee")).isEqualTo(employees);
    }

    @Test
    void managerStartsATrajectoryForAChosenCoachOfTheOrganisation() throws Exception {
        long trajectories = data.count("trajectory");
        mvc.perform(post("/trajectories").with(data.as("manager")).with(csrf())
                        .param("firstName", "Ilse").param("lastName", "Zonderkeuze").param("birthDate", "1997-02-02")
                        .param("commissionerId", String.valueOf(anyCommissioner())).param("phase", "JOB_SEARCH")
                        .param("startedOn", LocalDate.now().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een jobcoach van de eigen organisatie.")));
        assertThat(data.count("trajectory")).isEqualTo(trajectories);
        String location = mvc.perform(post("/trajectories").with(data.as("manager")).with(csrf())
                        .param("firstName", "Ilse").param("lastName", "Gekozen").param("birthDate", "1997-02-02")
                        .param("commissionerId", String.valueOf(anyCommissioner())).param("phase", "JOB_SEARCH")
                        .param("startedOn", LocalDate.now().toString())
                        .param("coachId", String.valueOf(data.userId("coach2"))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(data.as("coach2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ilse Gekozen")));
    }

    @Test
    void managerReassignsATrajectoryAndTheHistoryKeepsTheFormerCoach() throws Exception {
        var started = mvc.perform(post("/trajectories").with(data.as("coach")).with(csrf())
                        .param("firstName", "Jesse").param("lastName", "Overdracht").param("birthDate", "1995-06-15")
                        .param("commissionerId", String.valueOf(anyCommissioner())).param("phase", "JOB_SEARCH")
                        .param("startedOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(started.substring(started.lastIndexOf('/') + 1));
        mvc.perform(post("/trajectories/{id}/coach", id).with(data.as("coach")).with(csrf())
                        .param("version", String.valueOf(data.version(id)))
                        .param("coachId", String.valueOf(data.userId("coach2"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/coach", id).with(data.as("manager")).with(csrf())
                        .param("version", String.valueOf(data.version(id)))
                        .param("coachId", String.valueOf(data.userId("coach2"))).param("reason", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("reason-error")));
        assertThat(data.count("coach_assignment", "trajectory_id = :p", id)).isEqualTo(1);
        mvc.perform(post("/trajectories/{id}/coach", id).with(data.as("manager")).with(csrf())
                        .param("version", String.valueOf(data.version(id)))
                        .param("coachId", String.valueOf(data.userId("coach2")))
                        .param("reason", "Coach met verlof, <i>drie</i> maanden"))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("coach_assignment", "trajectory_id = :p", id)).isEqualTo(2);
        // the new coach sees the handover on the caseload: by whom, when and why
        String caseload = mvc.perform(get("/caseload").param("q", "Overdracht").with(data.as("coach2")))
                .andReturn().getResponse().getContentAsString();
        String manager = jdbc.sql("select display_name from app_user where username = 'manager'")
                .query(String.class).single();
        assertThat(caseload).contains("Nieuw voor jou").contains("overgedragen door " + manager + " op ")
                .contains(": Coach met verlof, &lt;i&gt;drie&lt;/i&gt; maanden");
        mvc.perform(get("/trajectories/{id}", id).with(data.as("coach"))).andExpect(status().isNotFound());
        mvc.perform(get("/trajectories/{id}", id).with(data.as("coach2"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jesse Overdracht")));
    }

    @Test
    void theManagerSeesWhichCoachEachSignalIsFor() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        jdbc.sql("insert into signal (trajectory_id, kind, trigger_key, raised_on) values (:t, 'LOW_RAPPORT', "
                + "'coach-shown', :d)").param("t", id).param("d", LocalDate.now()).update();
        String manager = mvc.perform(get("/caseload").with(data.as("manager"))).andReturn().getResponse()
                .getContentAsString();
        // every signal shown (at most 20) names its coach; the demo coach's new one among them when in the first 20
        long shown = java.util.regex.Pattern.compile("class=\"signal-coach\"").matcher(manager).results().count();
        long listed = java.util.regex.Pattern.compile("<li id=\"signal-").matcher(manager).results().count();
        assertThat(shown).isPositive().isEqualTo(listed);
        assertThat(manager).containsPattern("\\(jobcoach: [^)]+\\)");
        String coach = mvc.perform(get("/caseload").with(data.as("coach"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(coach).doesNotContain("(jobcoach: ");
    }

    @Test
    void theReassignDialogShowsEachCoachsCaseloadSize() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        long coach2 = data.userId("coach2");
        long running = jdbc.sql("select count(*) from trajectory where coach_id = :c and phase <> 'CLOSED'")
                .param("c", coach2).query(Long.class).single();
        String coach2Name = jdbc.sql("select display_name from app_user where id = :c").param("c", coach2)
                .query(String.class).single();
        mvc.perform(get("/trajectories/{id}/coach", id).with(data.as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">" + coach2Name + " (" + running + " lopende trajecten)<")))
                .andExpect(content().string(containsString("Reden van de overdracht")));
    }

    @Test
    void personalPagesAreNeverCachedAndCarryAContentSecurityPolicy() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        mvc.perform(get("/trajectories/{id}", id).with(data.as("coach")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 0);
        long contacts = data.count("contact");
        mvc.perform(post("/trajectories/{id}/contacts", id).with(data.as("coach"))
                        .param("contactOn", LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYEE").param("mode", "PHONE"))
                .andExpect(status().isForbidden());
        assertThat(data.count("contact")).isEqualTo(contacts);
    }

    private long anyCommissioner() {
        return data.commissionerOf("gemeente");
    }

    private static double hoursThisMonth(String html) {
        var m = java.util.regex.Pattern.compile("id=\"hours-this-month\">([0-9.,]+)<").matcher(html);
        assertThat(m.find()).as("hours this month on the page").isTrue();
        return Double.parseDouble(m.group(1).replace(',', '.'));
    }
}
