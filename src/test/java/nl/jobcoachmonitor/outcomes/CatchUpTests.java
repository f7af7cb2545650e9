package nl.jobcoachmonitor.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.CatchUpState;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The catch-up after a start computes the trajectories no event reached in batches, one transaction each: all of them,
 * the same rows as the events wrote, nothing more on a second run; a batch that fails keeps the batches before it,
 * and the next run goes on with the rest.
 */
@IntegrationTest
class CatchUpTests {

    @Autowired IndicatorUpdater updater;
    @Autowired CatchUpState catchUps;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired UserDetailsService users;

    /** Trajectories started as a coach does (the events compute their indicators), in id order. */
    private List<Long> started(String name, int count) {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate from = LocalDate.now().minusMonths(2 + i);
            ids.add(trajectories.start(coach, new StartTrajectoryForm(null, "Inhaal", name + i,
                    LocalDate.of(1995, 5, 5), null, null, commissioner, TrajectoryPhase.COACHING, from, null,
                    "Werkplaats Inhaal", "Monteur", new BigDecimal("28"), ContractType.TEMPORARY, from, null)));
        }
        return ids;
    }

    /** Removes what the events computed, as for trajectories written without events (the demo cohort, an import). */
    private void forget(List<Long> ids) {
        for (String table : List.of("wave_work_value", "trajectory_month", "wave_indicator", "trajectory_indicator")) {
            jdbc.sql("delete from " + table + " where trajectory_id in (:ids)").param("ids", ids).update();
        }
    }

    /** The indicator rows of the trajectories, every column but the moment they were computed. */
    private List<Map<String, Object>> indicators(List<Long> ids) {
        var rows = jdbc.sql("select * from trajectory_indicator where trajectory_id in (:ids) order by trajectory_id")
                .param("ids", ids).query().listOfRows();
        rows.forEach(row -> row.remove("computed_at"));
        rows.forEach(row -> row.remove("COMPUTED_AT"));
        return rows;
    }

    private long withIndicators(List<Long> ids) {
        return jdbc.sql("select count(*) from trajectory_indicator where trajectory_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
    }

    @Test
    void catchUpComputesEveryTrajectoryWithoutIndicatorsInBatchesAndASecondRunFindsNone() {
        updater.catchUp(); // whatever other tests left without indicators
        var ids = started("Batch", 5);
        var byEvents = indicators(ids);
        long months = jdbc.sql("select count(*) from trajectory_month where trajectory_id in (:ids)").param("ids", ids)
                .query(Long.class).single();
        forget(ids);

        var run = updater.catchUp(2);

        assertThat(run.trajectories()).isEqualTo(5);
        assertThat(run.batches()).as("2 + 2 + 1").isEqualTo(3);
        assertThat(indicators(ids)).as("the same rows as the events wrote").isEqualTo(byEvents);
        assertThat(jdbc.sql("select count(*) from trajectory_month where trajectory_id in (:ids)").param("ids", ids)
                .query(Long.class).single()).isEqualTo(months);

        long signals = jdbc.sql("select count(*) from signal").query(Long.class).single();
        var again = updater.catchUp(2);
        assertThat(again.trajectories()).as("idempotent: nothing left to catch up").isZero();
        assertThat(indicators(ids)).isEqualTo(byEvents);
        assertThat(jdbc.sql("select count(*) from signal").query(Long.class).single()).isEqualTo(signals);
    }

    @Test
    void aFailingBatchKeepsTheBatchesBeforeItAndTheNextRunGoesOnWithTheRest() {
        updater.catchUp();
        var ids = started("Breuk", 6);
        var byEvents = indicators(ids);
        forget(ids);
        // The fourth trajectory's questionnaire cannot be read: its batch (the second of three) fails.
        long wave = jdbc.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", ids.get(3)).query(Long.class).single();
        Timestamp now = Timestamp.from(Instant.now());
        long response = jdbc.sql("""
                insert into response (wave_id, respondent, instrument_code, instrument_version, answers, started_at,
                    completed_at) values (:wave, 'COACH', 'broken', 1, 'not json', :now, :now)""")
                .param("wave", wave).param("now", now).update();
        assertThat(response).isEqualTo(1);

        assertThatThrownBy(() -> updater.catchUp(2)).hasMessageContaining("unreadable answers");

        assertThat(withIndicators(ids.subList(0, 2))).as("the first batch is committed").isEqualTo(2);
        assertThat(withIndicators(ids.subList(2, 6))).as("the failed batch is rolled back, the third never ran")
                .isZero();

        jdbc.sql("delete from response where wave_id = :wave and instrument_code = 'broken'").param("wave", wave)
                .update();
        var next = updater.catchUp(2);
        assertThat(next.trajectories()).as("only the four still missing").isEqualTo(4);
        assertThat(indicators(ids)).isEqualTo(byEvents);
    }

    @Test
    void theStateSaysTheCatchUpAfterTheStartIsDone() {
        assertThat(catchUps.status()).containsEntry(IndicatorUpdater.CATCH_UP, CatchUpState.Status.DONE)
                .containsEntry("waves", CatchUpState.Status.DONE);
        assertThat(catchUps.done()).isTrue();
    }
}
