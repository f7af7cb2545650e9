package nl.jobcoachmonitor.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The coach mails the employee's assessment link through the questionnaire mail machinery, to a real SMTP server. */
@MailIntegrationTest
class AssessmentMailTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired TrajectoryManagement trajectories;
    @Autowired AccountabilityManagement accountability;
    @Autowired GrantRules rules;

    CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername(PlanCoach.ensure(jdbc));
    }

    long trajectory(String commissioner, String email, LocalDate start) {
        jdbc.sql("insert into commissioner (name, kind) values (:n, 'UWV')").param("n", commissioner).update();
        long id = jdbc.sql("select id from commissioner where name = :n").param("n", commissioner)
                .query(Long.class).single();
        rules.save(new GrantRule(id, new BigDecimal("20"), 6, 24, 6, ReportTemplate.UWV, new BigDecimal("6.5")));
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Mila", commissioner.replace(' ', '-'),
                LocalDate.of(1998, 5, 5), email, null, id, TrajectoryPhase.COACHING, start, null, "Oordeel BV",
                "Medewerker", new BigDecimal("20"), ContractType.TEMPORARY, start, null));
    }

    /** As a browser: the cookies it was given (session, language) and the session go along. */
    MvcResult perform(MockHttpServletRequestBuilder request, Map<String, Cookie> cookies, MockHttpSession[] session)
            throws Exception {
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        if (session[0] != null) {
            request.session(session[0]);
        }
        var result = mvc.perform(request).andReturn();
        for (Cookie c : result.getResponse().getCookies()) {
            cookies.put(c.getName(), c);
        }
        if (result.getRequest().getSession(false) instanceof MockHttpSession s) {
            session[0] = s;
        }
        return result;
    }

    @Test
    void theMailedLinkOpensTheFormInEnglishAndTheDatabaseNeverHoldsTheToken() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        String address = "mila.oordeel@example.org";
        long id = trajectory("UWV Mailoordeel", address, start);
        long reportId = accountability.generate(coach(), id, start);

        var sent = mvc.perform(post("/trajectories/{id}/reports/{r}/employee-assessment-mail", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc))).with(csrf()).param("language", "en")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/trajectories/" + id + "/reports/" + reportId);
        assertThat(sent.getFlashMap().get("reportSaved")).isEqualTo("assessment.mail.sent");

        var received = TestMailServer.receivedBy(address);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("What do you think of the coaching?");
        String text = TestMailServer.part(received.get(0), "text/plain");
        assertThat(text).startsWith("Dear Mila,").contains("It works once");
        var matcher = Pattern.compile("/a/([A-Za-z0-9_-]{43})\\?lang=en").matcher(text);
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        var mail = jdbc.sql("select kind, body from questionnaire_mail where address = :a").param("a", address)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(mail[0]).isEqualTo("ASSESSMENT");
        assertThat(mail[1]).doesNotContain(token);

        Map<String, Cookie> cookie = new HashMap<>();
        MockHttpSession[] session = {null};
        assertThat(perform(get("/a/{t}", token).param("lang", "en"), cookie, session).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(perform(get("/a"), cookie, session).getResponse().getContentAsString())
                .contains("How satisfied are you with the job coaching?");
        assertThat(perform(post("/a").with(csrf()).param("grade", "0"), cookie, session).getResponse()
                .getContentAsString()).contains("Choose a grade from 1 to 10.");
        assertThat(perform(post("/a").with(csrf()).param("grade", "9"), cookie, session).getResponse()
                .getRedirectedUrl()).isEqualTo("/a/thanks");
        assertThat(accountability.report(coach(), id, reportId).employeeGrade()).isEqualTo(9);
    }

    @Test
    void withoutAnAddressNothingIsMailedAndNoLinkMade() throws Exception {
        LocalDate start = LocalDate.now().minusDays(12);
        long id = trajectory("UWV Zonderadres", null, start);
        long reportId = accountability.generate(coach(), id, start);
        var sent = mvc.perform(post("/trajectories/{id}/reports/{r}/employee-assessment-mail", id, reportId)
                .with(data.as(PlanCoach.ensure(jdbc))).with(csrf())).andReturn();
        assertThat(sent.getFlashMap().get("reportSaved")).isEqualTo("owndata.mail.noAddress");
        assertThat(jdbc.sql("select count(*) from assessment_link where report_id = :r").param("r", reportId)
                .query(Long.class).single()).isZero();
    }
}
