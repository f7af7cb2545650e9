package nl.jobcoachmonitor.organisation;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface Commissioners extends ListCrudRepository<Commissioner, Long> {
    List<Commissioner> findAllByOrderByName();
    boolean existsByName(String name);
}
