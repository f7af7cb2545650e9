package nl.jobcoachmonitor.operations;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A stop that a load balancer can follow (README "Operating", "Stopping behind a load balancer"). When the application
 * is asked to stop (SIGTERM, {@code context.close()}), Spring Boot first sets readiness to
 * {@link ReadinessState#REFUSING_TRAFFIC}, so {@code /actuator/health/readiness} answers 503. This lifecycle stops
 * first of all (the highest phase) and waits {@code jcm.shutdown.drain} while the application still serves every
 * request as before: the load balancer's health check sees the 503, takes the instance out and sends it no new
 * requests. Only then does Spring Boot's graceful shutdown begin (the web server accepts no more connections and
 * finishes the requests it has, for at most {@code spring.lifecycle.timeout-per-shutdown-phase}), and the context closes.
 * <p>
 * It also tells the "not ready" of a stopping application (the context is closing) from the "not ready yet" of a
 * starting one, so that {@link ServiceUnavailable} keeps serving while draining.
 */
@Component
class DrainBeforeStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DrainBeforeStop.class);

    private final ApplicationContext context;
    private final Duration drain;
    private volatile boolean running;
    private volatile boolean stopping;

    DrainBeforeStop(ApplicationContext context, @Value("${jcm.shutdown.drain:PT10S}") Duration drain) {
        this.context = context;
        this.drain = drain;
    }

    /** Published as the close begins, after readiness was taken back and before any lifecycle stops. */
    @EventListener
    void on(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == context) {
            stopping = true;
        }
    }

    /** Whether the application is stopping (it serves on while it drains), as opposed to not ready yet. */
    boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        if (!drain.isZero() && !drain.isNegative()) {
            log.info("Stopping: readiness is REFUSING_TRAFFIC; serving on for {} s while the load balancer drains",
                    drain.toMillis() / 1000.0);
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other lifecycle, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
