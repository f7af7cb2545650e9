package nl.jobcoachmonitor.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;

import nl.jobcoachmonitor.identity.AccessAction;
import nl.jobcoachmonitor.identity.PersonalDataAccessed;
import nl.jobcoachmonitor.identity.PersonalDataAccessedInBulk;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes every access to personal data to the append-only {@code audit_event} table, in a transaction of its own: a
 * read inside a read-only transaction is logged too, and a change that rolls back still leaves the attempt in the log.
 * Inside a web request the accesses are written together when the response is opened ({@link AccessLogBatch}, which
 * says what that still guarantees); elsewhere at once.
 *
 * <p>The log has a small connection pool of its own. A request that holds a connection of the application's pool and
 * logs an access would otherwise wait for a second one from the same pool; with as many such requests at once as the
 * pool has connections, they would all wait for each other until the pool's timeout. An audit connection is held only
 * for one short transaction that waits for nothing but the chain's head, so this cannot happen.
 *
 * <p>Every row is a link of a hash chain ({@link ChainedEvent}): in one transaction the writer moves the one-row head
 * {@code audit_chain_head} on by the number of rows it adds (its row lock puts the writers of all instances in line),
 * takes the previous hash from it, adds the rows with their hashes, and stores the last hash in the head.
 */
@Component
class AccessLog implements DisposableBean {

    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final TransactionTemplate transaction;

    AccessLog(DataSourceProperties properties) {
        this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("audit");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        this.jdbc = JdbcClient.create(pool);
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(pool);
        this.transaction = new TransactionTemplate(new JdbcTransactionManager(pool));
    }

    /**
     * One row per access. The organisation that holds the person's data (given, for a report over its trajectories, or
     * looked up from the person as the row is written) is kept in it, so a privacy officer still finds the row after the person's identifying data is erased.
     */
    @EventListener
    void on(PersonalDataAccessed e) {
        if (e.action() == AccessAction.CREATE || e.action() == AccessAction.CHANGE
                || e.action() == AccessAction.DELETE) {
            // a change of personal data is logged at once, with what the request held before it, while the change's
            // own transaction is still open: if the log cannot be written, the change is rolled back, so no change is
            // ever stored without its entry (held until the response, a database cut between the change's commit
            // and the log's write lost the entry: DatabaseOutageTests)
            var batch = AccessLogBatch.takeHeld();
            batch.add(e);
            write(batch);
        } else if (!AccessLogBatch.hold(e)) {
            write(List.of(e));
        }
    }

    /**
     * One row per person, in batches of {@value #BATCH} rows per transaction: the head moves on by the batch's size at
     * once, the rows are hashed in order in memory and inserted as one JDBC batch, so a full export of an organisation
     * with 200,000 persons costs 200 short transactions, not 200,000.
     */
    @EventListener
    void on(PersonalDataAccessedInBulk bulk) {
        var ids = bulk.personIds();
        for (int from = 0; from < ids.size(); from += BATCH) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            transaction.executeWithoutResult(status -> appendAll(bulk.access(), chunk));
        }
    }

    private static final int BATCH = 1000;

    private void appendAll(PersonalDataAccessed e, java.util.List<Long> personIds) {
        int n = personIds.size();
        jdbc.sql("update audit_chain_head set seq = seq + :n where id = 1").param("n", n).update();
        record Head(long seq, String hash) {
        }
        var head = jdbc.sql("select seq, row_hash from audit_chain_head where id = 1")
                .query((row, i) -> new Head(row.getLong("seq"), row.getString("row_hash"))).single();
        long seq = head.seq() - n + 1;
        String previous = head.hash();
        var rows = new java.util.ArrayList<Object[]>(n);
        for (Long personId : personIds) {
            var event = new ChainedEvent(seq, previous, e.occurredAt(), e.username(),
                    e.role() == null ? null : e.role().name(), e.action().name(), e.objectType(), e.objectId(),
                    personId, e.allowed() ? "ALLOWED" : "DENIED", e.remoteAddress(), e.userId(),
                    e.userOrganisationId(), e.onBehalfOf() == null ? null : e.onBehalfOf().name(),
                    e.dataOrganisationId());
            String hash = event.hash();
            rows.add(new Object[] {event.occurredAt().atOffset(ZoneOffset.UTC), event.username(), event.role(),
                    event.action(), event.objectType(), event.objectId(), event.personId(), event.outcome(),
                    event.remoteAddress(), event.userId(), event.userOrganisationId(), event.onBehalfOf(),
                    event.personOrganisationId(), event.chainSeq(), event.previousHash(), hash});
            previous = hash;
            seq++;
        }
        int[] types = {java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT,
                java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.BIGINT,
                java.sql.Types.VARCHAR, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
                java.sql.Types.VARCHAR};
        batch.batchUpdate("""
                insert into audit_event (occurred_at, username, role, action, object_type, object_id, person_id,
                  outcome, remote_address, user_id, user_organisation_id, on_behalf_of, person_organisation_id,
                  chain_seq, previous_hash, row_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, types);
        jdbc.sql("update audit_chain_head set row_hash = :hash where id = 1").param("hash", previous).update();
    }

    /** Appends the accesses, in this order, as consecutive rows of the chain, in one transaction. */
    void write(List<PersonalDataAccessed> accesses) {
        if (!accesses.isEmpty()) {
            transaction.executeWithoutResult(status -> append(accesses));
        }
    }

    private void append(List<PersonalDataAccessed> accesses) {
        // The organisation that holds the data: given (a report over its trajectories), or the person's.
        List<Long> organisations = new ArrayList<>(accesses.size());
        for (var e : accesses) {
            organisations.add(e.dataOrganisationId() != null || e.personId() == null ? e.dataOrganisationId()
                    : jdbc.sql("select organisation_id from employee where id = :id").param("id", e.personId())
                            .query(Long.class).optional().orElse(null));
        }
        // Taking the head's row lock first: a second writer waits here until this transaction commits.
        jdbc.sql("update audit_chain_head set seq = seq + :n where id = 1").param("n", accesses.size()).update();
        var head = jdbc.sql("select seq, row_hash from audit_chain_head where id = 1")
                .query((row, n) -> new Object[] {row.getLong("seq"), row.getString("row_hash")}).single();
        long seq = (Long) head[0] - accesses.size();
        String previous = (String) head[1];
        for (int i = 0; i < accesses.size(); i++) {
            var e = accesses.get(i);
            var event = new ChainedEvent(++seq, previous, e.occurredAt(), e.username(),
                    e.role() == null ? null : e.role().name(), e.action().name(), e.objectType(), e.objectId(),
                    e.personId(), e.allowed() ? "ALLOWED" : "DENIED", e.remoteAddress(), e.userId(),
                    e.userOrganisationId(), e.onBehalfOf() == null ? null : e.onBehalfOf().name(),
                    organisations.get(i));
            previous = insert(event);
        }
        jdbc.sql("update audit_chain_head set row_hash = :hash where id = 1").param("hash", previous).update();
    }

    /** Inserts the row and answers its hash. */
    private String insert(ChainedEvent event) {
        String hash = event.hash();
        jdbc.sql("""
                insert into audit_event (occurred_at, username, role, action, object_type, object_id, person_id,
                  outcome, remote_address, user_id, user_organisation_id, on_behalf_of, person_organisation_id,
                  chain_seq, previous_hash, row_hash)
                values (:at, :username, :role, :action, :type, :objectId, :personId, :outcome, :address, :userId,
                  :userOrganisation, :onBehalfOf, :personOrganisation, :seq, :previous, :hash)
                """)
                .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
                .param("username", event.username())
                .param("role", event.role())
                .param("action", event.action())
                .param("type", event.objectType())
                .param("objectId", event.objectId())
                .param("personId", event.personId(), java.sql.Types.BIGINT)
                .param("outcome", event.outcome())
                .param("address", event.remoteAddress())
                .param("userId", event.userId(), java.sql.Types.BIGINT)
                .param("userOrganisation", event.userOrganisationId(), java.sql.Types.BIGINT)
                .param("onBehalfOf", event.onBehalfOf())
                .param("personOrganisation", event.personOrganisationId(), java.sql.Types.BIGINT)
                .param("seq", event.chainSeq())
                .param("previous", event.previousHash())
                .param("hash", hash)
                .update();
        return hash;
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
