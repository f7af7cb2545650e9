package nl.jobcoachmonitor.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Data slice: the trajectory aggregate on the real schema (Flyway), with its scoped finders and version check. */
@DataJdbcTest(properties = "jcm.demo.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(nl.jobcoachmonitor.DatabaseConfiguration.class)
@Tag("database")
class TrajectoriesTests {

    @Autowired Trajectories trajectories;
    @Autowired Employees employees;
    @Autowired JdbcClient jdbc;

    private long organisation;
    private long coach;
    private long otherCoach;
    private long commissioner;
    private long employer;

    private long insert(String sql) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).update(keys, "id");
        return keys.getKey().longValue();
    }

    @org.junit.jupiter.api.BeforeEach
    void organisationWithTwoCoaches() {
        String suffix = String.valueOf(System.nanoTime());
        organisation = insert("insert into organisation (name) values ('Slice " + suffix + "')");
        commissioner = insert("insert into commissioner (name, kind) values ('Gemeente Slice " + suffix
                + "', 'MUNICIPALITY')");
        employer = insert("insert into employer (organisation_id, name) values (" + organisation + ", 'Werkplaats')");
        coach = insert("insert into app_user (username, password_hash, display_name, role, organisation_id) values "
                + "('slice-a-" + suffix + "', 'x', 'A', 'COACH', " + organisation + ")");
        otherCoach = insert("insert into app_user (username, password_hash, display_name, role, organisation_id) "
                + "values ('slice-b-" + suffix + "', 'x', 'B', 'COACH', " + organisation + ")");
    }

    private Trajectory saved() {
        var employee = employees.save(new Employee(null, organisation, "Lotte", "Slice", LocalDate.of(1996, 3, 1),
                null, null, null));
        var today = LocalDate.now();
        return trajectories.save(Trajectory.start(employee.id(), organisation, coach, commissioner, employer,
                new Job("Magazijnmedewerker", new BigDecimal("24.5"), ContractType.TEMPORARY, today), 
                TrajectoryPhase.COACHING, today, today, coach));
    }

    @Test
    void storesTheAggregateWithItsHistoriesAndJob() {
        var t = saved();
        t.recordJobChange(new JobChange(LocalDate.now(), JobChangeKind.MORE_HOURS, null, new BigDecimal("28"), null,
                null, "meer uren", coach), LocalDate.now());
        t.reassignTo(otherCoach, LocalDate.now(), coach, "Verlof");
        trajectories.save(t);
        var loaded = trajectories.findById(t.getId()).orElseThrow();
        assertThat(loaded.getJob().contractHours()).isEqualByComparingTo("28");
        assertThat(loaded.getJob().title()).isEqualTo("Magazijnmedewerker");
        assertThat(loaded.getJobChanges()).extracting(JobChange::note).containsExactly("meer uren");
        assertThat(loaded.getCoachAssignments()).extracting(CoachAssignment::coachId).containsExactly(coach, otherCoach);
        assertThat(loaded.getPhaseChanges()).hasSize(1);
    }

    @Test
    void findsATrajectoryOnlyForItsCoachOrItsOrganisation() {
        var t = saved();
        assertThat(trajectories.findByIdAndCoachId(t.getId(), coach)).isPresent();
        assertThat(trajectories.findByIdAndCoachId(t.getId(), otherCoach)).isEmpty();
        assertThat(trajectories.findByIdAndOrganisationId(t.getId(), organisation)).isPresent();
        assertThat(trajectories.findByIdAndOrganisationId(t.getId(), organisation + 1_000_000)).isEmpty();
        assertThat(employees.findByIdOfCoach(t.getEmployeeId(), coach)).isPresent();
        assertThat(employees.findByIdOfCoach(t.getEmployeeId(), otherCoach)).isEmpty();
    }

    @Test
    void aStaleCopyCannotOverwriteANewerVersion() {
        var t = saved();
        var first = trajectories.findById(t.getId()).orElseThrow();
        var second = trajectories.findById(t.getId()).orElseThrow();
        first.moveTo(TrajectoryPhase.PHASE_OUT, LocalDate.now(), null, null, null, LocalDate.now(), coach);
        trajectories.save(first);
        second.moveTo(TrajectoryPhase.CLOSED, LocalDate.now(), ClosingReason.WITHDRAWN, null, null, LocalDate.now(),
                coach);
        assertThatThrownBy(() -> trajectories.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(trajectories.findById(t.getId()).orElseThrow().getPhase()).isEqualTo(TrajectoryPhase.PHASE_OUT);
    }
}
