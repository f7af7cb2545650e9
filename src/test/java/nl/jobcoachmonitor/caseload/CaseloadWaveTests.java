package nl.jobcoachmonitor.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The caseload shows which measurement wave needs the coach: open, due a reminder, or overdue. */
@IntegrationTest
class CaseloadWaveTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    private void start(String lastName, LocalDate coachingFrom) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        trajectories.start(coach, new StartTrajectoryForm(null, "Golf", lastName, LocalDate.of(1999, 9, 9), null,
                null, commissioner, TrajectoryPhase.COACHING, coachingFrom, null, "Drukkerij Golf", "Drukker",
                new BigDecimal("28"), ContractType.TEMPORARY, coachingFrom, null));
    }

    private String waveCell(String lastName) throws Exception {
        String page = mvc.perform(get("/caseload").param("q", lastName).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var row = Jsoup.parse(page).select("tbody tr").first();
        assertThat(row).as("the row of " + lastName).isNotNull();
        return row.select("td[data-label=Meting]").text();
    }

    @Test
    void eachTrajectoryShowsItsMostUrgentWave() throws Exception {
        LocalDate today = LocalDate.now();
        start("Vandaag", today);
        start("Tiendagen", today.minusDays(10));
        start("Drieweken", today.minusDays(21));
        start("Tweemaanden", today.minusMonths(2));
        start("Viermaanden", today.minusMonths(3).minusDays(20));

        assertThat(waveCell("Vandaag")).isEqualTo("T0 open");
        assertThat(waveCell("Tiendagen")).isEqualTo("T0 herinneren");
        assertThat(waveCell("Drieweken")).isEqualTo("T0 te laat");
        assertThat(waveCell("Tweemaanden")).as("T0 closed after six weeks, T1 not yet due").isEmpty();
        assertThat(waveCell("Viermaanden")).as("T1 is overdue").isEqualTo("T1 te laat");
    }
}
