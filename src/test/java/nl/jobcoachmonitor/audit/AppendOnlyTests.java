package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access log cannot be changed or emptied through the application's own database connection: on H2 and, in the
 * PostgreSQL run of the build, on PostgreSQL (with TRUNCATE refused too).
 */
@IntegrationTest
class AppendOnlyTests {

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired javax.sql.DataSource dataSource;

    private boolean postgres() {
        try (var connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void auditRowsCanBeAddedButNeitherChangedNorDeleted() {
        jdbc.sql("insert into audit_event (occurred_at, username, role, action, object_type, object_id, outcome) "
                + "values (current_timestamp, 'append-test', 'COACH', 'READ', 'trajectory', '1', 'ALLOWED')").update();
        long rows = data.count("audit_event");

        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else' "
                + "where username = 'append-test'").update()).isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where username = 'append-test'").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class);
        if (postgres()) {
            // PostgreSQL's statement trigger refuses TRUNCATE too. (H2, the embedded default for trying the
            // application out, fires no trigger on TRUNCATE; production runs on PostgreSQL.)
            assertThatThrownBy(() -> jdbc.sql("truncate table audit_event").update())
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        }
        assertThat(data.count("audit_event")).isEqualTo(rows);
        assertThat(data.count("audit_event", "username = :p", "append-test")).isEqualTo(1);
    }
}
