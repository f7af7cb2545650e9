package nl.jobcoachmonitor.coaching;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coaching module's part of erasing a person: the coach's free-text notes of their contacts and the reasons the
 * hours were needed. Date, minutes, party, mode, themes and the goals a contact served stay: the contact hours per month and the themes are the statistics.
 */
@Component
public class ContactErasure {

    private final JdbcClient jdbc;

    ContactErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Collection<Long> trajectoryIds) {
        if (!trajectoryIds.isEmpty()) {
            jdbc.sql("update contact set note = null, reason = null, version = version + 1 where trajectory_id in (:t) "
                    + "and (note is not null or reason is not null)").param("t", trajectoryIds).update();
        }
    }
}
