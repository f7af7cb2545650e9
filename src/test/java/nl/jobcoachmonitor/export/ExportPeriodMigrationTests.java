package nl.jobcoachmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V22 on a database that holds day-precise projects: periods widen to whole calendar months, and an approved project
 * whose period changed by that loses its approval (its manager approved a smaller population). From then on the
 * schema accepts only whole months.
 */
class ExportPeriodMigrationTests {

    @Test
    void dayPrecisePeriodsWidenToWholeMonthsAndAChangedApprovedProjectIsApprovedAgain() {
        DataSource dataSource = h2();
        flyway(dataSource, "20");
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("set referential_integrity false").update();
        insert(jdbc, 1, "2024-03-15", "2024-05-10", true);
        insert(jdbc, 2, "2024-03-01", "2024-06-30", true);
        insert(jdbc, 3, null, "2024-02-28", true);
        insert(jdbc, 4, "2024-01-31", null, false);
        jdbc.sql("set referential_integrity true").update();

        flyway(dataSource, "22");

        assertThat(period(jdbc, 1)).isEqualTo("2024-03-01 2024-05-31 false");
        assertThat(period(jdbc, 2)).as("already whole months: unchanged, still approved")
                .isEqualTo("2024-03-01 2024-06-30 true");
        assertThat(period(jdbc, 3)).as("2024 is a leap year").isEqualTo("null 2024-02-29 false");
        assertThat(period(jdbc, 4)).isEqualTo("2024-01-01 null false");
        assertThatThrownBy(() -> jdbc.sql("update export_project set started_from = date '2024-03-02' where id = 2")
                .update()).hasMessageContaining("EXPORT_PROJECT_FROM_MONTH_CK");
        assertThatThrownBy(() -> jdbc.sql("update export_project set started_to = date '2024-06-29' where id = 2")
                .update()).hasMessageContaining("EXPORT_PROJECT_TO_MONTH_CK");
    }

    private static void insert(JdbcClient jdbc, long id, String from, String to, boolean approved) {
        jdbc.sql("insert into export_project (id, name, purpose, organisation_id, started_from, started_to, waves, "
                + "secret, created_by, created_at, approved_by, approved_at) values (:id, 'P', 'x', 1, :from, :to, "
                + "'T0', 's', 1, current_timestamp, :by, :at)").param("id", id)
                .param("from", from == null ? null : LocalDate.parse(from))
                .param("to", to == null ? null : LocalDate.parse(to)).param("by", approved ? 1L : null)
                .param("at", approved ? java.sql.Timestamp.valueOf("2024-07-01 10:00:00") : null).update();
    }

    private static String period(JdbcClient jdbc, long id) {
        return jdbc.sql("select started_from, started_to, approved_at from export_project where id = :id")
                .param("id", id).query((rs, n) -> rs.getObject(1, LocalDate.class) + " "
                        + rs.getObject(2, LocalDate.class) + " " + (rs.getObject(3) != null)).single();
    }

    private static void flyway(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load()
                .migrate();
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v22" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
