package nl.jobcoachmonitor.audit;

import java.time.LocalDate;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The privacy officer's search of the access log: by user name, person (pseudonymous id), period (UTC days, both
 * inclusive) and event type; page counts from 0.
 */
record AuditFilter(@Size(max = 60) String user, @Positive Long person,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, AuditEventType event, Integer page) {

    static final int PAGE_SIZE = 50;

    AuditFilter {
        user = user == null ? "" : user.trim().toLowerCase();
        page = page == null ? 0 : Math.max(0, page);
    }

    static AuditFilter none() {
        return new AuditFilter("", null, null, null, null, 0);
    }

    /** For the access log's own entry of this search (no more than fits the object id). */
    String describe() {
        return "user=" + user + ";person=" + (person == null ? "" : person) + ";from=" + (from == null ? "" : from)
                + ";to=" + (to == null ? "" : to) + ";event=" + (event == null ? "" : event);
    }
}
