package nl.jobcoachmonitor.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login with throttling. Unknown user and wrong password both end in {@link BadCredentialsException}
 * (the DAO provider hides unknown names and spends the same hashing time on them).
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    /** Thrown while a name or address is blocked; the login page shows its own message for it. */
    static class TooManyAttempts extends LockedException {
        TooManyAttempts() {
            super("too many attempts");
        }
    }

    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AccountDetailsService details, PasswordEncoder encoder, LoginThrottle throttle) {
        super(details);
        setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        if (throttle.isBlocked(username, address)) {
            throw new TooManyAttempts();
        }
        try {
            Authentication result = super.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            // Disabled accounts get the same answer as a wrong password.
            throw new BadCredentialsException("bad credentials");
        }
    }
}
