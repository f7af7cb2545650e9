package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The coach fills in their own questionnaire of a wave, once, on one page. */
@IntegrationTest
class CoachQuestionnaireTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired MeasurementManagement measurement;

    private long[] newTrajectory() {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Coach", "Vragen", LocalDate.of(2000, 1, 1),
                null, null, commissioner, TrajectoryPhase.COACHING, today, null, "Garage Vragen", "Monteur",
                new BigDecimal("32"), ContractType.TEMPORARY, today, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new long[] {id, wave};
    }

    private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request) {
        return request.param("job_fit", "7").param("rapport_coach", "4").param("employer_support", "3")
                .param("life_domains", "debts").param("life_domains", "housing").param("care_providers", "none")
                .param("care_conflict", "no").param("expected_retention", "4").param("hours_sufficient", "enough");
    }

    @Test
    void theCoachFillsInTheQuestionnaireOnceAndTheWaveShowsIt() throws Exception {
        var t = newTrajectory();
        String url = "/trajectories/" + t[0] + "/waves/" + t[1] + "/coach";
        assertThat(mvc.perform(get(url).with(data.as("coach"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Vragenlijst jobcoach, meting T0")
                .contains("Hoe goed passen werknemer en werkplek bij elkaar?").contains("Schuldhulpverlening");

        String refused = mvc.perform(post(url).with(data.as("coach")).with(csrf()).param("job_fit", "11")
                        .param("care_providers", "general_practitioner"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Kies een van de antwoorden.").contains("Geef hier een antwoord.")
                .contains("id=\"care_coordination-error\"");
        assertThat(data.count("response", "wave_id = :p", t[1])).isZero();

        mvc.perform(complete(post(url).with(data.as("coach")).with(csrf())))
                .andExpect(redirectedUrl("/trajectories/" + t[0]))
                .andExpect(flash().attribute("saved", "measurement.coach.saved"));
        String stored = jdbc.sql("select answers from response where wave_id = :w and respondent = 'COACH' "
                + "and completed_at is not null").param("w", t[1]).query(String.class).single();
        assertThat(stored).contains("\"job_fit\":7").contains("\"life_domains\":[\"debts\",\"housing\"]")
                .doesNotContain("care_coordination");

        String page = mvc.perform(get("/trajectories/{id}", t[0]).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("aria-label=\"Antwoorden van de jobcoach, meting T0\"").doesNotContain("Vragenlijst jobcoach voor T0 invullen");
        mvc.perform(complete(post(url).with(data.as("coach")).with(csrf()))).andExpect(status().isConflict());
        mvc.perform(get(url).with(data.as("coach"))).andExpect(status().isConflict());
        assertThat(data.count("response", "wave_id = :p", t[1])).isEqualTo(1);
    }

    @Test
    void onlyTheTrajectorysCoachAnswersIt() throws Exception {
        var t = newTrajectory();
        String url = "/trajectories/" + t[0] + "/waves/" + t[1] + "/coach";
        mvc.perform(get(url).with(data.as("coach2"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(data.as("manager"))).andExpect(status().isNotFound());
        mvc.perform(complete(post(url).with(data.as("manager")).with(csrf()))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/trajectories/{id}", t[0]).with(data.as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain("Vragenlijst jobcoach voor T0 invullen");
        assertThat(data.count("response", "wave_id = :p", t[1])).isZero();
    }

    @Test
    void theCoachEntersTheEmployeesAnswersGivenOnPaperStartingFromWhatTheyAnsweredByLink() throws Exception {
        var t = newTrajectory();
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        String token = measurement.createLink(coach, t[0], t[1], Respondent.EMPLOYEE).token();
        var exchange = mvc.perform(get("/q/{token}", token)).andReturn();
        var session = (org.springframework.mock.web.MockHttpSession) exchange.getRequest().getSession(false);
        var cookie = exchange.getResponse().getCookie("SESSION");
        var first = post("/q").with(csrf()).param("section", "work").param("paid_work", "yes")
                .param("hours_week", "24,5");
        mvc.perform(cookie != null ? first.cookie(cookie) : first.session(session))
                .andExpect(redirectedUrl("/q"));

        String url = "/trajectories/" + t[0] + "/waves/" + t[1] + "/employee-answers";
        String form = mvc.perform(get(url).with(data.as("coach"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("Antwoorden van de werknemer invoeren, meting T0").contains("value=\"24.5\"")
                .contains("Heb je je leidinggevende verteld over je psychische klachten?");
        mvc.perform(get(url).with(data.as("manager"))).andExpect(status().isNotFound());

        var request = post(url).with(data.as("coach")).with(csrf());
        AnswerValidationTests.completeEmployeeAnswers().forEach((code, value) -> request.param(code,
                String.valueOf(value)));
        mvc.perform(request).andExpect(redirectedUrl("/trajectories/" + t[0]))
                .andExpect(flash().attribute("saved", "measurement.entry.saved"));
        assertThat(jdbc.sql("select count(*) from response where wave_id = :w and respondent = 'EMPLOYEE' "
                + "and entered_by_coach = true and completed_at is not null").param("w", t[1]).query(Long.class)
                .single()).isEqualTo(1);
        mvc.perform(get("/q/{token}", token)).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/trajectories/{id}", t[0]).with(data.as("coach"))).andReturn().getResponse()
                .getContentAsString()).contains("aria-label=\"Antwoorden van de werknemer, meting T0\"")
                .doesNotContain("Antwoorden van de werknemer voor T0 invoeren")
                .doesNotContain("Persoonlijke link voor T0 maken");
        mvc.perform(get(url).with(data.as("coach"))).andExpect(status().isConflict());
    }

    @Test
    void aCompletedResponseIsShownInTheViewersLanguageToThoseWhoSeeTheTrajectoryAndTheReadIsLogged()
            throws Exception {
        var t = newTrajectory();
        mvc.perform(complete(post("/trajectories/" + t[0] + "/waves/" + t[1] + "/coach").with(data.as("coach"))
                .with(csrf()))).andExpect(status().is3xxRedirection());
        String url = "/trajectories/" + t[0] + "/waves/" + t[1] + "/responses/coach";
        assertThat(mvc.perform(get("/trajectories/" + t[0]).with(data.as("coach"))).andReturn().getResponse()
                .getContentAsString()).contains("href=\"" + url + "\"");
        long readsBefore = data.count("audit_event", "action = 'READ' and object_type = 'response' and username = :p",
                "coach");

        String dutch = mvc.perform(get(url).with(data.as("coach"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(dutch).contains("Antwoorden van de jobcoach, meting T0")
                .contains("Hoe goed passen werknemer en werkplek bij elkaar?").contains("Schulden, Wonen")
                .contains("Voldoende").doesNotContain("Debts");
        String english = mvc.perform(get(url).param("lang", "en").with(data.as("manager"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Answers of the jobcoach, wave T0").contains("Debts, Housing").contains("Enough")
                .doesNotContain("Schulden");
        assertThat(data.count("audit_event", "action = 'READ' and object_type = 'response' and username = :p",
                "coach")).isEqualTo(readsBefore + 1);

        mvc.perform(get(url).with(data.as("coach2"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(data.as("gemeente"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/trajectories/" + t[0] + "/waves/" + t[1] + "/responses/employee").with(data.as("coach")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/trajectories/" + t[0] + "/waves/" + t[1] + "/responses/nobody").with(data.as("coach")))
                .andExpect(status().isNotFound());
    }
}
