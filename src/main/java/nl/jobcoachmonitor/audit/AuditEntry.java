package nl.jobcoachmonitor.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One row of the access log as the privacy officer sees it: no name of a person, only the pseudonymous id. */
record AuditEntry(long id, Instant occurredAt, String username, String role, String action, String objectType,
        String objectId, Long personId, String outcome, String remoteAddress, String onBehalfOf) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** When, in UTC, to the second (the log's own time zone: the page says so). */
    public String occurredAtUtc() {
        return UTC.format(occurredAt);
    }
}
