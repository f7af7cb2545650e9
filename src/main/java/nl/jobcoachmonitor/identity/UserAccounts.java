package nl.jobcoachmonitor.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByOrganisationIdAndRoleOrderByDisplayName(Long organisationId, Role role);

    List<UserAccount> findAllByOrderByRoleAscDisplayNameAsc();

    boolean existsByUsername(String username);

    /** Enabled accounts with this role other than this one: none left means it is the last (e.g. administrator). */
    @Query("select count(*) from app_user where role = :role and enabled = true and id <> :id")
    long countOtherEnabled(@Param("role") String role, @Param("id") long id);

    /**
     * A page of the accounts whose user name, name or e-mail contains the pattern (a lower-case {@code like}
     * pattern, {@link nl.jobcoachmonitor.shared.Like}), by role and name.
     */
    @Query("""
            select * from app_user where lower(username) like :pattern escape '\\'
            or lower(display_name) like :pattern escape '\\' or lower(coalesce(email, '')) like :pattern escape '\\'
            order by role, display_name, id limit :limit offset :offset""")
    List<UserAccount> search(@Param("pattern") String pattern, @Param("limit") int limit, @Param("offset") long offset);

    @Query("""
            select count(*) from app_user where lower(username) like :pattern escape '\\'
            or lower(display_name) like :pattern escape '\\' or lower(coalesce(email, '')) like :pattern escape '\\'""")
    long countMatching(@Param("pattern") String pattern);
}
