package nl.jobcoachmonitor.trajectory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded decision of the employee: consent given or withdrawn for a purpose, on a date, to a version of the
 * consent text, recorded by a coach or manager. Never changed: a withdrawal is a new decision.
 */
public record Consent(long id, long trajectoryId, ConsentPurpose purpose, boolean given, LocalDate decidedOn,
        String textVersion, String recordedBy, Instant recordedAt) {
}
