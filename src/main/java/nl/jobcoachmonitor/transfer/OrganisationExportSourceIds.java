package nl.jobcoachmonitor.transfer;

/**
 * The {@code source_id} a row gets in a full export: the id it was imported with, or else {@code jcm-<internal id>}
 * (the import/export contract). This is the one place that decides it, as an SQL expression, so every file of the
 * export and every reference between files ({@code *_source_id}) agree.
 *
 * <p>Today there is no mapping of imported ids on this branch, so it is always {@code jcm-<id>}. When the import's
 * source-id mapping table lands, {@link #of} becomes a lookup with the fallback, e.g.
 * {@code coalesce((select m.source_id from <mapping> m where m.kind = '<kind>' and m.internal_id = <id>),
 * 'jcm-' || cast(<id> as varchar(20)))}: set-based, one expression per column, no per-row round trip.
 */
final class OrganisationExportSourceIds {

    private OrganisationExportSourceIds() {
    }

    /**
     * The SQL expression of the source id of the row of {@code kind} (the import's kind: employer, employee,
     * trajectory, goal, contact, ...) whose internal id is the SQL expression {@code idColumn}; null when it is null.
     */
    static String of(String kind, String idColumn) {
        return "('jcm-' || cast(" + idColumn + " as varchar(20)))";
    }
}
