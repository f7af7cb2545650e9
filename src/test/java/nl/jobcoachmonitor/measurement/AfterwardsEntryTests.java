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

/**
 * A questionnaire answered on paper months ago is entered afterwards with the day it was answered: an explicit
 * exception to the wave's window, within rules for the date, logged as "entered afterwards", and the indicators use
 * the real date.
 */
@IntegrationTest
class AfterwardsEntryTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private final LocalDate today = LocalDate.now();
    private final LocalDate start = today.minusMonths(4);

    /** A trajectory whose coaching started four months ago: its T0 (due on the start) closed months ago. */
    private long[] oldTrajectory(String name) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        long id = trajectories.start(coach, new StartTrajectoryForm(null, "Papier", name, LocalDate.of(1999, 2, 2),
                null, null, commissioner, TrajectoryPhase.COACHING, start, null, "Drukkerij " + name, "Drukker",
                new BigDecimal("28"), ContractType.TEMPORARY, start, null));
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new long[] {id, wave};
    }

    private static MockHttpServletRequestBuilder withAnswers(MockHttpServletRequestBuilder request) {
        AnswerValidationTests.completeEmployeeAnswers().forEach((code, value) -> request.param(code,
                String.valueOf(value)));
        return request;
    }

    private String url(long[] t) {
        return "/trajectories/" + t[0] + "/waves/" + t[1] + "/employee-answers/afterwards";
    }

    @Test
    void aPaperQuestionnaireOfAClosedWaveIsEnteredWithTheDayItWasAnsweredAndTheIndicatorUsesThatDay()
            throws Exception {
        var t = oldTrajectory("Achteraf");
        LocalDate answeredOn = start.plusDays(5);
        // the usual entry keeps to the wave's window
        mvc.perform(get("/trajectories/" + t[0] + "/waves/" + t[1] + "/employee-answers").with(data.as("coach")))
                .andExpect(status().isConflict());
        String page = mvc.perform(get("/trajectories/{id}", t[0]).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Papieren vragenlijst T0 van de werknemer achteraf invoeren");

        mvc.perform(withAnswers(post(url(t)).with(data.as("coach")).with(csrf())).param("answeredOn",
                answeredOn.toString()))
                .andExpect(redirectedUrl("/trajectories/" + t[0]))
                .andExpect(flash().attribute("saved", "measurement.afterwards.saved"));

        var stored = jdbc.sql("select completed_at, entered_by_coach, entered_afterwards_at from response "
                + "where wave_id = :w and respondent = 'EMPLOYEE'").param("w", t[1])
                .query((rs, n) -> new Object[] {rs.getTimestamp(1).toLocalDateTime().toLocalDate(), rs.getBoolean(2),
                        rs.getTimestamp(3)}).single();
        assertThat(stored[0]).isEqualTo(answeredOn);
        assertThat(stored[1]).isEqualTo(true);
        assertThat(stored[2]).isNotNull();
        // the wave's indicator carries the day the employee answered, not the day it was typed in
        assertThat(jdbc.sql("select employee_answered_on from wave_indicator where trajectory_id = :t and "
                + "wave_code = 'T0'").param("t", t[0]).query(LocalDate.class).single()).isEqualTo(answeredOn);
        assertThat(jdbc.sql("select rapport_employee from wave_indicator where trajectory_id = :t and "
                + "wave_code = 'T0'").param("t", t[0]).query(BigDecimal.class).single()).isNotNull();
        // the access log says it was entered afterwards, and when it was answered
        long person = data.employeeIdOf(t[0]);
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = :p and username = 'coach' and "
                + "action = 'CHANGE' and object_type = 'response' and object_id like :o").param("p", person)
                .param("o", "% entered afterwards, answered on " + answeredOn).query(Long.class).single())
                .isEqualTo(1);
        // the wave says so too
        String after = mvc.perform(get("/trajectories/{id}", t[0]).with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("achteraf ingevoerd op").containsPattern("/waves/\\d+/responses/employee\"")
                .doesNotContain("Papieren vragenlijst T0 van de werknemer achteraf invoeren");

        // a wave already answered cannot be entered twice
        mvc.perform(withAnswers(post(url(t)).with(data.as("coach")).with(csrf())).param("answeredOn",
                answeredOn.plusDays(1).toString())).andExpect(status().isConflict());
        mvc.perform(get(url(t)).with(data.as("coach"))).andExpect(status().isConflict());
        assertThat(data.count("response", "wave_id = :p", t[1])).isEqualTo(1);
    }

    @Test
    void theDayMustBeAnsweredWithinTheWavesPeriodAfterTheStartAndNotInTheFuture() throws Exception {
        var t = oldTrajectory("Datum");
        String form = mvc.perform(get(url(t)).with(data.as("coach"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(form).contains("Papieren vragenlijst achteraf invoeren, meting T0").contains("Beantwoord op")
                .contains("type=\"date\"");

        assertThat(refusal(t, "")).contains("Vul de dag in waarop de werknemer de vragenlijst beantwoordde.");
        assertThat(refusal(t, "gisteren")).contains("Vul een datum in als jjjj-mm-dd.");
        assertThat(refusal(t, today.plusDays(1).toString()))
                .contains("De dag van beantwoorden kan niet in de toekomst liggen.");
        assertThat(refusal(t, start.minusDays(1).toString()))
                .contains("De dag van beantwoorden ligt voor de start van het traject.");
        assertThat(refusal(t, start.plusDays(MeasurementWindow.CLOSES_AFTER_DAYS).toString()))
                .contains("De dag van beantwoorden ligt buiten de periode van deze meting.");
        assertThat(data.count("response", "wave_id = :p and completed_at is not null", t[1])).isZero();
    }

    private String refusal(long[] t, String day) throws Exception {
        return mvc.perform(withAnswers(post(url(t)).with(data.as("coach")).with(csrf())).param("answeredOn", day))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void onlyTheTrajectorysCoachEntersItAfterwards() throws Exception {
        var t = oldTrajectory("Ander");
        mvc.perform(get(url(t)).with(data.as("coach2"))).andExpect(status().isNotFound());
        mvc.perform(get(url(t)).with(data.as("manager"))).andExpect(status().isNotFound());
        mvc.perform(withAnswers(post(url(t)).with(data.as("coach2")).with(csrf())).param("answeredOn",
                start.plusDays(3).toString())).andExpect(status().isNotFound());
        assertThat(data.count("response", "wave_id = :p", t[1])).isZero();
    }
}
