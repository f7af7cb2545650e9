package nl.jobcoachmonitor.measurement;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measurement module's part of erasing a person: the personal questionnaire links of their trajectories (the mails
 * that carried them are the mail module's, {@code MailErasure}). The answers stay: no item of the
 * instruments is free text (every answer is an option, a grade or a number, see {@link ItemType}), so they identify
 * no one once the name is gone, and the indicators are computed from them.
 */
@Component
public class MeasurementErasure {

    private final JdbcClient jdbc;

    MeasurementErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the caller's transaction (the erasure of one person is one transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(Collection<Long> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return;
        }
        String waves = "select id from measurement_wave where trajectory_id in (:t)";
        jdbc.sql("delete from questionnaire_link where wave_id in (" + waves + ")").param("t", trajectoryIds).update();
    }
}
