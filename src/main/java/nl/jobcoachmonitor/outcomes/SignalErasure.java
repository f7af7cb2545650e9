package nl.jobcoachmonitor.outcomes;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcomes module's part of erasing a person: the free text of their signals (the coach's handling notes, the
 * employee's correction requests). The signals themselves and every indicator stay, for the statistics.
 */
@Component
public class SignalErasure {

    private final JdbcClient jdbc;

    SignalErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Collection<Long> trajectoryIds) {
        if (!trajectoryIds.isEmpty()) {
            jdbc.sql("update signal set note = null, request_text = null where trajectory_id in (:t)")
                    .param("t", trajectoryIds).update();
        }
    }
}
