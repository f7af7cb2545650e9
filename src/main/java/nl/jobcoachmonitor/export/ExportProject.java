package nl.jobcoachmonitor.export;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * An export project: who defined it, its population, and whether a manager of the organisation approved it. The
 * period of trajectory start is whole calendar months, both ends included; null is open.
 */
public record ExportProject(long id, String name, String purpose, long organisationId, String organisationName,
        Long commissionerId, String commissionerName, YearMonth startedFrom, YearMonth startedTo, List<String> waves,
        String secret, long createdBy, String createdByName, LocalDateTime createdAt, Long approvedBy,
        String approvedByName, LocalDateTime approvedAt, String rejectedByName, LocalDateTime rejectedAt,
        String rejectionReason) {

    public boolean approved() {
        return approvedAt != null;
    }

    /** Rejected by a manager (with a reason the researcher sees): never approved, never downloaded. */
    public boolean rejected() {
        return rejectedAt != null;
    }

    /** Neither approved nor rejected yet: waits for a manager. */
    public boolean waiting() {
        return !approved() && !rejected();
    }

    @Override
    public String toString() {
        return "ExportProject[" + id + ", " + name + "]"; // never the secret
    }
}
