package nl.jobcoachmonitor.audit;

import java.sql.Timestamp;

import com.zaxxer.hikari.HikariDataSource;

import nl.jobcoachmonitor.identity.PersonalDataAccessed;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes every access to personal data to the append-only {@code audit_event} table, at once and on its own: a read
 * inside a read-only transaction is logged too, and a change that rolls back still leaves the attempt in the log.
 *
 * <p>The log has a small connection pool of its own. A request that holds a connection of the application's pool and
 * logs an access would otherwise wait for a second one from the same pool; with as many such requests at once as the
 * pool has connections, they would all wait for each other until the pool's timeout. An audit connection is held only
 * for one insert (auto-commit) and never waits for anything else, so this cannot happen.
 */
@Component
class AccessLog implements DisposableBean {

    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    AccessLog(DataSourceProperties properties) {
        this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("audit");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        this.jdbc = JdbcClient.create(pool);
    }

    /**
     * One row per access. The organisation that holds the person's data (given, for a report over its trajectories, or
     * looked up from the person as the row is written) is kept in it, so a privacy officer still finds the row after the person's identifying data is erased.
     */
    @EventListener
    void on(PersonalDataAccessed e) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, role, action, object_type, object_id, person_id,
                  outcome, remote_address, user_id, user_organisation_id, on_behalf_of, person_organisation_id)
                values (:at, :username, :role, :action, :type, :objectId, :personId, :outcome, :address, :userId,
                  :userOrganisation, :onBehalfOf,
                  coalesce(:dataOrganisation, (select organisation_id from employee where id = :personId)))
                """)
                .param("at", Timestamp.from(e.occurredAt()))
                .param("username", e.username())
                .param("role", e.role() == null ? null : e.role().name())
                .param("action", e.action().name())
                .param("type", e.objectType())
                .param("objectId", e.objectId())
                .param("personId", e.personId(), java.sql.Types.BIGINT)
                .param("outcome", e.allowed() ? "ALLOWED" : "DENIED")
                .param("address", e.remoteAddress())
                .param("userId", e.userId(), java.sql.Types.BIGINT)
                .param("userOrganisation", e.userOrganisationId(), java.sql.Types.BIGINT)
                .param("onBehalfOf", e.onBehalfOf() == null ? null : e.onBehalfOf().name())
                .param("dataOrganisation", e.dataOrganisationId(), java.sql.Types.BIGINT)
                .update();
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
