package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Wrong second-factor codes, counted per account wherever they are given: the second login step, the enrolment, new
 * recovery codes and the JSON API's {@code X-Second-Factor} header share one count. After {@value #MAX_FAILURES} the
 * account waits {@link #BLOCK} (from its last wrong code); a right password does not reset the count, only a right
 * code does.
 */
@Component
public class SecondFactorThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration BLOCK = Duration.ofMinutes(5);

    private final FailureThrottle failures;

    SecondFactorThrottle(FailureThrottles throttles, Clock clock) {
        this.failures = throttles.named("second-factor", BLOCK, clock);
    }

    public boolean blocked(long userId) {
        return failures.blocked(key(userId), MAX_FAILURES);
    }

    public void failed(long userId) {
        failures.failed(key(userId));
    }

    public void succeeded(long userId) {
        failures.reset(key(userId));
    }

    private static String key(long userId) {
        return "u:" + userId;
    }
}
