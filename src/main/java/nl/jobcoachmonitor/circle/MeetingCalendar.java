package nl.jobcoachmonitor.circle;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * A meeting as an iCalendar file (RFC 5545, made with ical4j): one event with the meeting's start and end (in UTC),
 * title, place or online link, and a link to its page; the same UID every time, so a calendar that imports the
 * reminder's file updates the event the confirmation put there instead of adding a second one.
 */
final class MeetingCalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";

    private MeetingCalendar() {
    }

    static String uid(long meetingId) {
        return "meeting-" + meetingId + "@jobcoachmonitor";
    }

    static byte[] of(MeetingSummary meeting, String pageLink, String description) {
        Instant start = meeting.startsAt().toInstant();
        Instant end = meeting.endsAt().toInstant();
        var event = new VEvent(start, end, meeting.title());
        event.add(new Uid(uid(meeting.id())));
        String location = meeting.format() == MeetingFormat.ONLINE ? meeting.onlineLink() : meeting.place();
        if (location != null && !location.isBlank()) {
            event.add(new Location(location));
        }
        if (pageLink != null && !pageLink.isBlank()) {
            event.add(new Url(URI.create(pageLink)));
        }
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        Calendar calendar = new Calendar().withProdId("-//Jobcoach Monitor//Kenniskring//NL").withDefaults()
                .withProperty(ImmutableMethod.PUBLISH).withComponent(event).getFluentTarget();
        var out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
