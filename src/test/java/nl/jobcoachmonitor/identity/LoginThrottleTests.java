package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void blocksANameAfterFiveFailuresWhetherOrNotItExists() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.failed("Nobody", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("nobody", "10.0.0.2")).isFalse();
        throttle.failed("nobody", "10.0.0.1");
        assertThat(throttle.isBlocked("NOBODY", "10.0.0.2")).isTrue();
        assertThat(throttle.isBlocked("somebody", "10.0.0.2")).isFalse();
    }

    @Test
    void liftsTheBlockAfterAQuietPeriod() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.failed("coach", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("coach", "10.0.0.1")).isTrue();
        clock.now = clock.now.plus(LoginThrottle.BLOCK).plus(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked("coach", "10.0.0.1")).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyNames() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThat(throttle.isBlocked("fresh-name", "10.0.0.9")).isTrue();
        assertThat(throttle.isBlocked("fresh-name", "10.0.0.8")).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheNamesFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.failed("coach", "10.0.0.1");
        }
        throttle.succeeded("coach");
        throttle.failed("coach", "10.0.0.1");
        assertThat(throttle.isBlocked("coach", "10.0.0.1")).isFalse();
    }
}
