package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import nl.jobcoachmonitor.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The login throttle on the real database (its counts are shared by the instances, see SharedThrottleTests). */
@IntegrationTest
class LoginThrottleTests {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private LoginThrottle throttle;
    // names and addresses of this test only (the database is shared with the other tests)
    private final String t = "-" + java.util.UUID.randomUUID();

    @Autowired
    void throttle(FailureThrottles throttles) {
        clock.now = Instant.now();
        this.throttle = new LoginThrottle(throttles, clock);
    }

    @Test
    void blocksANameAfterFiveFailuresWhetherOrNotItExists() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.failed("Nobody" + t, "10.0.0.1" + t);
        }
        assertThat(throttle.isBlocked("nobody" + t, "10.0.0.2" + t)).isFalse();
        throttle.failed("nobody" + t, "10.0.0.1" + t);
        assertThat(throttle.isBlocked("NOBODY" + t, "10.0.0.2" + t)).isTrue();
        assertThat(throttle.isBlocked("somebody" + t, "10.0.0.2" + t)).isFalse();
    }

    @Test
    void liftsTheBlockAfterAQuietPeriod() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            throttle.failed("coach" + t, "10.0.0.1" + t);
        }
        assertThat(throttle.isBlocked("coach" + t, "10.0.0.1" + t)).isTrue();
        clock.now = clock.now.plus(LoginThrottle.BLOCK).plus(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked("coach" + t, "10.0.0.1" + t)).isFalse();
    }

    @Test
    void blocksAnAddressThatTriesManyNames() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + t + i, "10.0.0.9" + t);
        }
        assertThat(throttle.isBlocked("fresh-name" + t, "10.0.0.9" + t)).isTrue();
        assertThat(throttle.isBlocked("fresh-name" + t, "10.0.0.8" + t)).isFalse();
    }

    @Test
    void aSuccessfulLoginClearsTheNamesFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
            throttle.failed("coach" + t, "10.0.0.1" + t);
        }
        throttle.succeeded("coach" + t);
        throttle.failed("coach" + t, "10.0.0.1" + t);
        assertThat(throttle.isBlocked("coach" + t, "10.0.0.1" + t)).isFalse();
    }
}
