package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import nl.jobcoachmonitor.audit.ChainedEvent;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The access log becomes a hash chain: every row of {@code audit_event} gets its place in the chain
 * ({@code chain_seq}), the hash of the row before it ({@code previous_hash}) and its own hash ({@code row_hash}, see
 * {@link ChainedEvent}); {@code audit_chain_head} holds the last place and hash. The application appends a row and
 * moves the head in one transaction, the head's row lock putting the writers of several instances in line.
 *
 * <p>The rows already written are hashed here, in the order of their ids, by the owner: for this once with the
 * append-only trigger off (PostgreSQL) or dropped and created again (H2). A Java migration because the hash is
 * computed the same way the application computes it.
 */
public class V24__audit_hash_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table audit_event add column chain_seq bigint");
            sql.execute("alter table audit_event add column previous_hash varchar(64)");
            sql.execute("alter table audit_event add column row_hash varchar(64)");
            sql.execute(postgres ? "alter table audit_event disable trigger audit_event_no_change"
                    : "drop trigger audit_event_no_change");

            long seq = 0;
            String previous = ChainedEvent.GENESIS;
            try (Statement read = connection.createStatement();
                    PreparedStatement write = connection.prepareStatement(
                            "update audit_event set chain_seq = ?, previous_hash = ?, row_hash = ? where id = ?")) {
                read.setFetchSize(1000);
                try (ResultSet row = read.executeQuery("select * from audit_event order by id")) {
                    while (row.next()) {
                        seq++;
                        String hash = ChainedEvent.of(row, seq, previous).hash();
                        write.setLong(1, seq);
                        write.setString(2, previous);
                        write.setString(3, hash);
                        write.setLong(4, row.getLong("id"));
                        write.addBatch();
                        if (seq % 1000 == 0) {
                            write.executeBatch();
                        }
                        previous = hash;
                    }
                }
                write.executeBatch();
            }

            sql.execute(postgres ? "alter table audit_event enable trigger audit_event_no_change"
                    : "create trigger audit_event_no_change before update, delete on audit_event for each row "
                            + "call \"nl.jobcoachmonitor.audit.AppendOnly\"");
            sql.execute("alter table audit_event alter column chain_seq set not null");
            sql.execute("alter table audit_event alter column previous_hash set not null");
            sql.execute("alter table audit_event alter column row_hash set not null");
            sql.execute("alter table audit_event add constraint audit_event_chain_seq_uk unique (chain_seq)");
            sql.execute("""
                    create table audit_chain_head (
                        id int primary key,
                        seq bigint not null,
                        row_hash varchar(64) not null,
                        constraint audit_chain_head_one_ck check (id = 1)
                    )""");
            try (PreparedStatement head = connection.prepareStatement(
                    "insert into audit_chain_head (id, seq, row_hash) values (1, ?, ?)")) {
                head.setLong(1, seq);
                head.setString(2, previous);
                head.executeUpdate();
            }
        }
    }
}
