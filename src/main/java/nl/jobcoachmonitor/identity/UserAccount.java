package nl.jobcoachmonitor.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account. Passwords are stored as a salted adaptive hash only. */
@Table("app_user")
public class UserAccount {

    @Id
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private String email;
    private Role role;
    private Long organisationId;
    private Long commissionerId;
    private boolean enabled;
    @Version
    private Integer version;

    UserAccount(Long id, String username, String passwordHash, String displayName, String email, Role role,
            Long organisationId, Long commissionerId, boolean enabled, Integer version) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
        this.organisationId = organisationId;
        this.commissionerId = commissionerId;
        this.enabled = enabled;
        this.version = version;
    }

    public static UserAccount create(String username, String passwordHash, String displayName, String email, Role role,
            Long organisationId, Long commissionerId) {
        var account = new UserAccount(null, username.trim().toLowerCase(), passwordHash, displayName, email, role,
                null, null, true, null);
        account.assign(role, organisationId, commissionerId);
        return account;
    }

    /**
     * Coaches, managers and privacy officers belong to an organisation, commissioners to a commissioner; others to
     * neither.
     */
    public void assign(Role role, Long organisationId, Long commissionerId) {
        this.role = role;
        this.organisationId = role.belongsToOrganisation() ? organisationId : null;
        this.commissionerId = role == Role.COMMISSIONER ? commissionerId : null;
        if (role.belongsToOrganisation() && organisationId == null) {
            throw new nl.jobcoachmonitor.shared.DomainRuleViolation("organisationId", "user.organisation.required");
        }
        if (role == Role.COMMISSIONER && commissionerId == null) {
            throw new nl.jobcoachmonitor.shared.DomainRuleViolation("commissionerId", "user.commissioner.required");
        }
    }

    public void rename(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public Role getRole() { return role; }
    public Long getOrganisationId() { return organisationId; }
    public Long getCommissionerId() { return commissionerId; }
    public boolean isEnabled() { return enabled; }
    public Integer getVersion() { return version; }
}
