package nl.jobcoachmonitor.trajectory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Employees extends ListCrudRepository<Employee, Long> {

    Optional<Employee> findByIdAndOrganisationId(Long id, Long organisationId);

    List<Employee> findByOrganisationIdOrderByLastNameAscFirstNameAsc(Long organisationId);

    @Query("select e.* from employee e where exists (select 1 from trajectory t where t.employee_id = e.id "
            + "and t.coach_id = :coachId) order by e.last_name, e.first_name")
    List<Employee> findOfCoach(Long coachId);

    @Query("select e.* from employee e where e.id = :id and exists (select 1 from trajectory t "
            + "where t.employee_id = e.id and t.coach_id = :coachId)")
    Optional<Employee> findByIdOfCoach(Long id, Long coachId);
}
