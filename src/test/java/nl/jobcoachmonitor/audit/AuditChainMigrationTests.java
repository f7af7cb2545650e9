package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The migration V24 hashes the rows written before the chain existed, in the order of their ids. */
class AuditChainMigrationTests {

    @Test
    void rowsWrittenBeforeTheChainAreChainedInOrder() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:chain" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("20").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        for (String user : new String[] {"first", "second", "third"}) {
            jdbc.sql("insert into audit_event (occurred_at, username, role, action, object_type, object_id, "
                    + "person_id, outcome) values (current_timestamp, :u, 'COACH', 'READ', 'trajectory', '1', 7, "
                    + "'ALLOWED')").param("u", user).update();
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("select username from audit_event order by chain_seq").query(String.class).list())
                .containsExactly("first", "second", "third");
        assertThat(jdbc.sql("select previous_hash from audit_event where chain_seq = 1").query(String.class).single())
                .isEqualTo(ChainedEvent.GENESIS);
        var status = new AuditChain(dataSource, new JdbcTransactionManager(dataSource)).verify();
        assertThat(status.intact()).isTrue();
        assertThat(status.rows()).isEqualTo(3);
        assertThat(status.headHash()).isEqualTo(jdbc.sql("select row_hash from audit_event where username = 'third'")
                .query(String.class).single());
    }
}
