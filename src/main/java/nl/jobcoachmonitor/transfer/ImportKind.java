package nl.jobcoachmonitor.transfer;

import static nl.jobcoachmonitor.transfer.ImportColumn.bool;
import static nl.jobcoachmonitor.transfer.ImportColumn.code;
import static nl.jobcoachmonitor.transfer.ImportColumn.codes;
import static nl.jobcoachmonitor.transfer.ImportColumn.date;
import static nl.jobcoachmonitor.transfer.ImportColumn.decimal;
import static nl.jobcoachmonitor.transfer.ImportColumn.integer;
import static nl.jobcoachmonitor.transfer.ImportColumn.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import nl.jobcoachmonitor.coaching.ContactMode;
import nl.jobcoachmonitor.coaching.Party;
import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.trajectory.ClosingReason;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.JobChangeKind;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/**
 * The kinds of rows an import takes, in the order they are stored (a row refers only to kinds before it), each with
 * its file name ({@code contacts.csv}, or the sheet {@code contacts} of a workbook) and its columns, as the shared
 * import and export format (HELPERS.md, README "Import") defines them.
 */
enum ImportKind {

    /** Staff accounts by user name; new ones are created without a password (README "Import"). */
    STAFF("staff", false, List.of(
            text("username", 60, true, "coach"),
            text("display_name", 200, true, "Joyce de Coach"),
            text("email", 200, false, "coach@example.org"),
            code("role", true, List.of("COACH", "MANAGER", "PRIVACY_OFFICER"), "COACH"),
            bool("enabled", false, "true"))),
    /** Commissioners by name; new ones are created. */
    COMMISSIONERS("commissioners", false, List.of(
            text("name", 200, true, "Gemeente Apeldoorn"),
            code("kind", true, List.of("MUNICIPALITY", "UWV"), "MUNICIPALITY"))),
    EMPLOYERS("employers", true, List.of(
            text("source_id", 100, true, "W-17"),
            text("name", 200, true, "Bakkerij De Korenschoof"),
            text("city", 100, false, "Apeldoorn"),
            text("sector", 100, false, "Horeca"))),
    EMPLOYEES("employees", true, List.of(
            text("source_id", 100, true, "P-1001"),
            text("first_name", 100, true, "Sanne"),
            text("last_name", 100, true, "de Vries"),
            date("birth_date", true, "1998-04-12"),
            text("email", 200, false, "sanne@example.org"),
            text("phone", 40, false, "0612345678"))),
    TRAJECTORIES("trajectories", true, List.of(
            text("source_id", 100, true, "T-501"),
            text("employee_source_id", 100, true, "P-1001"),
            text("coach_username", 60, true, "coach"),
            text("commissioner", 200, true, "Gemeente Apeldoorn"),
            text("employer_source_id", 100, false, "W-17"),
            date("started_on", true, "2025-09-01"),
            code("phase", true, names(TrajectoryPhase.values()), "COACHING"),
            code("closing_reason", false, names(ClosingReason.values()), ""),
            date("closed_on", false, ""),
            text("job_title", 200, false, "Medewerker bakkerij"),
            decimal("job_contract_hours", false, "24.0"),
            code("job_contract_type", false, names(ContractType.values()), "TEMPORARY"),
            date("job_started_on", false, "2025-09-01"),
            text("client_number", 40, false, "K-2025-0042"),
            text("case_number", 40, false, "Z-77"))),
    PHASE_CHANGES("phase_changes", false, List.of(
            text("trajectory_source_id", 100, true, "T-501"),
            integer("position", true, "0"),
            code("from_phase", false, names(TrajectoryPhase.values()), ""),
            code("to_phase", true, names(TrajectoryPhase.values()), "COACHING"),
            date("changed_on", true, "2025-09-01"),
            code("closing_reason", false, names(ClosingReason.values()), ""))),
    JOB_CHANGES("job_changes", false, List.of(
            text("trajectory_source_id", 100, true, "T-501"),
            integer("position", true, "0"),
            date("changed_on", true, "2026-01-15"),
            code("kind", true, names(JobChangeKind.values()), "MORE_HOURS"),
            text("job_title", 200, false, "Medewerker bakkerij"),
            decimal("contract_hours", false, "28.0"),
            code("contract_type", false, names(ContractType.values()), "PERMANENT"),
            text("employer_source_id", 100, false, "W-17"),
            text("note", 500, false, "Meer uren in overleg"))),
    GOALS("goals", true, List.of(
            text("source_id", 100, true, "G-1"),
            text("trajectory_source_id", 100, true, "T-501"),
            text("description", 300, true, "Volhouden in de ochtenddienst"),
            codes("themes", names(Theme.values()), "LIMITS"),
            bool("agreed_with_employee", true, "true"),
            bool("agreed_with_employer", true, "false"),
            date("review_on", true, "2025-12-01"),
            code("status", true, List.of("OPEN", "ACHIEVED", "PARTLY", "NOT_ACHIEVED", "CHANGED"), "OPEN"),
            date("created_on", true, "2025-09-08"))),
    CONTACTS("contacts", true, List.of(
            text("source_id", 100, true, "C-90001"),
            text("trajectory_source_id", 100, true, "T-501"),
            date("contact_on", true, "2025-09-08"),
            integer("minutes", true, "45"),
            code("party", true, names(Party.values()), "EMPLOYEE"),
            code("mode", true, names(ContactMode.values()), "WORKPLACE_VISIT"),
            codes("themes", names(Theme.values()), "STRESS|LIMITS"),
            text("note", 500, false, "Eerste gesprek op de werkplek"),
            text("goal_source_ids", 1000, false, "G-1"),
            text("reason", 200, false, "Start van de begeleiding"))),
    ANSWERS("answers", false, List.of(
            text("trajectory_source_id", 100, true, "T-501"),
            text("wave", 10, true, "T0"),
            code("respondent", true, names(Respondent.values()), "EMPLOYEE"),
            text("instrument_code", 40, true, "employee"),
            text("item_code", 60, true, "coach_value"),
            text("value", 200, true, "8"),
            date("completed_on", false, "2025-09-10")));

    private final String file;
    private final boolean identified;
    private final List<ImportColumn> columns;

    ImportKind(String file, boolean identified, List<ImportColumn> columns) {
        this.file = file;
        this.identified = identified;
        this.columns = columns;
    }

    /** The file name without {@code .csv}: also the sheet name in a workbook. */
    public String file() {
        return file;
    }

    /** Whether the rows carry a source_id of their own (mapped in import_source). */
    boolean identified() {
        return identified;
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** The staging table of this kind's rows. */
    String stage() {
        return "import_stage_" + file;
    }

    /** The kind a file or sheet name stands for: {@code contacts.csv}, {@code Contacts}, {@code 3-contacts.csv}. */
    static Optional<ImportKind> ofFile(String name) {
        String base = name == null ? "" : name.toLowerCase().replaceAll("^.*[/\\\\]", "").replaceAll("\\.csv$", "")
                .strip();
        return Arrays.stream(values()).filter(k -> base.equals(k.file) || base.endsWith("-" + k.file)
                || base.endsWith("_" + k.file) || base.endsWith(" " + k.file)).findFirst();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
