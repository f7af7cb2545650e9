package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;


import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The employee's and the employer's assessment of the coaching by personal link: made by the report's coach on a
 * draft, answered once on the phone into the draft, dead when used, signed off or erased.
 */
@IntegrationTest
class AssessmentLinkTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired GrantRules rules;
    @Autowired PlanErasure erasure;
    @Autowired TransactionTemplate transactions;

    static final Pattern LINK = Pattern.compile("/a/([A-Za-z0-9_-]{43})");

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long trajectory(String commissioner, LocalDate start) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'UWV')").param("n", commissioner).update();
        long id = jdbc.sql("select id from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single();
        rules.save(new GrantRule(id, new BigDecimal("20"), 6, 24, 6, ReportTemplate.UWV, new BigDecimal("6.5")));
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Oordeel", commissioner.replace(' ', '-'),
                LocalDate.of(1998, 4, 4), null, null, id, TrajectoryPhase.COACHING, start, null, "Oordeel BV",
                "Medewerker", new BigDecimal("20"), ContractType.TEMPORARY, start, null));
    }

    /** Makes a link as the coach; the token from the page that shows it once. */
    String link(long trajectoryId, long reportId, String who) throws Exception {
        var page = mvc.perform(post("/trajectories/{id}/reports/{r}/{who}-assessment-link", trajectoryId, reportId,
                who).with(data.as(PlanCoach.ensure(jdbc))).with(csrf())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        var matcher = LINK.matcher(page.getContentAsString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** A phone with its own session, that answers the assessment. */
    final class Phone extends nl.jobcoachmonitor.Phone {

        Phone() {
            super(mvc);
        }

        MvcResult answer(String grade, String remark) throws Exception {
            var request = post("/a").with(csrf());
            if (grade != null) {
                request.param("grade", grade);
            }
            if (remark != null) {
                request.param("remark", remark);
            }
            return perform(request);
        }
    }

    AccountabilityReport report(long trajectoryId, long reportId) {
        return accountability.report(coach(), trajectoryId, reportId);
    }

    @Test
    void theEmployeeAnswersOnceByLinkAndTheGradeLandsInTheDraft() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long id = trajectory("UWV Oordeelregio", start);
        long reportId = accountability.generate(coach(), id, start);
        long employee = data.employeeIdOf(id);
        String token = link(id, reportId, "employee");
        assertThat(jdbc.sql("select count(*) from assessment_link where token_hash = :t").param("t", token)
                .query(Long.class).single()).as("the token itself is never stored").isZero();

        var phone = new Phone();
        var start1 = phone.perform(get("/a/{token}", token)).getResponse();
        assertThat(start1.getStatus()).isEqualTo(200);
        assertThat(start1.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(start1.getContentAsString()).contains("url=/a").doesNotContain(token.substring(0, 20) + "\"");
        var form = phone.perform(get("/a")).getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("Hoe tevreden ben je over de jobcoaching?")
                .contains("<legend");

        var bad = phone.answer("11", "Te hoog").getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("Kies een cijfer van 1 tot en met 10.")
                .contains("aria-describedby=\"grade-error\"");
        assertThat(phone.answer(null, null).getResponse().getContentAsString())
                .contains("Kies een cijfer van 1 tot en met 10.");
        assertThat(phone.answer("8", "x".repeat(301)).getResponse().getContentAsString())
                .contains("hoogstens 300 tekens");
        assertThat(report(id, reportId).employeeGrade()).as("nothing stored from bad input").isNull();

        var done = phone.answer("8", "<script>alert(1)</script> fijne coach").getResponse();
        assertThat(done.getRedirectedUrl()).isEqualTo("/a/thanks");
        var report = report(id, reportId);
        assertThat(report.employeeGrade()).isEqualTo(8);
        assertThat(report.employeeRemark()).isEqualTo("<script>alert(1)</script> fijne coach");
        assertThat(report.employerGrade()).isNull();
        assertThat(report.signed()).isFalse();

        assertThat(phone.answer("3", null).getResponse().getStatus()).as("the session's link is used up")
                .isEqualTo(404);
        assertThat(new Phone().perform(get("/a/{token}", token)).getResponse().getStatus())
                .as("a used link is as dead as an unknown one").isEqualTo(404);
        assertThat(report(id, reportId).employeeGrade()).isEqualTo(8);

        String page = mvc.perform(get("/trajectories/{id}/reports/{r}", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc)))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; fijne coach").doesNotContain("<script>alert")
                .contains("Werknemer: link gemaakt op").contains(", beantwoord op ")
                .doesNotContain("Werkgever: link gemaakt op");

        assertThat(jdbc.sql("select count(*) from audit_event where person_id = :p and role is null and "
                + "username is null and on_behalf_of = 'EMPLOYEE' and object_type = 'accountability-report'")
                .param("p", employee).query(Long.class).single()).as("the answer logged on the employee's behalf")
                .isEqualTo(1);
    }

    @Test
    void aLinkDiesWhenTheReportIsSignedOffOrReplacedOrThePersonErased() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long id = trajectory("UWV Tekenregio", start);
        long reportId = accountability.generate(coach(), id, start);
        String employer = link(id, reportId, "employer");
        String replaced = link(id, reportId, "employee");
        String employee = link(id, reportId, "employee");

        assertThat(new Phone().perform(get("/a/{token}", replaced)).getResponse().getStatus())
                .as("a new link replaces the previous one").isEqualTo(404);
        var phone = new Phone();
        assertThat(phone.perform(get("/a/{token}", employer)).getResponse().getStatus()).isEqualTo(200);
        assertThat(phone.perform(get("/a")).getResponse().getContentAsString()).contains("uw medewerker");

        accountability.signOff(coach(), id, reportId);
        assertThat(phone.answer("9", null).getResponse().getStatus()).as("signed off while the form was open")
                .isEqualTo(404);
        assertThat(new Phone().perform(get("/a/{token}", employee)).getResponse().getStatus()).isEqualTo(404);
        assertThat(report(id, reportId).employerGrade()).isNull();
        assertThat(mvc.perform(post("/trajectories/{id}/reports/{r}/employee-assessment-link", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc))).with(csrf())).andReturn().getResponse().getStatus())
                .as("no link for a signed-off report").isEqualTo(409);

        long corrected = accountability.correct(coach(), id, reportId);
        link(id, corrected, "employee");
        assertThat(jdbc.sql("select count(*) from assessment_link l join accountability_report r on r.id = l.report_id "
                + "where r.trajectory_id = :t").param("t", id).query(Long.class).single()).isEqualTo(4);
        transactions.executeWithoutResult(s -> erasure.erase(List.of(id)));
        assertThat(jdbc.sql("select count(*) from assessment_link l join accountability_report r on r.id = l.report_id "
                + "where r.trajectory_id = :t").param("t", id).query(Long.class).single())
                .as("the erased person's links are gone").isZero();
    }

    @Test
    void onlyTheReportsCoachMakesALinkAndGuessesGetTheSame404() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long id = trajectory("UWV Vreemderegio", start);
        long reportId = accountability.generate(coach(), id, start);
        for (String other : List.of("coach2", "manager")) {
            assertThat(mvc.perform(post("/trajectories/{id}/reports/{r}/employee-assessment-link", id, reportId)
                    .with(data.as(other)).with(csrf())).andReturn().getResponse().getStatus()).as(other)
                    .isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from assessment_link where report_id = :r").param("r", reportId)
                .query(Long.class).single()).isZero();
        assertThat(mvc.perform(post("/trajectories/{id}/reports/{r}/employee-assessment-link", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc)))).andReturn().getResponse().getStatus())
                .as("without CSRF token").isEqualTo(403);
        var unknown = new Phone().perform(get("/a/{token}", "A".repeat(43))).getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(new Phone().perform(get("/a")).getResponse().getStatus()).isEqualTo(404);
        assertThat(new Phone().answer("7", null).getResponse().getStatus()).isEqualTo(404);
    }
}
