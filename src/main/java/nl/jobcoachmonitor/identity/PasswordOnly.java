package nl.jobcoachmonitor.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A staff member who gave the right password but not yet the second factor: no role, so no page but the second step
 * (or the enrolment, when the policy requires one and there is none yet) and the logout; {@link SecondFactorGate}
 * sends every other request there.
 */
public final class PasswordOnly extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final boolean enrolled;

    PasswordOnly(CurrentUser user, boolean enrolled) {
        super(List.of());
        this.user = user;
        this.enrolled = enrolled;
        setAuthenticated(true);
    }

    /** Whether the user has a second factor to give (otherwise they must enrol first). */
    public boolean enrolled() {
        return enrolled;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}
