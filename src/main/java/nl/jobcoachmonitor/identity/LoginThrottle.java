package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins for one user name, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, further attempts are refused for {@link #BLOCK}, whether the
 * name exists or not (so the block tells nothing about existence). Unknown API tokens count against their address too
 * ({@link ApiTokenAuthentication}).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration BLOCK = Duration.ofMinutes(5);

    private final FailureThrottle failures;

    LoginThrottle(FailureThrottles throttles, Clock clock) {
        this.failures = throttles.named("login", BLOCK, clock);
    }

    boolean isBlocked(String username, String address) {
        return failures.blocked(userKey(username), MAX_FAILURES_PER_USER)
                || failures.blocked(addressKey(address), MAX_FAILURES_PER_ADDRESS);
    }

    void failed(String username, String address) {
        failures.failed(userKey(username), addressKey(address));
    }

    /** An address that guessed too often (passwords and API tokens count together). */
    boolean isAddressBlocked(String address) {
        return failures.blocked(addressKey(address), MAX_FAILURES_PER_ADDRESS);
    }

    /** A wrong API token from this address (there is no user name to count it against). */
    void failedFrom(String address) {
        failures.failed(addressKey(address));
    }

    void succeeded(String username) {
        failures.reset(userKey(username));
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
