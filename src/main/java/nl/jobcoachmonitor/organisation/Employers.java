package nl.jobcoachmonitor.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Employers extends ListCrudRepository<Employer, Long> {
    List<Employer> findByOrganisationIdOrderByName(Long organisationId);
    Optional<Employer> findByIdAndOrganisationId(Long id, Long organisationId);
}
