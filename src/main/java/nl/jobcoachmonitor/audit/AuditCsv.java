package nl.jobcoachmonitor.audit;

import java.util.List;

import nl.jobcoachmonitor.shared.Csv;

/**
 * The access log as CSV (RFC 4180, UTF-8): one row per event, times in UTC. Object ids hold what users typed (a search
 * text), so a cell that a spreadsheet would take for a formula is neutralised ({@link Csv}).
 */
final class AuditCsv {

    private static final List<String> HEADER = List.of("occurred_at_utc", "username", "role", "on_behalf_of",
            "action", "object_type", "object_id", "person_id", "outcome", "remote_address");

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        var out = new StringBuilder(Csv.line(HEADER));
        for (AuditEntry e : entries) {
            out.append(Csv.line(e.occurredAtUtc(), e.username(), e.role(), e.onBehalfOf(), e.action(), e.objectType(),
                    e.objectId(), e.personId() == null ? null : String.valueOf(e.personId()), e.outcome(),
                    e.remoteAddress()));
        }
        return out.toString();
    }
}
