package nl.jobcoachmonitor.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The access log as CSV (RFC 4180, UTF-8): one row per event, times in UTC. Object ids hold what users typed (a search
 * text), so a cell that a spreadsheet would take for a formula is neutralised.
 */
final class AuditCsv {

    private static final List<String> HEADER = List.of("occurred_at_utc", "username", "role", "on_behalf_of",
            "action", "object_type", "object_id", "person_id", "outcome", "remote_address");

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        var out = new StringBuilder();
        line(out, HEADER.stream());
        for (AuditEntry e : entries) {
            line(out, Stream.of(e.occurredAtUtc(), e.username(), e.role(), e.onBehalfOf(), e.action(), e.objectType(),
                    e.objectId(), e.personId() == null ? null : String.valueOf(e.personId()), e.outcome(),
                    e.remoteAddress()));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Stream<String> cells) {
        out.append(cells.map(AuditCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** A formula-like start (=, +, -, @, tab, carriage return) gets a leading quote; quoted when needed. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
