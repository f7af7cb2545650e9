package nl.jobcoachmonitor.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByOrganisationIdAndRoleOrderByDisplayName(Long organisationId, Role role);

    List<UserAccount> findAllByOrderByRoleAscDisplayNameAsc();

    boolean existsByUsername(String username);
}
