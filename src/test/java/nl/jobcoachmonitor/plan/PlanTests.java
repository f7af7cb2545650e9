package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The coaching plan on a real database: goals, contacts linked to them, grant rules, warnings and access. */
@IntegrationTest
class PlanTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired PlanManagement plans;
    @Autowired GrantRules rules;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    /** A new commissioner with its own grant rules and a trajectory for it, started ten days ago. */
    long trajectoryUnderNewGrant(String commissioner, String hours) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'MUNICIPALITY')").param("n", commissioner)
                .update();
        long commissionerId = jdbc.sql("select id from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single();
        rules.save(new GrantRule(commissionerId, new BigDecimal(hours), 6, 24, 6, ReportTemplate.MUNICIPALITY,
                new BigDecimal("7.0")));
        LocalDate start = LocalDate.now().minusDays(10); // recent: its waves are not overdue (other tests count those)
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Plan", commissioner.replace(' ', '-'),
                LocalDate.of(1998, 5, 5), null, null, commissionerId, TrajectoryPhase.COACHING, start, null,
                "Plan BV", "Medewerker", new BigDecimal("24"), ContractType.TEMPORARY, start, null));
    }

    LogContactForm contact(int minutes, Set<Long> goals) {
        return new LogContactForm(LocalDate.now(), minutes, Party.EMPLOYEE, ContactMode.WORKPLACE_VISIT,
                Set.of(Theme.STRESS), "notitie", "Werkdruk bespreken", goals);
    }

    @Test
    void contactsLinkedToAGoalAddUpToItsHoursSharedOverTheGoalsTheyServe() {
        long id = trajectoryUnderNewGrant("Gemeente Doelstad", "40");
        long first = plans.addGoal(coach(), id, new GoalForm("Ik wil op tijd pauze nemen", Set.of(Theme.LIMITS),
                true, true, LocalDate.now().plusMonths(3)));
        long second = plans.addGoal(coach(), id, new GoalForm("Ik wil mijn rooster zelf bespreken",
                Set.of(Theme.COMMUNICATION), true, false, LocalDate.now().plusMonths(3)));
        contacts.log(coach(), id, contact(60, Set.of(first)));
        contacts.log(coach(), id, contact(90, Set.of(first, second)));
        contacts.log(coach(), id, contact(30, Set.of()));
        var section = plans.section(coach(), id);
        assertThat(section.goals()).extracting(Goal::hours).containsExactly(1.8, 0.8);
        assertThat(section.use().hoursUsed()).isEqualTo(3.0);
        assertThat(section.use().hoursGranted()).isEqualTo(40.0);
        assertThat(section.use().level()).isEqualTo(GrantUse.Level.OK);
        var timeline = contacts.timeline(coach(), id);
        assertThat(timeline).anySatisfy(e -> assertThat(e.goals()).containsExactlyInAnyOrder(first, second));
        assertThat(timeline).allSatisfy(e -> assertThat(e.reason()).isEqualTo("Werkdruk bespreken"));
    }

    @Test
    void aContactCannotBeLinkedToAGoalOfAnotherTrajectory() {
        long mine = trajectoryUnderNewGrant("Gemeente Eigenstad", "40");
        long other = trajectoryUnderNewGrant("Gemeente Anderstad", "40");
        long foreign = plans.addGoal(coach(), other, new GoalForm("Ander doel", Set.of(), true, true,
                LocalDate.now().plusMonths(1)));
        long before = data.count("contact");
        assertThatThrownBy(() -> contacts.log(coach(), mine, contact(30, Set.of(foreign))))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(data.count("contact")).isEqualTo(before);
    }

    @Test
    void theTrajectoryPageWarnsAtEightyPercentAndFlagsHoursBeyondTheGrant() throws Exception {
        long id = trajectoryUnderNewGrant("Gemeente Urenstad", "10");
        contacts.log(coach(), id, contact(480, Set.of()));
        contacts.log(coach(), id, contact(60, Set.of()));
        String page = mvc.perform(get("/trajectories/{id}", id).with(data.as(PlanCoach.ensure(jdbc)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"grant-warning\"").contains("90% van de toegekende uren");
        contacts.log(coach(), id, contact(120, Set.of()));
        page = mvc.perform(get("/trajectories/{id}", id).with(data.as(PlanCoach.ensure(jdbc)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Er is 1,0 uur meer vastgelegd dan toegekend");
        assertThat(plans.section(coach(), id).use().hoursUsed()).isEqualTo(11.0);
        String team = mvc.perform(get("/team").with(data.as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(team).contains("Gemeente Urenstad").contains("Per opdrachtgever");
        // the team's total for the commissioner: the same hours as the trajectory's own section
        var grants = plans.team((CurrentUser) users.loadUserByUsername("manager"));
        assertThat(grants.perCommissioner()).filteredOn(t -> t.name().equals("Gemeente Urenstad")).singleElement()
                .satisfies(t -> {
                    assertThat(t.hoursUsed()).isEqualTo(11.0);
                    assertThat(t.hoursGranted()).isEqualTo(10.0);
                });
    }

    @Test
    void theCoachWritesAndReviewsGoalsAndTheHistoryIsKept() throws Exception {
        long id = trajectoryUnderNewGrant("Gemeente Evaluatiestad", "40");
        mvc.perform(post("/trajectories/{id}/goals", id).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                .param("description", "").param("reviewOn", "")).andExpect(status().isOk());
        mvc.perform(post("/trajectories/{id}/goals", id).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("description", "Ik wil <script>alert(1)</script> zelf plannen")
                        .param("themes", "SELF_MANAGEMENT").param("agreedWithEmployee", "true")
                        .param("reviewOn", LocalDate.now().plusMonths(2).toString()))
                .andExpect(status().is3xxRedirection());
        long goal = jdbc.sql("select id from goal where trajectory_id = :t").param("t", id).query(Long.class).single();
        String invalid = mvc.perform(post("/trajectories/{id}/goals/{g}/review", id, goal).with(data.as(PlanCoach.ensure(jdbc)))
                        .with(csrf()).param("status", "CHANGED").param("newDescription", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("Schrijf bij een gewijzigd doel de nieuwe formulering op.");
        mvc.perform(post("/trajectories/{id}/goals/{g}/review", id, goal).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("status", "CHANGED").param("newDescription", "Ik wil mijn week zelf plannen")
                        .param("nextReviewOn", LocalDate.now().plusMonths(3).toString()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/trajectories/{id}/plan", id).with(data.as("manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ik wil mijn week zelf plannen").contains("Gewijzigd")
                .contains("Ik wil &lt;script&gt;alert(1)&lt;/script&gt; zelf plannen").doesNotContain("<script>alert");
        assertThat(plans.section(coach(), id).goals().get(0).reviews()).hasSize(1);
    }

    @Test
    void onlyTheCoachWritesAndOnlyCoachAndManagerSeeThePlan() throws Exception {
        long id = trajectoryUnderNewGrant("Gemeente Toegangstad", "40");
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(get("/trajectories/{id}/plan", id).with(data.as("coach2"))).andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("coach2")).isGreaterThan(denied);
        mvc.perform(post("/trajectories/{id}/goals", id).with(data.as("manager")).with(csrf())
                .param("description", "Doel").param("reviewOn", LocalDate.now().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trajectories/{id}/plan", id).with(data.as("admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/trajectories/{id}/plan", id).with(data.as("gemeente"))).andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorSetsGrantRulesAndBadInputGetsAMessage() throws Exception {
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        String bad = mvc.perform(post("/admin/commissioners/{id}/grant", commissioner).with(data.as("admin"))
                        .with(csrf()).param("hoursPerPeriod", "-3").param("periodMonths", "6")
                        .param("maxDurationMonths", "24").param("reportEveryMonths", "6").param("template", "UWV")
                        .param("satisfactionNorm", "11"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("hoursPerPeriod-error").contains("satisfactionNorm-error");
        assertThat(rules.of(commissioner).orElseThrow().hoursPerPeriod()).isEqualByComparingTo("40");
        String page = mvc.perform(get("/admin/commissioners/{id}/grant", commissioner).with(data.as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Subsidieregels van UWV").contains("value=\"6,5\"").contains("value=\"40\"");
    }

    @Test
    void everyNewGrantRuleVersionIsLoggedAndSaysWhenTheReportAddressChanged() throws Exception {
        long commissioner = jdbc.sql("select id from commissioner where name = 'UWV'").query(Long.class).single();
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        mvc.perform(post("/admin/commissioners/{id}/grant", commissioner).with(data.as("admin")).with(csrf())
                        .param("hoursPerPeriod", "40").param("periodMonths", "6").param("maxDurationMonths", "24")
                        .param("reportEveryMonths", "6").param("template", "UWV").param("satisfactionNorm", "6.5")
                        .param("reportEmail", "elders@example.org"))
                .andExpect(status().is3xxRedirection());
        var logged = jdbc.sql("select username || ' ' || action || ' ' || object_id from audit_event where id > :b "
                + "and object_type = 'grant_rule'").param("b", before).query(String.class).list();
        assertThat(logged).singleElement().asString().startsWith("admin CHANGE commissioner " + commissioner)
                .endsWith(", report address changed");
    }
}
