package nl.jobcoachmonitor.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.trajectory.ChangePhaseForm;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Waves are planned from the trajectory's events, and for the demo cohort on start. */
@IntegrationTest
class WavePlanningTests {

    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired WavePlanner planner;

    private CurrentUser coach() {
        return (CurrentUser) users.loadUserByUsername("coach");
    }

    private long start(TrajectoryPhase phase, LocalDate on) {
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        boolean job = phase == TrajectoryPhase.COACHING;
        return trajectories.start(coach(), new StartTrajectoryForm(null, "Wave", "Tester", LocalDate.of(1998, 5, 1),
                null, null, commissioner, phase, on, null, job ? "Bakkerij De Wave" : null, job ? "Bakker" : null,
                job ? new BigDecimal("24") : null, job ? ContractType.TEMPORARY : null, job ? on : null, null));
    }

    private List<String> waves(long trajectoryId) {
        return jdbc.sql("select code || ' ' || due_on || ' ' || status from measurement_wave where trajectory_id = :t "
                + "order by due_on").param("t", trajectoryId).query(String.class).list();
    }

    @Test
    void aTrajectoryStartedInTheCoachingPhaseGetsT0T1AndT2() {
        LocalDate on = LocalDate.now().minusDays(3);
        long id = start(TrajectoryPhase.COACHING, on);
        assertThat(waves(id)).containsExactly("T0 " + on + " OPEN", "T1 " + on.plusMonths(3) + " OPEN",
                "T2 " + on.plusMonths(6) + " OPEN");
    }

    @Test
    void aJobSearchGetsItsWavesWhenTheJobStartsAndClosingCancelsTheWavesNotYetDue() {
        LocalDate started = LocalDate.now().minusMonths(2);
        long id = start(TrajectoryPhase.JOB_SEARCH, started);
        assertThat(waves(id)).isEmpty();

        LocalDate job = LocalDate.now().minusMonths(1);
        long employer = jdbc.sql("select min(id) from employer where organisation_id = "
                + "(select organisation_id from app_user where username = 'coach')").query(Long.class).single();
        trajectories.changePhase(coach(), id, new ChangePhaseForm(data.version(id), TrajectoryPhase.COACHING, job,
                null, employer, "Magazijnmedewerker", new BigDecimal("20"), ContractType.TEMPORARY, null));
        assertThat(waves(id)).containsExactly("T0 " + job + " OPEN", "T1 " + job.plusMonths(3) + " OPEN",
                "T2 " + job.plusMonths(6) + " OPEN");

        LocalDate closed = LocalDate.now();
        trajectories.changePhase(coach(), id, new ChangePhaseForm(data.version(id), TrajectoryPhase.CLOSED, closed,
                ClosingReason.values()[0], null, null, null, null, null));
        assertThat(waves(id)).containsExactly("T0 " + job + " OPEN", "T1 " + job.plusMonths(3) + " CANCELLED",
                "T2 " + job.plusMonths(6) + " CANCELLED");
    }

    @Test
    void reopeningAClosedTrajectoryAsContinuedSupportOpensTheWavesStillToCome() {
        LocalDate on = LocalDate.now().minusMonths(4);
        long id = start(TrajectoryPhase.COACHING, on);
        LocalDate closed = LocalDate.now().minusMonths(2);
        trajectories.changePhase(coach(), id, new ChangePhaseForm(data.version(id), TrajectoryPhase.CLOSED, closed,
                ClosingReason.values()[0], null, null, null, null, null));
        assertThat(waves(id)).containsExactly("T0 " + on + " OPEN", "T1 " + on.plusMonths(3) + " CANCELLED",
                "T2 " + on.plusMonths(6) + " CANCELLED");

        trajectories.changePhase(coach(), id, new ChangePhaseForm(data.version(id),
                TrajectoryPhase.CONTINUED_SUPPORT, LocalDate.now(), null, null, null, null, null, null));
        assertThat(waves(id)).containsExactly("T0 " + on + " OPEN", "T1 " + on.plusMonths(3) + " CANCELLED",
                "T2 " + on.plusMonths(6) + " OPEN");
    }

    @Test
    void everyNightTheWavesThatComeWithinReachArePlannedOnce() {
        LocalDate on = LocalDate.now().minusMonths(13);
        long id = start(TrajectoryPhase.COACHING, on);
        assertThat(waves(id)).hasSize(3);
        planner.nightly();
        planner.nightly();
        assertThat(waves(id)).containsExactly("T0 " + on + " OPEN", "T1 " + on.plusMonths(3) + " OPEN",
                "T2 " + on.plusMonths(6) + " OPEN", "T3 " + on.plusMonths(12) + " OPEN",
                "T4 " + on.plusMonths(18) + " OPEN");
    }

    @Test
    void everyDemoTrajectoryCoachedOnTheJobHasItsWavesUpToTheNextOneToCome() {
        long withoutWaves = jdbc.sql("""
                select count(*) from trajectory t where t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT')
                and t.id <= :last and not exists (select 1 from measurement_wave w where w.trajectory_id = t.id)""")
                .param("last", data.lastDemoTrajectoryId()).query(Long.class).single();
        assertThat(withoutWaves).isZero();
        long withoutComingWave = jdbc.sql("""
                select count(*) from trajectory t where t.phase in ('COACHING', 'PHASE_OUT', 'CONTINUED_SUPPORT')
                and t.id <= :last and not exists (select 1 from measurement_wave w where w.trajectory_id = t.id
                and w.due_on > current_date)""").param("last", data.lastDemoTrajectoryId()).query(Long.class).single();
        assertThat(withoutComingWave).isZero();
        assertThat(data.count("measurement_wave")).isGreaterThan(100);

        long before = data.count("measurement_wave");
        planner.catchUp();
        assertThat(data.count("measurement_wave")).as("catching up twice adds nothing").isEqualTo(before);
    }
}
