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
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The accountability report: generated, completed, signed off and frozen, corrected by a new version, as PDF. */
@IntegrationTest
class AccountabilityReportTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired PlanManagement plans;
    @Autowired AccountabilityManagement accountability;
    @Autowired GrantRules rules;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long trajectory(String commissioner, LocalDate start) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'UWV')").param("n", commissioner).update();
        long id = jdbc.sql("select id from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single();
        rules.save(new GrantRule(id, new BigDecimal("20"), 6, 24, 6, ReportTemplate.UWV, new BigDecimal("6.5")));
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Rapport", commissioner.replace(' ', '-'),
                LocalDate.of(1997, 3, 3), null, null, id, TrajectoryPhase.COACHING, start, null, "Rapport BV",
                "Medewerker", new BigDecimal("20"), ContractType.TEMPORARY, start, null));
    }

    @Test
    void theReportHasHoursPerGoalAndPartyIsFrozenWhenSignedAndCorrectedByANewVersion() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long id = trajectory("UWV Rapportregio", start);
        long goal = plans.addGoal(coach(), id, new GoalForm("Ik wil vier dagen per week werken", Set.of(), true,
                true, LocalDate.now().plusMonths(2)));
        contacts.log(coach(), id, new LogContactForm(start.plusDays(3), 90, Party.EMPLOYEE, ContactMode.OFFICE,
                Set.of(Theme.STRESS), "Vertelde over zijn depressie", "Rooster bespreken", Set.of(goal)));
        contacts.log(coach(), id, new LogContactForm(start.plusDays(10), 30, Party.EMPLOYER, ContactMode.PHONE,
                Set.of(), null, null, Set.of()));
        long reportId = accountability.generate(coach(), id, start);
        var report = accountability.report(coach(), id, reportId);
        assertThat(report.minutesTotal()).isEqualTo(120);
        assertThat(report.goals()).singleElement().satisfies(g -> assertThat(g.minutes()).isEqualTo(90));
        assertThat(report.parties()).extracting(AccountabilityReport.Line::label)
                .containsExactly("EMPLOYEE", "EMPLOYER");
        assertThat(report.unlinkedMinutes()).isEqualTo(30);

        mvc.perform(post("/trajectories/{id}/reports/{r}", id, reportId).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                .param("summary", "Goed verlopen <b>periode</b>").param("employeeGrade", "11"))
                .andExpect(status().isOk());
        mvc.perform(post("/trajectories/{id}/reports/{r}", id, reportId).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("summary", "Goed verlopen <b>periode</b>").param("employeeGrade", "8")
                        .param("employerGrade", "7").param("employerRemark", "Prettig contact"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId).with(data.as("manager")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("how", "HANDED_OVER").param("handedOverOn", LocalDate.now().toString()))
                .andExpect(status().isOk());
        assertThat(accountability.report(coach(), id, reportId).signed()).as("not confirmed").isFalse();
        mvc.perform(post("/trajectories/{id}/reports/{r}/sign", id, reportId).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                        .param("confirmed", "true").param("how", "HANDED_OVER")
                        .param("handedOverOn", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> accountability.save(coach(), id, reportId,
                new ReportForm("Anders", 9, null, 9, null))).isInstanceOf(ConflictException.class);
        mvc.perform(post("/trajectories/{id}/reports/{r}", id, reportId).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())
                .param("summary", "Anders")).andExpect(status().isConflict());
        assertThat(accountability.report(coach(), id, reportId).summary()).isEqualTo("Goed verlopen <b>periode</b>");

        long corrected = accountability.correct(coach(), id, reportId);
        var second = accountability.report(coach(), id, corrected);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.signed()).isFalse();
        assertThat(second.employeeGrade()).isEqualTo(8);
        assertThat(accountability.report(coach(), id, reportId).signed()).isTrue();

        String page = mvc.perform(get("/trajectories/{id}/reports/{r}", id, reportId).with(data.as("manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Goed verlopen &lt;b&gt;periode&lt;/b&gt;").doesNotContain("depressie")
                .doesNotContain("Rooster bespreken");
        mvc.perform(get("/trajectories/{id}/reports/{r}", id, reportId).with(data.as("coach2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trajectories/{id}/reports/{r}", id, reportId).with(data.as("gemeente")))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePdfIsRenderedWithoutABrowserAndSaysWhenAPeriodHadNoContacts() throws Exception {
        LocalDate start = LocalDate.now().minusDays(10);
        long id = trajectory("UWV Stilleregio", start);
        plans.addGoal(coach(), id, new GoalForm("Ik wil zelfstandig reizen naar mijn werk", Set.of(), true, false,
                LocalDate.now().plusMonths(2)));
        long reportId = accountability.generate(coach(), id, start);
        accountability.save(coach(), id, reportId, new ReportForm("Rustige start", 9, "Fijn", 8, null));
        byte[] pdf = mvc.perform(get("/trajectories/{id}/reports/{r}/pdf", id, reportId).with(data.as(PlanCoach.ensure(jdbc))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Verantwoording aan UWV Stilleregio")
                    .contains("In deze periode zijn geen contacten vastgelegd.")
                    .contains("Ik wil zelfstandig reizen naar mijn werk").contains("Open")
                    .contains("Rustige start").contains("0,0 uur besteed van 20,0 uur toegekend")
                    .contains("geen medische of psychologische gegevens");
        }
        String print = mvc.perform(get("/trajectories/{id}/reports/{r}/print", id, reportId).with(data.as(PlanCoach.ensure(jdbc))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(print).contains("In deze periode zijn geen contacten vastgelegd.");
    }

    @Test
    void aReportOfAnotherTrajectoryUnderTheCoachsOwnTrajectoryIsNotFoundAndLoggedAsRefused() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long own = trajectory("UWV Eigenregio", start);
        long other = trajectory("UWV Andereregio", start);
        accountability.generate(coach(), own, start);
        long foreign = accountability.generate(coach(), other, start);
        String coach = PlanCoach.ensure(jdbc);
        long denied = data.deniedAccessesBy(coach);

        mvc.perform(get("/trajectories/{id}/reports/{r}", own, foreign).with(data.as(coach)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trajectories/{id}/reports/{r}/print", own, foreign).with(data.as(coach)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/reports/{r}", own, foreign).with(data.as(coach)).with(csrf())
                        .param("summary", "Overschreven").param("employeeGrade", "8"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/reports/{r}/sign", own, foreign).with(data.as(coach)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/reports/{r}/correction", own, foreign).with(data.as(coach))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/reports/{r}/employer-assessment-link", own, foreign)
                .with(data.as(coach)).with(csrf())).andExpect(status().isNotFound());

        assertThat(data.deniedAccessesBy(coach)).isEqualTo(denied + 6);
        var report = accountability.report(coach(), other, foreign);
        assertThat(report.summary()).as("untouched").isNotEqualTo("Overschreven");
        assertThat(report.signed()).isFalse();
        assertThat(jdbc.sql("select count(*) from accountability_report where trajectory_id = :t")
                .param("t", other).query(Long.class).single()).isEqualTo(1);
    }
}
