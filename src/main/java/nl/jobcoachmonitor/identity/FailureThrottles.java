package nl.jobcoachmonitor.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Makes the {@link FailureThrottle}s, each with its own name in the shared table {@code throttle_failure}. */
@Component
class FailureThrottles {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;

    FailureThrottles(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    FailureThrottle named(String name, Duration block, Clock clock) {
        return new FailureThrottle(jdbc, transactions, clock, name, block);
    }
}
