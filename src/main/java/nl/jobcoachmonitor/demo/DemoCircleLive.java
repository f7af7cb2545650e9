package nl.jobcoachmonitor.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's knowledge circle for the live session (demo mode only, after the cohort is loaded, at every start): the
 * demo circle (the first one organised by {@code manager}, made here when there is none) gets a meeting that is on now
 * when none of its meetings is, so the live session can be tried; and, when it has no competency list yet, an example
 * list of 17 competencies in our own wording (marked as an example: the study's list is not in the sources).
 * Idempotent (a restart while a meeting is on adds nothing); plain SQL, like {@link DemoData}.
 */
@Component
@ConditionalOnProperty(name = "jcm.demo.enabled", havingValue = "true")
class DemoCircleLive {

    static final String CIRCLE = "Kenniskring jobcoaching";
    static final String MEETING = "Kenniskring: leren van elkaar en van de monitor";

    static final List<String> COMPETENCIES = List.of(
            "Aansluiten bij wat de werknemer zelf wil",
            "Een band van vertrouwen opbouwen",
            "Goed luisteren en doorvragen",
            "Signalen van overbelasting vroeg opmerken",
            "Bemiddelen tussen werknemer en werkgever",
            "De werkgever adviseren over aanpassingen in het werk",
            "Kennis van psychische kwetsbaarheid",
            "Samenwerken met zorg en hulpverlening",
            "Grenzen stellen en bewaken",
            "De zelfstandigheid van de werknemer vergroten",
            "Oplossingsgericht werken",
            "Wet- en regelgeving rond werk en uitkering kennen",
            "Helder rapporteren aan opdrachtgevers",
            "Nadenken over het eigen handelen",
            "Soepel inspelen op veranderingen",
            "Een netwerk van werkgevers onderhouden",
            "Geldzorgen en schulden tijdig bespreekbaar maken");

    private static final Logger log = LoggerFactory.getLogger(DemoCircleLive.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoCircleLive(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        transaction.executeWithoutResult(status -> {
            List<Long> organiser = jdbc.queryForList("select id from app_user where username = 'manager'", Long.class);
            if (organiser.isEmpty()) {
                return; // not the demo cohort
            }
            String first = "select id from circle where organiser_id = ? order by id";
            List<Long> circles = jdbc.queryForList(first, Long.class, organiser.get(0));
            if (circles.isEmpty()) {
                jdbc.update("insert into circle (name, organiser_id) values (?, ?)", CIRCLE, organiser.get(0));
                circles = jdbc.queryForList(first, Long.class, organiser.get(0));
            }
            long circle = circles.get(0);
            OffsetDateTime now = OffsetDateTime.now(clock);
            Integer on = jdbc.queryForObject("select count(*) from meeting where circle_id = ? and starts_at <= ? "
                    + "and ends_at > ?", Integer.class, circle, now, now);
            if (on != null && on == 0) {
                OffsetDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
                jdbc.update("insert into meeting (circle_id, title, starts_at, ends_at, format, online_link, capacity, "
                        + "created_by, created_at) values (?, ?, ?, ?, 'ONLINE', ?, 260, ?, ?)", circle, MEETING,
                        hour.minusHours(1), hour.plusHours(3), "https://meet.example.org/kenniskring", organiser.get(0),
                        now.minusDays(14));
                log.info("Demo knowledge circle: a meeting on now for the live session created");
            }
            Integer competencies = jdbc.queryForObject("select count(*) from circle_competency where circle_id = ?",
                    Integer.class, circle);
            if (competencies != null && competencies == 0) {
                for (int i = 0; i < COMPETENCIES.size(); i++) {
                    jdbc.update("insert into circle_competency (circle_id, position, name, example) "
                            + "values (?, ?, ?, true)", circle, i + 1, COMPETENCIES.get(i));
                }
            }
        });
    }
}
