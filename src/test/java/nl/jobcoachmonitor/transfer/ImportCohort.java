package nl.jobcoachmonitor.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small cohort in the import format, every source id starting with a prefix of its own (the tests share one
 * database): two employers, two employees, a trajectory coached on the job (with its phase history, a job change,
 * three contacts and answers at T0) and one in the job search (one contact). {@link #with} changes one cell.
 */
public final class ImportCohort {

    public final String p;
    final LocalDate start;
    final Map<String, List<String>> files = new LinkedHashMap<>();

    public ImportCohort(String prefix, String commissioner, LocalDate today) {
        this.p = prefix;
        this.start = today.minusMonths(8);
        files.put("employers.csv", new ArrayList<>(List.of("source_id,name,city,sector",
                p + "W1,Bakkerij " + p + ",Apeldoorn,Horeca",
                p + "W2,\"Zorg, Welzijn " + p + "\",Deventer,Zorg")));
        files.put("employees.csv", new ArrayList<>(List.of("source_id,first_name,last_name,birth_date,email,phone",
                p + "E1,Sanne,Import" + p + ",1998-04-12,sanne@example.org,0612345678",
                p + "E2,Daan,Import" + p + ",1995-11-30,,")));
        files.put("trajectories.csv", new ArrayList<>(List.of("source_id,employee_source_id,coach_username,commissioner,"
                + "employer_source_id,started_on,phase,closing_reason,closed_on,job_title,job_contract_hours,"
                + "job_contract_type,job_started_on,client_number,case_number",
                p + "T1," + p + "E1,coach," + commissioner + "," + p + "W1," + start + ",COACHING,,,Medewerker bakkerij,"
                        + "24.0,TEMPORARY," + start.plusDays(14) + ",K-1,Z-1",
                p + "T2," + p + "E2,coach," + commissioner + ",," + start.plusDays(3) + ",JOB_SEARCH,,,,,,,,")));
        files.put("phase_changes.csv", new ArrayList<>(List.of(
                "trajectory_source_id,position,from_phase,to_phase,changed_on,closing_reason",
                p + "T1,0,,JOB_SEARCH," + start + ",",
                p + "T1,1,JOB_SEARCH,COACHING," + start.plusDays(14) + ",")));
        files.put("job_changes.csv", new ArrayList<>(List.of("trajectory_source_id,position,changed_on,kind,job_title,"
                + "contract_hours,contract_type,employer_source_id,note",
                p + "T1,0," + start.plusDays(60) + ",MORE_HOURS,Medewerker bakkerij,28.0,TEMPORARY," + p + "W1,Meer uren")));
        files.put("contacts.csv", new ArrayList<>(List.of("source_id,trajectory_source_id,contact_on,minutes,party,mode,"
                + "themes,note,goal_source_ids,reason",
                p + "C1," + p + "T1," + start.plusDays(1) + ",60,EMPLOYEE,OFFICE,STRESS|LIMITS,Kennismaking,,Start",
                p + "C2," + p + "T1," + start.plusDays(20) + ",45,EMPLOYER,WORKPLACE_VISIT,ADJUSTMENTS,\"Werkplek, rooster\",,",
                p + "C3," + p + "T1," + start.plusDays(40) + ",30,EMPLOYEE,PHONE,,,,",
                p + "C4," + p + "T2," + start.plusDays(5) + ",90,EMPLOYEE,OFFICE,JOB_SEARCH,Vacatures,,")));
        files.put("answers.csv", new ArrayList<>(List.of("trajectory_source_id,wave,respondent,instrument_code,item_code,"
                + "value,completed_on",
                p + "T1,T0,COACH,coach,job_fit,7," + start.plusDays(16),
                p + "T1,T0,COACH,coach,rapport_coach,4," + start.plusDays(16),
                p + "T1,T0,EMPLOYEE,employee,coach_value,8," + start.plusDays(17),
                p + "T1,T0,EMPLOYEE,employee,hours_week,24," + start.plusDays(17))));
    }

    /** The cohort with one line of a file replaced (line 1 is the header, 2 the first row). */
    public ImportCohort with(String file, int line, String content) {
        files.get(file).set(line - 1, content);
        return this;
    }

    /** The cohort with one cell replaced: the column by name, in a row (2 is the first). */
    public ImportCohort cell(String file, int line, String column, String value) {
        var lines = files.get(file);
        int index = List.of(lines.get(0).split(",")).indexOf(column);
        var cells = new ArrayList<>(List.of(lines.get(line - 1).split(",", -1)));
        cells.set(index, value);
        lines.set(line - 1, String.join(",", cells));
        return this;
    }

    public String csv(String file) {
        return String.join("\r\n", files.get(file)) + "\r\n";
    }

    /** The paths of the files written to a temporary directory (for a browser's upload). */
    public List<Path> paths() {
        return write().stream().map(ImportFile::path).toList();
    }

    /** More contacts of the first trajectory, one a day from its start, for an upload that takes a while. */
    public ImportCohort moreContacts(int count, LocalDate today) {
        var lines = files.get("contacts.csv");
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, today);
        for (int i = 0; i < count; i++) {
            lines.add(p + "M" + i + "," + p + "T1," + start.plusDays(i % days) + ",30,EMPLOYEE,PHONE,STRESS,,,");
        }
        return this;
    }

    /** The files as written to a temporary directory, as an upload keeps them. */
    List<ImportFile> write(String... only) {
        try {
            Path directory = Files.createTempDirectory("import-test");
            var result = new ArrayList<ImportFile>();
            for (var file : files.keySet()) {
                if (only.length > 0 && !List.of(only).contains(file)) {
                    continue;
                }
                Path path = directory.resolve(file);
                Files.writeString(path, csv(file), StandardCharsets.UTF_8);
                result.add(new ImportFile(file, path, Files.size(path)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
