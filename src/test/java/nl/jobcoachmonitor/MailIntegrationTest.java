package nl.jobcoachmonitor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An {@link IntegrationTest} with a mail server (GreenMail, see {@link TestMailServer}) and a {@link MovableClock}.
 * All classes with this annotation share one application context; the other integration tests keep theirs, without
 * a mail server (mail kept in the outbox only).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = TestMailServer.class)
@Import(MovableClock.Configuration.class)
public @interface MailIntegrationTest {
}
