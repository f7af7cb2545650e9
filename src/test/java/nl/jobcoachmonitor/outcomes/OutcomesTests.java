package nl.jobcoachmonitor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.coaching.Party;
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

/** The indicators follow the events; the signals reach the caseload and are handled with a note; a rebuild agrees. */
@IntegrationTest
class OutcomesTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired OutcomesManagement outcomes;
    @Autowired UserDetailsService users;

    private CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername("coach");
    }

    private long start(String lastName, LocalDate coachingFrom) {
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Uitkomst", lastName, LocalDate.of(1997, 3, 3),
                null, null, commissioner, TrajectoryPhase.COACHING, coachingFrom, null, "Werkplaats Uitkomst",
                "Monteur", new BigDecimal("30"), ContractType.TEMPORARY, coachingFrom, null));
    }

    private BigDecimal employeeHoursFirstPeriod(long id) {
        return jdbc.sql("select hours_employee_0_3 from trajectory_indicator where trajectory_id = :t").param("t", id)
                .query(BigDecimal.class).single();
    }

    @Test
    void loggingAContactUpdatesTheIntensityInTheSameTransaction() {
        long id = start("Contact", LocalDate.now().minusDays(20));
        assertThat(employeeHoursFirstPeriod(id)).isEqualByComparingTo("0");
        contacts.log(coach(), id, new LogContactForm(LocalDate.now().minusDays(2), 90, Party.EMPLOYEE,
                ContactMode.WORKPLACE_VISIT, Set.of(), "Gesprek over werkdruk"));
        assertThat(employeeHoursFirstPeriod(id)).isEqualByComparingTo("1.50");
        var seen = outcomes.outcomes(coach(), id).indicators();
        assertThat(seen.lastContactOn()).isEqualTo(LocalDate.now().minusDays(2));
    }

    @Test
    void aSignalShowsOnTheCaseloadMostUrgentFirstAndIsHandledWithANoteThatIsLogged() throws Exception {
        long silent = start("Stilte", LocalDate.now().minusDays(35));
        outcomes.rebuild();
        var signal = outcomes.openSignals(coach()).stream().filter(s -> s.trajectoryId() == silent).findFirst()
                .orElseThrow();
        assertThat(signal.kind()).isIn(SignalKind.NO_RECENT_CONTACT, SignalKind.WAVE_OVERDUE);
        var kinds = outcomes.openSignals(coach()).stream().map(SignalView::kind).toList();
        assertThat(kinds).isSortedAccordingTo(Enum::compareTo);

        String caseload = mvc.perform(get("/caseload").with(data.as("coach"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(caseload).contains("id=\"signal-" + signal.id() + "\"").contains("Uitkomst Stilte");
        assertThat(mvc.perform(get("/caseload").with(data.as("coach2"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("Uitkomst Stilte");

        String refused = mvc.perform(post("/signals/{id}/handled", signal.id()).param("note", " ")
                        .header("HX-Request", "true").with(data.as("coach")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Schrijf kort op wat u met het signaal hebt gedaan.");
        mvc.perform(post("/signals/{id}/handled", signal.id()).param("note", "Gebeld").with(data.as("coach2"))
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(data.count("signal", "id = :p and handled_at is null", signal.id())).isEqualTo(1);

        long changes = data.count("audit_event", "object_type = 'signal' and action = 'CHANGE' and object_id = :p",
                String.valueOf(signal.id()));
        mvc.perform(post("/signals/{id}/handled", signal.id()).param("note", "Gebeld, <b>afspraak</b> gemaakt")
                .with(data.as("coach")).with(csrf())).andExpect(redirectedUrl("/caseload#signals"));
        assertThat(jdbc.sql("select note from signal where id = :id").param("id", signal.id()).query(String.class)
                .single()).isEqualTo("Gebeld, <b>afspraak</b> gemaakt");
        assertThat(data.count("audit_event", "object_type = 'signal' and action = 'CHANGE' and object_id = :p",
                String.valueOf(signal.id()))).isEqualTo(changes + 1);
        assertThat(outcomes.openSignals(coach())).extracting(SignalView::id).doesNotContain(signal.id());

        outcomes.rebuild();
        assertThat(outcomes.openSignals(coach())).as("not raised again for the same cause")
                .extracting(SignalView::id).doesNotContain(signal.id());
        assertThat(data.count("signal", "trajectory_id = :p and kind = '" + signal.kind() + "'", silent))
                .isEqualTo(1);
    }

    @Autowired IndicatorStore store;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void updatesOfTheSameTrajectoryAtTheSameMomentFollowEachOther() throws Exception {
        long id = start("Tegelijk", LocalDate.now().minusMonths(1));
        // No row yet, as for a trajectory no event reached: every update inserts one.
        jdbc.sql("delete from trajectory_month where trajectory_id = :t").param("t", id).update();
        jdbc.sql("delete from trajectory_indicator where trajectory_id = :t").param("t", id).update();
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    transaction.executeWithoutResult(status -> store.update(id));
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(data.count("trajectory_indicator", "trajectory_id = :p", id)).isEqualTo(1);
    }

    @Autowired IndicatorUpdater updater;

    @Test
    void aRebuildInSmallBatchesTwoAtATimeGivesTheSameIndicatorsAsTheEvents() {
        long id = start("Herbouw parallel", LocalDate.now().minusMonths(3));
        contacts.log(coach(), id, new LogContactForm(LocalDate.now().minusDays(9), 60, Party.EMPLOYEE,
                ContactMode.PHONE, Set.of(), ""));
        List<String> before = snapshot();
        jdbc.sql("update trajectory_indicator set hours_total_0_3 = 999").update();
        var run = updater.inBatches(store::trajectories, 7, 2);
        long trajectories = data.count("trajectory");
        assertThat(run.trajectories()).isEqualTo((int) trajectories);
        assertThat(run.batches()).isEqualTo((int) ((trajectories + 6) / 7));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRebuildFromScratchGivesTheSameIndicatorsAsTheEvents() {
        long id = start("Herbouw", LocalDate.now().minusMonths(2));
        contacts.log(coach(), id, new LogContactForm(LocalDate.now().minusDays(5), 45, Party.EMPLOYER,
                ContactMode.PHONE, Set.of(), ""));
        List<String> before = snapshot();
        int rebuilt = outcomes.rebuild();
        assertThat(rebuilt).isEqualTo((int) data.count("trajectory"));
        assertThat(snapshot()).isEqualTo(before);

        jdbc.sql("update trajectory_indicator set hours_total_0_3 = 999 where trajectory_id = :t").param("t", id)
                .update();
        new RebuildIndicators(outcomes).run(new org.springframework.boot.DefaultApplicationArguments("--other"));
        assertThat(snapshot()).as("only with the option").isNotEqualTo(before);
        new RebuildIndicators(outcomes).run(new org.springframework.boot.DefaultApplicationArguments(
                "--jcm.rebuild-indicators"));
        assertThat(snapshot()).as("the command").isEqualTo(before);
    }

    private List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        // every column of the indicator row (with what it keeps for the report, V69) but the moment it was computed
        rows.addAll(jdbc.sql("select * from trajectory_indicator order by trajectory_id")
                .query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("select * from wave_indicator order by trajectory_id, wave_code")
                .query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("select * from wave_work_value order by trajectory_id, wave_code, work_value")
                .query((rs, n) -> row(rs)).list());
        rows.addAll(jdbc.sql("select * from trajectory_month order by trajectory_id, month_index")
                .query((rs, n) -> row(rs)).list());
        return rows;
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase("computed_at")) {
                continue;
            }
            line.append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i)).append('|');
        }
        return line.toString();
    }
}
