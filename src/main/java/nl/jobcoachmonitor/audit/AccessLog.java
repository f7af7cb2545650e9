package nl.jobcoachmonitor.audit;

import java.sql.Timestamp;

import nl.jobcoachmonitor.identity.PersonalDataAccessed;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every access to personal data to the append-only {@code audit_event} table, in its own transaction: a read
 * inside a read-only transaction is logged too, and a change that rolls back still leaves the attempt in the log.
 */
@Component
class AccessLog {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PersonalDataAccessed e) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, role, action, object_type, object_id, person_id,
                  outcome, remote_address)
                values (:at, :username, :role, :action, :type, :objectId, :personId, :outcome, :address)
                """)
                .param("at", Timestamp.from(e.occurredAt()))
                .param("username", e.username())
                .param("role", e.role() == null ? null : e.role().name())
                .param("action", e.action().name())
                .param("type", e.objectType())
                .param("objectId", e.objectId())
                .param("personId", e.personId())
                .param("outcome", e.allowed() ? "ALLOWED" : "DENIED")
                .param("address", e.remoteAddress())
                .update();
    }
}
