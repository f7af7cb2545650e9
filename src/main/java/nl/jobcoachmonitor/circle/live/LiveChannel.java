package nl.jobcoachmonitor.circle.live;

/**
 * Announces a stored change to every application instance, after the transaction that stored it commits (nothing for
 * a change rolled back). On PostgreSQL by {@code NOTIFY} ({@link PostgresLiveChannel}), so several instances behind a
 * load balancer all hear it; on the embedded H2, which only one instance can use, in-process ({@link LocalLiveChannel}).
 */
interface LiveChannel {

    void publish(LiveChange change);

    /** Starts listening (called once the bean is made, before the application takes requests). */
    default void start() {
    }

    /** Stops listening, when the application stops. */
    default void stop() {
    }
}
