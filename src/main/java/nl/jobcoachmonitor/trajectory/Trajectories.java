package nl.jobcoachmonitor.trajectory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/** Trajectories; every finder that returns case content is scoped to a coach or an organisation. */
interface Trajectories extends ListCrudRepository<Trajectory, Long> {

    Optional<Trajectory> findByIdAndCoachId(Long id, Long coachId);

    Optional<Trajectory> findByIdAndOrganisationId(Long id, Long organisationId);

    List<Trajectory> findByCoachIdOrderByStartedOnDesc(Long coachId);

    List<Trajectory> findByOrganisationIdOrderByStartedOnDesc(Long organisationId);

}
