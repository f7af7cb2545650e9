package nl.jobcoachmonitor.transfer;

import java.util.Map;

/**
 * The {@code source_id} a row gets in a full export: the id it was imported with (table {@code import_source}, per
 * organisation and the import's kind), or else {@code jcm-<internal id>} (the import/export contract). This is the one
 * place that decides it, as an SQL expression, so every file of the export and every reference between files
 * ({@code *_source_id}) agree, and export, import and export again give the same ids. Set-based: one correlated
 * lookup per column over the index {@code import_source_internal_ix}, no per-row round trip.
 */
final class OrganisationExportSourceIds {

    /** The export's names of the kinds an import maps, and the import's kind each is mapped under. */
    private static final Map<String, ImportKind> IMPORTED = Map.of(
            "employer", ImportKind.EMPLOYERS,
            "employee", ImportKind.EMPLOYEES,
            "trajectory", ImportKind.TRAJECTORIES,
            "goal", ImportKind.GOALS,
            "contact", ImportKind.CONTACTS);

    private OrganisationExportSourceIds() {
    }

    /**
     * The SQL expression of the source id of the row of {@code kind} (employer, employee, trajectory, goal, contact,
     * ...) whose internal id is the SQL expression {@code idColumn}; null when it is null. It refers to the
     * organisation as {@code :org}, as every query of the export does.
     */
    static String of(String kind, String idColumn) {
        String own = "('jcm-' || cast(" + idColumn + " as varchar(20)))";
        var imported = IMPORTED.get(kind);
        if (imported == null) {
            return own;
        }
        return "coalesce((select min(isrc.source_id) from import_source isrc where isrc.kind = '" + imported.name()
                + "' and isrc.internal_id = " + idColumn + " and isrc.organisation_id = :org), " + own + ")";
    }
}
