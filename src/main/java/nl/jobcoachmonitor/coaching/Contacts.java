package nl.jobcoachmonitor.coaching;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

/** Contacts. Callers pass a trajectory id they have already scoped through {@code TrajectoryManagement.visible}. */
interface Contacts extends ListCrudRepository<Contact, Long> {

    List<Contact> findByTrajectoryIdOrderByContactOnDescIdDesc(Long trajectoryId);

    List<Contact> findByTrajectoryIdOrderByContactOnDescIdDesc(Long trajectoryId, Pageable page);

    long countByTrajectoryId(Long trajectoryId);
}
