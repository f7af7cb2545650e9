package nl.jobcoachmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The demo's live meeting on top of the demo cohort (whose circle, made by {@link DemoCircle}, has only a past and
 * two upcoming meetings): at start the demo circle gets a meeting that is on now, once, and again on a later day.
 */
@Tag("database")
class DemoCircleLiveTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-18T09:30:00Z"), ZONE);

    @Test
    void theDemoCircleHasAMeetingOnNowAfterEveryStartAndOnlyOne() {
        DataSource dataSource = h2();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var transactions = new JdbcTransactionManager(dataSource);
        new DemoData(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), CLOCK, transactions)
                .loadIfEmpty();
        long circle = jdbc.queryForObject("select min(c.id) from circle c join app_user u on u.id = c.organiser_id "
                + "where u.username = 'manager'", Long.class);
        assertThat(on(jdbc, circle, CLOCK)).isZero();

        new DemoCircleLive(jdbc, transactions, CLOCK).load();
        assertThat(on(jdbc, circle, CLOCK)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from circle", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from circle_competency where circle_id = ?", Integer.class,
                circle)).isEqualTo(DemoCircleLive.COMPETENCIES.size());
        int meetings = jdbc.queryForObject("select count(*) from meeting", Integer.class);

        // a restart while the meeting is on adds nothing
        new DemoCircleLive(jdbc, transactions, CLOCK).load();
        assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class)).isEqualTo(meetings);
        assertThat(jdbc.queryForObject("select count(*) from circle_competency", Integer.class))
                .isEqualTo(DemoCircleLive.COMPETENCIES.size());

        // a start on another day: the demo circle has a meeting on now again
        Clock later = Clock.offset(CLOCK, Duration.ofDays(2));
        assertThat(on(jdbc, circle, later)).isZero();
        new DemoCircleLive(jdbc, transactions, later).load();
        assertThat(on(jdbc, circle, later)).isEqualTo(1);
    }

    private static int on(JdbcTemplate jdbc, long circle, Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.queryForObject("select count(*) from meeting where circle_id = ? and starts_at <= ? "
                + "and ends_at > ?", Integer.class, circle, now, now);
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:demolive" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}
