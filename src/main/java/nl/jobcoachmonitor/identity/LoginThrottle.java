package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins for one user name, or
 * {@value #MAX_FAILURES_PER_ADDRESS} from one address, further attempts are refused for {@link #BLOCK}, whether the
 * name exists or not (so the block tells nothing about existence).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES_PER_USER = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration BLOCK = Duration.ofMinutes(5);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String username, String address) {
        Instant now = clock.instant();
        return blocked(userKey(username), MAX_FAILURES_PER_USER, now)
                || blocked(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.since().plus(BLOCK).isBefore(now));
        }
        Instant now = clock.instant();
        failures.merge(userKey(username), new Failures(1, now), (old, one) -> old.plusOne(now));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> old.plusOne(now));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private boolean blocked(String key, int max, Instant now) {
        Failures f = failures.get(key);
        if (f == null) {
            return false;
        }
        if (f.since().plus(BLOCK).isBefore(now)) {
            failures.remove(key, f);
            return false;
        }
        return f.count() >= max;
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase());
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    /** {@code since} moves with every failure, so a steady guesser stays blocked. */
    private record Failures(int count, Instant since) {
        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }
    }
}
