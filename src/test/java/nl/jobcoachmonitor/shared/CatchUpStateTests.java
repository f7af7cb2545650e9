package nl.jobcoachmonitor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;

import nl.jobcoachmonitor.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catch-up state on the application's own lock table: done when every expected job is done or runs on another
 * instance (which holds its lock), not while one is waiting or failed; the event comes once.
 */
@IntegrationTest
class CatchUpStateTests {

    @Autowired LockProvider locks;

    @Test
    void doneOnlyWhenEveryExpectedJobIsDoneHereOrElsewhereAndTheEventComesOnce() {
        List<Object> events = new ArrayList<>();
        var state = new CatchUpState(locks, events::add, false);
        state.expect("test-a");
        state.expect("test-b");
        state.expect("test-c");
        AtomicInteger runs = new AtomicInteger();

        state.onStart("test-a", runs::incrementAndGet);
        assertThat(state.done()).isFalse();
        assertThat(state.status()).containsEntry("test-a", CatchUpState.Status.DONE)
                .containsEntry("test-b", CatchUpState.Status.WAITING);

        state.onStart("test-b", () -> {
            throw new IllegalStateException("a batch failed");
        });
        assertThat(state.status()).containsEntry("test-b", CatchUpState.Status.FAILED);
        assertThat(state.done()).isFalse();

        // Another instance holds the lock of job c: this one leaves the work to it.
        var held = locks.lock(new LockConfiguration(Instant.now(), "catch-up-test-c", Duration.ofMinutes(1),
                Duration.ZERO)).orElseThrow();
        try {
            state.onStart("test-c", runs::incrementAndGet);
        } finally {
            held.unlock();
        }
        assertThat(state.status()).containsEntry("test-c", CatchUpState.Status.ELSEWHERE);
        assertThat(runs).hasValue(1);
        assertThat(events).isEmpty();

        state.onStart("test-b", runs::incrementAndGet); // the next run goes on
        assertThat(state.done()).isTrue();
        assertThat(events).hasSize(1).first().isInstanceOf(CatchUpCompleted.class);

        state.now("test-a", runs::incrementAndGet); // a night's run: no new event, still done
        assertThat(runs).hasValue(3);
        assertThat(events).hasSize(1);
        assertThat(state.done()).isTrue();
    }
}
