package nl.jobcoachmonitor.audit;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the access log's hash chain from its first row to the head: every row must follow the one before it (place
 * and previous hash) and have the hash of its own content, and the last must be the head. Rows added while it checks
 * (after the head it read) wait for the next check.
 */
@Component
class AuditChain {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditChain(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1000); // PostgreSQL streams the rows inside the (read-only) transaction
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** The outcome of a check: intact with its length and head, or the first row (id, place) that breaks it. */
    record Status(boolean intact, long rows, String headHash, Long brokenAtId, Long brokenAtSeq, long lastSeq) {

        /** The chain is whole but ends before its head: its last rows were removed. */
        public boolean endMissing() {
            return !intact && brokenAtId == null;
        }
    }

    Status verify() {
        return readOnly.execute(status -> check());
    }

    private Status check() {
        var head = jdbc.queryForMap("select seq, row_hash from audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("seq")).longValue();
        String headHash = (String) head.get("row_hash");

        Long outside = jdbc.queryForObject("select min(id) from audit_event where chain_seq is null", Long.class);
        if (outside != null) {
            return new Status(false, headSeq, headHash, outside, null, 0);
        }
        var walk = new Walk();
        jdbc.query("select * from audit_event where chain_seq <= ? order by chain_seq", walk::next, headSeq);
        if (walk.brokenAtId != null) {
            return new Status(false, headSeq, headHash, walk.brokenAtId, walk.brokenAtSeq, walk.seq);
        }
        if (walk.seq != headSeq || !walk.previous.equals(headHash)) {
            return new Status(false, headSeq, headHash, null, null, walk.seq);
        }
        return new Status(true, headSeq, headHash, null, null, walk.seq);
    }

    /** Walks the rows in the chain's order and remembers the first that does not fit. */
    private static final class Walk {
        long seq;
        String previous = ChainedEvent.GENESIS;
        Long brokenAtId;
        Long brokenAtSeq;

        void next(java.sql.ResultSet row) throws java.sql.SQLException {
            if (brokenAtId != null) {
                return;
            }
            long expected = seq + 1;
            String stored = row.getString("row_hash");
            boolean fits = row.getLong("chain_seq") == expected && previous.equals(row.getString("previous_hash"))
                    && ChainedEvent.of(row, expected, previous).hash().equals(stored);
            if (!fits) {
                brokenAtId = row.getLong("id");
                brokenAtSeq = row.getLong("chain_seq");
                return;
            }
            seq = expected;
            previous = stored;
        }
    }
}
