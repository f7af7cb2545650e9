package nl.jobcoachmonitor.transfer;

import java.time.Instant;
import java.time.ZoneId;

/** The README.md inside the export's ZIP: the format, file by file, written from the same definitions as the files. */
final class OrganisationExportReadme {

    private OrganisationExportReadme() {
    }

    static String text(String organisation, Instant madeAt, ZoneId zone) {
        var out = new StringBuilder();
        out.append("# Export of ").append(organisation).append(" from Jobcoach Monitor\n\n");
        out.append("Made ").append(madeAt).append(" (UTC).\n\n");
        out.append("""
                *Nederlands:* dit is de volledige export van de organisatie: alle gegevens, met namen en notities, in
                het importformaat van Jobcoach Monitor (een CSV-bestand per soort gegevens). Hieronder staat per
                bestand wat elke kolom betekent. Het bevat gezondheidsgegevens van kwetsbare mensen: bewaar het
                versleuteld en alleen zo lang als nodig, en deel het niet.

                This is the full export of the organisation: all its data, with names and notes, in the import format
                of Jobcoach Monitor. It holds health data of vulnerable people (GDPR art. 9): keep it encrypted, only as
                long as needed, and share it with no one who may not see it.

                ## Format

                - One CSV file per kind of row, UTF-8 (no byte order mark), comma-separated, CRLF line ends, a header
                  row with the column names below, RFC 4180 quoting (a cell holding a comma, a quote or a line break is
                  quoted, quotes doubled). Cells hold exactly the stored text: nothing is added before text that starts
                  like a formula (=, +, -, @), so open the files in a spreadsheet only through its text import, or
                  better, read them with a CSV library or import them into Jobcoach Monitor.
                - Dates `yyyy-MM-dd`; moments (`*_at`) ISO-8601 in UTC (`2026-03-04T09:15:00Z`); decimals with a dot;
                  `true`/`false`; an empty cell is no value.
                - Codes exactly as the API and the research codebook use them (enum names such as `COACHING`,
                  `EMPLOYEE`, `PHONE`; theme codes; item codes of the instruments). Several values in one cell are
                  joined by `|`.
                - `source_id` is the row's id: the id it was imported with, or else `jcm-<internal id>`. Other files
                  refer to it in `*_source_id` columns; staff are referred to by user name (`*_username`, staff.csv),
                  commissioners by name (commissioners.csv).
                - `manifest.csv` lists every file with its number of rows, to check that nothing is missing.
                - Files marked *Derived* are computed from the others (indicators); an import recomputes them.
                - Not included, on purpose: passwords, second-factor secrets and recovery codes, API tokens, the hashes
                  of personal links (questionnaires, own data, assessments, invitations) and the research projects'
                  pseudonym secrets (credentials, not records); the bodies of mails (they may hold a working personal
                  link); sessions and other technical tables. Case numbers are in trajectories.csv.

                """);
        out.append("The times in `completed_on` are days in the time zone ").append(zone).append(".\n\n");
        out.append("## Files\n\n");
        for (var kind : OrganisationExportKinds.ALL) {
            out.append("### ").append(kind.file()).append("\n\n").append(kind.about()).append("\n\n");
            out.append("| column | meaning |\n|---|---|\n");
            for (var column : kind.documented()) {
                out.append("| `").append(column.name()).append("` | ").append(column.about().replace("|", "\\|"))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
