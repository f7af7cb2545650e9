package nl.jobcoachmonitor.trajectory;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The consent history, append-only: the latest decision per trajectory and purpose is the one that holds. */
@Component
class Consents {

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long trajectoryId, long employeeId, ConsentPurpose purpose, boolean given, LocalDate decidedOn,
            String textVersion, long recordedBy, Instant now) {
        jdbc.sql("insert into consent (trajectory_id, employee_id, purpose, given, decided_on, text_version, "
                + "recorded_by, recorded_at) values (:t, :e, :p, :g, :d, :v, :by, :at)").param("t", trajectoryId)
                .param("e", employeeId).param("p", purpose.name()).param("g", given).param("d", decidedOn)
                .param("v", textVersion).param("by", recordedBy).param("at", Timestamp.from(now)).update();
    }

    /** Newest first. */
    List<Consent> history(long trajectoryId) {
        return jdbc.sql("select c.*, u.display_name from consent c left join app_user u on u.id = c.recorded_by "
                + "where c.trajectory_id = :t order by c.id desc").param("t", trajectoryId)
                .query((rs, n) -> new Consent(rs.getLong("id"), rs.getLong("trajectory_id"),
                        ConsentPurpose.valueOf(rs.getString("purpose")), rs.getBoolean("given"),
                        rs.getObject("decided_on", LocalDate.class), rs.getString("text_version"),
                        rs.getString("display_name"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Of these trajectories, those whose latest decision for the purpose is consent given. */
    Set<Long> given(Collection<Long> trajectoryIds, ConsentPurpose purpose) {
        if (trajectoryIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select c.trajectory_id from consent c where c.purpose = :p and c.given = true "
                + "and c.trajectory_id in (:ids) and c.id = (select max(l.id) from consent l "
                + "where l.trajectory_id = c.trajectory_id and l.purpose = c.purpose)")
                .param("p", purpose.name()).param("ids", trajectoryIds).query(Long.class).list());
    }
}
