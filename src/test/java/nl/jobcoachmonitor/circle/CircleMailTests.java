package nl.jobcoachmonitor.circle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The circle's mails over real SMTP (GreenMail): the confirmation with the meeting as an iCalendar attachment that
 * ical4j reads back (the right event, start and end), in the coach's language; the mail to the coach who moves up from
 * the waiting list; the reminder, sent once however often the job runs.
 */
@MailIntegrationTest
class CircleMailTests {

    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired MeetingManagement meetings;
    @Autowired MeetingReminders reminders;

    CircleFixture circle;

    @BeforeEach
    void fixture() {
        circle = new CircleFixture(jdbc, users);
    }

    @Test
    void theConfirmationCarriesTheMeetingAsAValidCalendarFile() throws Exception {
        String title = "Schulden en werk " + System.nanoTime();
        long meeting = circle.meeting(title, 5, 24 * 6);
        CurrentUser coach = circle.newCoach("bevestigd", "coach");

        var outcome = meetings.register(coach, meeting, false, "nl", "https://monitor.example");

        assertThat(outcome.mailed()).isTrue();
        var received = TestMailServer.receivedBy(email(coach));
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Aangemeld: " + title);
        assertThat(TestMailServer.part(mail, "text/plain")).startsWith("Beste " + coach.displayName() + ",")
                .contains("Je bent aangemeld voor " + title + " van Kenniskring jobcoaching")
                .contains("Plaats: Utrecht").contains("https://monitor.example/circle/meetings/" + meeting)
                .contains("In de bijlage staat de bijeenkomst voor je agenda.");

        var calendars = calendars(mail);
        assertThat(calendars).hasSize(1);
        var attachment = calendars.get(0);
        assertThat(attachment.fileName).isEqualTo("kenniskring-" + meeting + ".ics");
        assertThat(attachment.contentType).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(attachment.content));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        var summary = meetings.summaryOf(coach, meeting);
        assertThat(event.getSummary().getValue()).isEqualTo(title);
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(summary.startsAt().toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(summary.endsAt().toInstant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(event.getUid().get().getValue()).isEqualTo("meeting-" + meeting + "@jobcoachmonitor");
        assertThat(event.<net.fortuna.ical4j.model.property.Location>getProperty("LOCATION").get().getValue()).isEqualTo("Utrecht");
    }

    @Test
    void theCoachWhoMovesUpIsMailedInTheirLanguageAndTheReminderGoesOnce() throws Exception {
        String title = "Wachtlijst mail " + System.nanoTime();
        long meeting = circle.meeting(title, 1, 20);
        CurrentUser first = circle.newCoach("plek", "coach");
        CurrentUser waiting = circle.newCoach("wacht", null);
        meetings.register(first, meeting, false, "nl", "https://monitor.example");
        var outcome = meetings.register(waiting, meeting, true, "en", "https://monitor.example");
        assertThat(outcome.status()).isEqualTo(RegistrationStatus.WAITING);
        assertThat(TestMailServer.receivedBy(email(waiting))).extracting(MimeMessage::getSubject)
                .containsExactly("On the waiting list: " + title);

        meetings.unregister(first, meeting);

        var received = TestMailServer.receivedBy(email(waiting));
        assertThat(received).extracting(MimeMessage::getSubject)
                .containsExactly("On the waiting list: " + title, "A place for you: " + title);
        assertThat(TestMailServer.part(received.get(1), "text/plain")).startsWith("Dear " + waiting.displayName())
                .contains("You were on the waiting list and are now registered.");
        assertThat(calendars(received.get(1))).hasSize(1);

        // the meeting begins within a day: the reminder job mails the coach with a place, once
        reminders.remind();
        reminders.remind();
        var reminded = TestMailServer.receivedBy(email(waiting));
        assertThat(reminded).extracting(MimeMessage::getSubject).containsExactly("On the waiting list: " + title,
                "A place for you: " + title, "Reminder: " + title);
        assertThat(reminded.get(2).getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(calendars(reminded.get(2))).hasSize(1);
        assertThat(TestMailServer.receivedBy(email(first))).extracting(MimeMessage::getSubject)
                .containsExactly("Aangemeld: " + title);
    }

    private String email(CurrentUser coach) {
        return jdbc.sql("select email from app_user where id = :id").param("id", coach.id()).query(String.class)
                .single();
    }

    private record Attached(String fileName, String contentType, byte[] content) {
    }

    private static List<Attached> calendars(Part part) throws MessagingException, IOException {
        List<Attached> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            var multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                found.addAll(calendars(body));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("text/calendar")) {
            found.add(new Attached(part.getFileName(), part.getContentType(), part.getInputStream().readAllBytes()));
        }
        return found;
    }

}
