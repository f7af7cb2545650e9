package nl.jobcoachmonitor.export;

import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.List;

/** An export project: who defined it, its population, and whether a manager of the organisation approved it. */
public record ExportProject(long id, String name, String purpose, long organisationId, String organisationName,
        Long commissionerId, String commissionerName, LocalDate startedFrom, LocalDate startedTo, List<String> waves,
        String secret, long createdBy, String createdByName, LocalDateTime createdAt, Long approvedBy,
        String approvedByName, LocalDateTime approvedAt) {

    public boolean approved() {
        return approvedAt != null;
    }

    @Override
    public String toString() {
        return "ExportProject[" + id + ", " + name + "]"; // never the secret
    }
}
