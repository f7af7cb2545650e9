package nl.jobcoachmonitor.operations;

import java.util.concurrent.atomic.AtomicBoolean;

import nl.jobcoachmonitor.shared.CatchUpCompleted;
import nl.jobcoachmonitor.shared.CatchUpState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code jcm.readiness.after-catch-up} (default: on with the demo data), the application is not ready until the
 * start-up catch-up ({@link CatchUpState}: waves, then indicators and signals) is done here or elsewhere, so that a
 * first visitor of the demo never sees a caseload without its indicators and signals. Spring Boot declares readiness
 * after the ready event; while the catch-up still runs in the background this takes it back, and
 * {@link CatchUpCompleted} gives it again. In production the default is off: a start at 200,000 trajectories is ready
 * in seconds and the indicators catch up behind it (bench/README "Restart, rebuild and report at 200k").
 */
@Component
class ReadyAfterCatchUp {

    private final CatchUpState catchUps;
    private final ApplicationEventPublisher events;
    private final boolean waitForCatchUp;
    private final AtomicBoolean refused = new AtomicBoolean();

    ReadyAfterCatchUp(CatchUpState catchUps, ApplicationEventPublisher events,
            @Value("${jcm.readiness.after-catch-up:${jcm.demo.enabled:false}}") boolean waitForCatchUp) {
        this.catchUps = catchUps;
        this.events = events;
        this.waitForCatchUp = waitForCatchUp;
    }

    @EventListener
    void on(AvailabilityChangeEvent<ReadinessState> change) {
        if (waitForCatchUp && change.getState() == ReadinessState.ACCEPTING_TRAFFIC && !catchUps.done()
                && refused.compareAndSet(false, true)) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            if (catchUps.done()) { // finished in between: its event may have come before this refusal
                AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            }
        }
    }

    @EventListener
    void on(CatchUpCompleted completed) {
        if (refused.get()) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }
}
