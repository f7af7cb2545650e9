package nl.jobcoachmonitor.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's public API. */
@Service
@Transactional(readOnly = true)
public class IdentityManagement {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;

    IdentityManagement(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /**
     * The password hash of an account made without a password (as the user administration makes them): the hash of a
     * random token that is thrown away at once, so nobody can sign in with it until an invitation sets a password of
     * the user's own (an administrator sends it from the account's page).
     */
    public String passwordNobodyKnows() {
        return encoder.encode(PersonalTokens.newToken());
    }

    public List<StaffMember> coachesOf(long organisationId) {
        return accounts.findByOrganisationIdAndRoleOrderByDisplayName(organisationId, Role.COACH).stream()
                .filter(UserAccount::isEnabled).map(IdentityManagement::toStaff).toList();
    }

    public Optional<StaffMember> staffMember(long id) {
        return accounts.findById(id).map(IdentityManagement::toStaff);
    }

    public Map<Long, String> displayNames(Collection<Long> ids) {
        return accounts.findAllById(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getDisplayName, (a, b) -> a));
    }

    private static StaffMember toStaff(UserAccount a) {
        return new StaffMember(a.getId(), a.getDisplayName(), a.getRole(), a.getOrganisationId());
    }
}
