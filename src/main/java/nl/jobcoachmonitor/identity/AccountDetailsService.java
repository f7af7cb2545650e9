package nl.jobcoachmonitor.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username.trim().toLowerCase()).map(AccountDetailsService::currentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    static CurrentUser currentUser(UserAccount a) {
        return new CurrentUser(a.getId(), a.getUsername(), a.getPasswordHash(), a.getDisplayName(), a.getRole(),
                a.getOrganisationId(), a.getCommissionerId(), a.isEnabled());
    }
}
