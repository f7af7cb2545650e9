package nl.jobcoachmonitor.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    AccountDetailsService(UserAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username.trim().toLowerCase())
                .map(a -> currentUser(a, organisesACircle(a.getId())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** A knowledge circle names its organiser (table {@code circle}, module circle); the capability follows from it. */
    private boolean organisesACircle(long userId) {
        return jdbc.sql("select count(*) from circle where organiser_id = ?").param(userId).query(Long.class).single() > 0;
    }

    static CurrentUser currentUser(UserAccount a) {
        return currentUser(a, false);
    }

    static CurrentUser currentUser(UserAccount a, boolean circleOrganiser) {
        return new CurrentUser(a.getId(), a.getUsername(), a.getPasswordHash(), a.getDisplayName(), a.getRole(),
                a.getOrganisationId(), a.getCommissionerId(), a.isEnabled(), circleOrganiser);
    }
}
