package nl.jobcoachmonitor.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox for operators (README "Operating"): the gauges {@code jcm.mails.waiting} (recorded for the mail server,
 * neither accepted nor refused yet) and {@code jcm.mails.failed} (the server could not be reached or refused them),
 * read from the database when scraped (the same on every instance), and the health component {@code outbox}.
 *
 * <p>The {@code outbox} component is UP whenever the database answers, with the delivery ({@code smtp} or, without a
 * mail server, {@code outbox}) and the counts as details: a missing mail server in demo mode is the normal demo set-up,
 * not a fault. With a mail server configured, Spring Boot's own {@code mail} component checks the SMTP connection: a
 * mail server that is down makes the overall health DOWN (the details name it), but never liveness or readiness, because
 * the application keeps working and records each mail that could not be sent.
 */
@Component("outboxHealthIndicator")
class MailMeters implements MeterBinder, HealthIndicator {

    private final JdbcClient jdbc;
    private final MailDelivery delivery;

    MailMeters(JdbcClient jdbc, MailDelivery delivery) {
        this.jdbc = jdbc;
        this.delivery = delivery;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jcm.mails.waiting", this, MailMeters::waiting)
                .description("Mails recorded for the mail server, not yet accepted or refused").register(registry);
        Gauge.builder("jcm.mails.failed", this, MailMeters::failed)
                .description("Mails the mail server could not be reached for or refused").register(registry);
    }

    long waiting() {
        return jdbc.sql("select count(*) from questionnaire_mail where delivery = 'SMTP' and sent_at is null "
                + "and failure is null").query(Long.class).single();
    }

    long failed() {
        return jdbc.sql("select count(*) from questionnaire_mail where delivery = 'SMTP' and sent_at is null "
                + "and failure is not null").query(Long.class).single();
    }

    @Override
    public Health health() {
        var delivery = this.delivery.delivery();
        return Health.up().withDetail("delivery", delivery.name().toLowerCase())
                .withDetail("waiting", waiting()).withDetail("failed", failed()).build();
    }
}
