package nl.jobcoachmonitor.operations;

import nl.jobcoachmonitor.coaching.ContactLogged;
import nl.jobcoachmonitor.measurement.QuestionnaireCompleted;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The application's own meters (README "Operating"), besides Spring Boot's (HTTP, JVM, Hikari, ...):
 * <ul>
 * <li>{@code jcm.contacts.logged} and {@code jcm.questionnaires.completed} (tag {@code respondent}): counted by this
 * instance, after the transaction that stored them committed (a rolled-back save is not counted). With several
 * instances, sum them.</li>
 * <li>{@code jcm.signals.raised} (tag {@code state}: open or closed) and {@code jcm.signals.open}: read from the
 * database when scraped, so every instance reports the same figure (take the max, not the sum). A signal is raised by
 * the indicators' read model, which publishes no event; counting the table is also right after a restart.</li>
 * </ul>
 * The report's duration ({@code jcm.report.duration}) is {@link ReportTiming}; the mails waiting are the mail
 * module's ({@code jcm.mails.waiting}).
 */
@Component
class ApplicationMeters {

    private final Counter contacts;
    private final MeterRegistry registry;

    ApplicationMeters(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.contacts = Counter.builder("jcm.contacts.logged").description("Contacts logged (this instance)")
                .register(registry);
        FunctionCounter.builder("jcm.signals.raised", jdbc,
                        j -> j.sql("select count(*) from signal").query(Long.class).single())
                .description("Signals raised, as stored (all instances; erasure removes some)").register(registry);
        Gauge.builder("jcm.signals.open", jdbc, j -> j.sql(
                        "select count(*) from signal where handled_at is null and resolved_at is null")
                        .query(Long.class).single())
                .description("Signals waiting for a coach's action").register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ContactLogged event) {
        contacts.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(QuestionnaireCompleted event) {
        Counter.builder("jcm.questionnaires.completed").description("Questionnaires completed (this instance)")
                .tag("respondent", event.respondent().name().toLowerCase()).register(registry).increment();
    }
}
