package nl.jobcoachmonitor.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in staff member, as every module sees it. Data scoping starts here: a coach sees the
 * trajectories with {@code coach_id = id()}, a manager those with {@code organisation_id = organisationId()}.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    /** The authority of a knowledge circle's organiser, held beside the role. */
    public static final String CIRCLE_ORGANISER = "ROLE_CIRCLE_ORGANISER";

    private final long id;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final Long organisationId;
    private final Long commissionerId;
    private final boolean enabled;
    private final boolean circleOrganiser;

    public CurrentUser(long id, String username, String passwordHash, String displayName, Role role,
            Long organisationId, Long commissionerId, boolean enabled) {
        this(id, username, passwordHash, displayName, role, organisationId, commissionerId, enabled, false);
    }

    /**
     * @param circleOrganiser whether this staff member organises a knowledge circle (kenniskring): a capability beside
     *                        the role, with the authority {@code ROLE_CIRCLE_ORGANISER}
     */
    public CurrentUser(long id, String username, String passwordHash, String displayName, Role role,
            Long organisationId, Long commissionerId, boolean enabled, boolean circleOrganiser) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.organisationId = organisationId;
        this.commissionerId = commissionerId;
        this.enabled = enabled;
        this.circleOrganiser = circleOrganiser;
    }

    public long id() { return id; }
    public String displayName() { return displayName; }
    public Role role() { return role; }
    public Long organisationId() { return organisationId; }
    public Long commissionerId() { return commissionerId; }

    public boolean isCoach() { return role == Role.COACH; }
    public boolean isManager() { return role == Role.MANAGER; }
    public boolean isCircleOrganiser() { return circleOrganiser; }

    /** Whether this user may see individual trajectories at all (coach or manager). */
    public boolean seesCaseContent() {
        return role == Role.COACH || role == Role.MANAGER;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return circleOrganiser
                ? List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority(CIRCLE_ORGANISER))
                : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return username + " (" + role + ")";
    }
}
