package nl.jobcoachmonitor.measurement;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Waves. Callers pass a trajectory id they have already scoped through {@code TrajectoryManagement.visible}. */
interface Waves extends ListCrudRepository<MeasurementWave, Long> {

    List<MeasurementWave> findByTrajectoryIdOrderByDueOnAsc(Long trajectoryId);

    Optional<MeasurementWave> findByIdAndTrajectoryId(Long id, Long trajectoryId);

    @Query("select distinct trajectory_id from measurement_wave")
    List<Long> trajectoriesWithWaves();
}
