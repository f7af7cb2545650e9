package nl.jobcoachmonitor.organisation;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Organisations extends ListCrudRepository<Organisation, Long> {
    List<Organisation> findAllByOrderByName();
    boolean existsByName(String name);
}
