package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a user name, an address) and blocks a key that reached its maximum until a quiet period
 * has passed since its last failure, so a steady guesser stays blocked. In memory, per instance: it slows guessing
 * down, it does not replace secrets that are long enough not to be guessed.
 */
public final class FailureThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Duration block;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public FailureThrottle(Clock clock, Duration block) {
        this.clock = clock;
        this.block = block;
    }

    public boolean blocked(String key, int max) {
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f == null) {
            return false;
        }
        if (f.since().plus(block).isBefore(now)) {
            failures.remove(key, f);
            return false;
        }
        return f.count() >= max;
    }

    public void failed(String... keys) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.since().plus(block).isBefore(now));
        }
        for (String key : keys) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    public void reset(String key) {
        failures.remove(key);
    }

    private record Failures(int count, Instant since) {
    }
}
