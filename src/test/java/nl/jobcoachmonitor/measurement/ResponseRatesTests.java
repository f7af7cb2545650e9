package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The manager sees how many questionnaires were completed, per wave and per coach of the organisation. */
@IntegrationTest
class ResponseRatesTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MeasurementManagement measurement;

    @Test
    void ratesCountEveryOverdueQuestionnaireOfTheOrganisationOnceByWhoIsAsked() {
        var manager = (CurrentUser) users.loadUserByUsername("manager");
        var rates = measurement.responseRates(manager);

        // Counted here row by row, the slow way: every overdue open wave of the organisation, who is asked at it.
        Map<String, int[]> expected = new HashMap<>();
        // The demo cohort's employees asked at T0 and how many answered: other tests add their trajectories to the
        // same organisation (most never answered), so the study's response rate is checked on the demo's alone.
        int[] demoT0 = new int[2];
        long lastDemo = data.lastDemoTrajectoryId();
        LocalDate overdueFrom = LocalDate.now().minusDays(14);
        jdbc.sql("""
                select w.id, w.code, t.id as trajectory_id, t.coach_id
                from measurement_wave w join trajectory t on t.id = w.trajectory_id
                where t.organisation_id = :o and w.status = 'OPEN' and w.due_on <= :d""")
                .param("o", manager.organisationId()).param("d", overdueFrom).query((rs, n) -> {
                    String code = rs.getString("code");
                    if (code.equals("T0") && rs.getLong("trajectory_id") <= lastDemo) {
                        demoT0[0]++;
                        demoT0[1] += completed(rs.getLong("id"), "EMPLOYEE");
                    }
                    int number = Integer.parseInt(code.substring(1));
                    int[] counts = expected.computeIfAbsent(number > 2 ? "T3" : code, k -> new int[6]);
                    boolean employee = number != 1;
                    boolean employer = number == 0 || number == 2;
                    counts[0] += employee ? 1 : 0;
                    counts[1] += employee ? completed(rs.getLong("id"), "EMPLOYEE") : 0;
                    counts[2] += 1;
                    counts[3] += completed(rs.getLong("id"), "COACH");
                    counts[4] += employer ? 1 : 0;
                    counts[5] += employer ? completed(rs.getLong("id"), "EMPLOYER") : 0;
                    return null;
                }).list();

        assertThat(rates.perWave()).extracting(ResponseRates.Rate::wave).containsExactly("T0", "T1", "T2", "T3");
        for (var rate : rates.perWave()) {
            int[] counts = expected.get(rate.wave());
            assertThat(new int[] {rate.employee().asked(), rate.employee().completed(), rate.coach().asked(),
                    rate.coach().completed(), rate.employer().asked(), rate.employer().completed()})
                    .as(rate.wave()).containsExactly(counts);
        }
        assertThat(rates.perWave().get(1).employee().any()).isFalse();
        var t0 = rates.perWave().get(0).employee();
        assertThat(t0.percent()).isEqualTo(Math.round(100.0 * t0.completed() / t0.asked()));
        assertThat(demoT0[0]).as("the demo's overdue T0 questionnaires").isGreaterThan(20);
        assertThat(Math.round(100.0 * demoT0[1] / demoT0[0])).as("the demo's T0 employee response rate")
                .isBetween(70L, 100L);
        int coachTotal = rates.perCoach().values().stream().mapToInt(r -> r.coach().asked()).sum();
        assertThat(coachTotal).isEqualTo(rates.perWave().stream().mapToInt(r -> r.coach().asked()).sum());
        assertThat(rates.perCoach()).containsKey(data.userId("coach"));
    }

    private int completed(long wave, String respondent) {
        return jdbc.sql("select count(*) from response where wave_id = :w and respondent = :r "
                + "and completed_at is not null").param("w", wave).param("r", respondent).query(Integer.class)
                .single();
    }

    @Test
    void theTeamPageShowsTheRatesToTheManagerOnly() throws Exception {
        String page = mvc.perform(get("/team").with(data.as("manager"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Respons op de vragenlijsten").contains("T3 en later").containsPattern("\\d+% \\(\\d+ van \\d+\\)");
        mvc.perform(get("/team").with(data.as("coach"))).andExpect(status().isForbidden());
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        assertThatThrownBy(() -> measurement.responseRates(coach)).isInstanceOf(NotFoundException.class);
    }
}
