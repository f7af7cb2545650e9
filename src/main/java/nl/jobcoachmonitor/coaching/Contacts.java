package nl.jobcoachmonitor.coaching;

import org.springframework.data.repository.ListCrudRepository;

/** Contacts. Callers pass a trajectory id they have already scoped through {@code TrajectoryManagement.visible}. */
interface Contacts extends ListCrudRepository<Contact, Long> {

    long countByTrajectoryId(Long trajectoryId);
}
