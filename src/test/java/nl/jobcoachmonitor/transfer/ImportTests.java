package nl.jobcoachmonitor.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import java.util.function.Consumer;
import java.util.stream.Stream;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.OwnerDatabase;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import on the real database: valid files, each kind of bad row, a second import, counts. */
@IntegrationTest
class ImportTests {

    @Autowired Importer importer;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired OwnerDatabase owner;
    @Autowired ImportTemplates templates;

    long organisation;
    long manager;
    String commissioner;
    ImportCohort cohort;

    @BeforeEach
    void cohort() {
        manager = data.userId("manager");
        organisation = jdbc.sql("select organisation_id from app_user where username = 'manager'").query(Long.class)
                .single();
        commissioner = jdbc.sql("select name from commissioner order by id limit 1").query(String.class).single();
        cohort = new ImportCohort("i" + UUID.randomUUID().toString().substring(0, 8) + "-", commissioner,
                LocalDate.now());
    }

    ImportOutcome run(boolean store, List<ImportFile> files) {
        return importer.run(organisation, manager, files, store, new ImportProgress(1));
    }

    long imported() {
        return jdbc.sql("select count(*) from import_source where source_id like :p").param("p", cohort.p + "%")
                .query(Long.class).single();
    }

    long employees() {
        return jdbc.sql("select count(*) from employee where last_name = :n").param("n", "Import" + cohort.p)
                .query(Long.class).single();
    }

    ImportCount count(ImportOutcome outcome, ImportKind kind) {
        return outcome.counts().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void aValidCohortImportsEveryKind() {
        var outcome = run(true, cohort.write());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.stored()).isTrue();
        assertThat(count(outcome, ImportKind.EMPLOYERS).created()).isEqualTo(2);
        assertThat(count(outcome, ImportKind.EMPLOYEES).created()).isEqualTo(2);
        assertThat(count(outcome, ImportKind.TRAJECTORIES).created()).isEqualTo(2);
        assertThat(count(outcome, ImportKind.PHASE_CHANGES).created()).isEqualTo(2);
        assertThat(count(outcome, ImportKind.JOB_CHANGES).created()).isEqualTo(1);
        assertThat(count(outcome, ImportKind.CONTACTS).created()).isEqualTo(4);
        assertThat(count(outcome, ImportKind.ANSWERS).created()).isEqualTo(4);
        assertThat(employees()).isEqualTo(2);
        assertThat(imported()).isEqualTo(2 + 2 + 2 + 4);
        long t1 = internal("TRAJECTORIES", "T1");
        assertThat(jdbc.sql("select phase from trajectory where id = :t").param("t", t1).query(String.class).single())
                .isEqualTo("COACHING");
        assertThat(jdbc.sql("select count(*) from phase_change where trajectory_id = :t").param("t", t1)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from coach_assignment where trajectory_id = :t").param("t", t1)
                .query(Long.class).single()).isEqualTo(1);
        long c1 = internal("CONTACTS", "C1");
        assertThat(jdbc.sql("select theme from contact_theme where contact_id = :c order by theme").param("c", c1)
                .query(String.class).list()).containsExactly("LIMITS", "STRESS");
        assertThat(jdbc.sql("select note from contact where id = :c").param("c", internal("CONTACTS", "C2"))
                .query(String.class).single()).isEqualTo("Werkplek, rooster");
        // the waves from the start of coaching on the job, the answers in T0
        assertThat(jdbc.sql("select code from measurement_wave where trajectory_id = :t order by due_on").param("t", t1)
                .query(String.class).list()).startsWith("T0", "T1", "T2");
        assertThat(jdbc.sql("select answers from response r join measurement_wave w on w.id = r.wave_id where "
                + "w.trajectory_id = :t and w.code = 'T0' and r.respondent = 'COACH'").param("t", t1)
                .query(String.class).single()).contains("\"job_fit\":7").contains("\"rapport_coach\":4");
        assertThat(outcome.trajectoryIds()).contains(t1, internal("TRAJECTORIES", "T2"));
        assertThat(outcome.createdPersons()).hasSize(2);
    }

    @Test
    void aDryRunCountsAndStoresNothing() {
        var outcome = run(false, cohort.write());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.stored()).isFalse();
        assertThat(count(outcome, ImportKind.CONTACTS).created()).isEqualTo(4);
        assertThat(imported()).isZero();
        assertThat(employees()).isZero();
    }

    @Test
    void theSecondImportOfTheSameFilesChangesNothing() {
        var files = cohort.write();
        run(true, files);
        long contacts = jdbc.sql("select count(*) from contact").query(Long.class).single();
        long responses = jdbc.sql("select count(*) from response").query(Long.class).single();
        var again = run(true, files);
        assertThat(again.problems()).isEmpty();
        for (ImportCount count : again.counts()) {
            assertThat(count.created()).as(count.kind() + " created").isZero();
            assertThat(count.updated()).as(count.kind() + " updated").isZero();
            assertThat(count.unchanged()).as(count.kind() + " unchanged").isPositive();
        }
        assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single()).isEqualTo(contacts);
        assertThat(jdbc.sql("select count(*) from response").query(Long.class).single()).isEqualTo(responses);
        assertThat(employees()).isEqualTo(2);
        assertThat(again.trajectoryIds()).isEmpty();
    }

    @Test
    void aChangedRowUpdatesItsRowOnly() {
        run(true, cohort.write());
        long c3 = internal("CONTACTS", "C3");
        cohort.cell("contacts.csv", 4, "minutes", "75");
        var again = run(true, cohort.write());
        assertThat(again.problems()).isEmpty();
        assertThat(count(again, ImportKind.CONTACTS).updated()).isEqualTo(1);
        assertThat(count(again, ImportKind.CONTACTS).unchanged()).isEqualTo(3);
        assertThat(jdbc.sql("select minutes from contact where id = :c").param("c", c3).query(Integer.class).single())
                .isEqualTo(75);
        assertThat(again.trajectoryIds()).containsExactly(internal("TRAJECTORIES", "T1"));
    }

    /** A bad cell, where it is, and the problem it must give. */
    static Stream<Arguments> badInputs() {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusMonths(8);
        return Stream.of(
                bad("unknown coach", c -> c.cell("trajectories.csv", 2, "coach_username", "nobody"),
                        "trajectories.csv", 2, "coach_username", "coach"),
                bad("unknown commissioner", c -> c.cell("trajectories.csv", 2, "commissioner", "Gemeente Nergens"),
                        "trajectories.csv", 2, "commissioner", "commissioner"),
                bad("date in the future", c -> c.cell("contacts.csv", 2, "contact_on", today.plusDays(3).toString()),
                        "contacts.csv", 2, "contact_on", "future"),
                bad("minutes out of range", c -> c.cell("contacts.csv", 2, "minutes", "481"),
                        "contacts.csv", 2, "minutes", "minutes"),
                bad("unknown theme", c -> c.cell("contacts.csv", 2, "themes", "STRESS|GOLF"),
                        "contacts.csv", 2, "themes", "theme"),
                bad("unknown party", c -> c.cell("contacts.csv", 5, "party", "NEIGHBOUR"),
                        "contacts.csv", 5, "party", "code"),
                bad("phase jump not allowed", c -> c.cell("trajectories.csv", 2, "phase", "PHASE_OUT")
                        .with("phase_changes.csv", 3, c.p + "T1,1,JOB_SEARCH,PHASE_OUT," + start.plusDays(14) + ","),
                        "phase_changes.csv", 3, "to_phase", "phaseJump"),
                bad("answer out of the item's range", c -> c.cell("answers.csv", 2, "value", "11"),
                        "answers.csv", 2, "value", "answer"),
                bad("unknown item", c -> c.cell("answers.csv", 3, "item_code", "nonsense"),
                        "answers.csv", 3, "item_code", "item"),
                bad("contact before its trajectory started", c -> c.cell("contacts.csv", 2, "contact_on",
                        start.minusDays(1).toString()), "contacts.csv", 2, "contact_on", "beforeStart"),
                bad("unknown reference", c -> c.cell("contacts.csv", 5, "trajectory_source_id", "nope"),
                        "contacts.csv", 5, "trajectory_source_id", "unknownReference"),
                bad("duplicate source id in the file", c -> c.cell("contacts.csv", 4, "source_id", c.p + "C1"),
                        "contacts.csv", 4, "source_id", "duplicate"),
                bad("malformed date", c -> c.cell("employees.csv", 3, "birth_date", "30-11-1995"),
                        "employees.csv", 3, "birth_date", "date"),
                bad("malformed number", c -> c.cell("contacts.csv", 4, "minutes", "veertig"),
                        "contacts.csv", 4, "minutes", "number"),
                bad("missing name", c -> c.cell("employers.csv", 2, "name", ""),
                        "employers.csv", 2, "name", "required"),
                bad("a job without employer", c -> c.cell("trajectories.csv", 2, "employer_source_id", ""),
                        "trajectories.csv", 2, "employer_source_id", "jobRequired"),
                bad("a job change of an unknown employer", c -> c.cell("job_changes.csv", 2, "employer_source_id",
                        "W-nope"), "job_changes.csv", 2, "employer_source_id", "unknownReference"));
    }

    static Arguments bad(String name, Consumer<ImportCohort> change, String file, int row, String column,
            String code) {
        return Arguments.of(name, change, file, row, column, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aBadRowGivesItsProblemAtItsRowAndNothingIsStored(String name, Consumer<ImportCohort> change, String file,
            int row, String column, String code) {
        change.accept(cohort);
        var outcome = run(true, cohort.write());
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.problems()).extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column,
                ImportProblem::code).contains(org.assertj.core.groups.Tuple.tuple(file, row, column, code));
        assertThat(imported()).isZero();
        assertThat(employees()).isZero();
    }

    @Test
    void anImportWhoseLastStatementFailsStoresNothing() {
        // the last statement stores the contacts' source ids; the database refuses this one
        owner.jdbc().sql("alter table import_source add constraint import_source_test_ck check (source_id <> '"
                + cohort.p + "C4')").update();
        try {
            var files = cohort.write();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(true, files)).isNotNull();
        } finally {
            owner.jdbc().sql("alter table import_source drop constraint import_source_test_ck").update();
        }
        assertThat(imported()).isZero();
        assertThat(employees()).isZero();
        assertThat(jdbc.sql("select count(*) from employer where name like :n").param("n", "%" + cohort.p + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aWorkbookWithASheetPerKindImports() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        var workbook = new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0");
        workbook.newWorksheet("uitleg").value(0, 0, "notes, not a kind");
        for (var file : cohort.files.keySet()) {
            var sheet = workbook.newWorksheet(file.replace(".csv", ""));
            int[] r = {0};
            ImportReader.csv(new java.io.ByteArrayInputStream(cohort.csv(file).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), new ImportReader.Rows() {
                @Override
                public void header(List<String> names) {
                    row(1, names);
                }

                @Override
                public void row(int number, List<String> cells) {
                    for (int c = 0; c < cells.size(); c++) {
                        String cell = cells.get(c);
                        if (cell.matches("\\d+")) {
                            sheet.value(r[0], c, Integer.parseInt(cell)); // numbers as number cells
                        } else if (cell.matches("\\d{4}-\\d{2}-\\d{2}") && c % 2 == 0) {
                            sheet.value(r[0], c, LocalDate.parse(cell)); // some dates as date cells
                            sheet.style(r[0], c).format("yyyy-mm-dd").set();
                        } else if (!cell.isEmpty()) {
                            sheet.value(r[0], c, cell);
                        }
                    }
                    r[0]++;
                }
            });
        }
        workbook.finish();
        var path = java.nio.file.Files.createTempFile("import", ".xlsx");
        java.nio.file.Files.write(path, bytes.toByteArray());
        var outcome = run(true, List.of(new ImportFile("caseload.xlsx", path, bytes.size())));
        assertThat(outcome.problems()).isEmpty();
        assertThat(count(outcome, ImportKind.CONTACTS).created()).isEqualTo(4);
        assertThat(count(outcome, ImportKind.ANSWERS).created()).isEqualTo(4);
        assertThat(employees()).isEqualTo(2);
        assertThat(jdbc.sql("select birth_date from employee where id = :e").param("e", internal("EMPLOYEES", "E1"))
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(1998, 4, 12));
        // the same workbook again: nothing changes
        var again = run(true, List.of(new ImportFile("caseload.xlsx", path, bytes.size())));
        assertThat(again.counts()).allSatisfy(c -> assertThat(c.created() + c.updated()).isZero());
    }

    @Test
    void theTemplatesExampleRowsPassTheDryRun() throws Exception {
        var path = java.nio.file.Files.createTempFile("template", ".xlsx");
        java.nio.file.Files.write(path, templates.xlsx(java.util.Locale.ENGLISH));
        var outcome = run(false, List.of(new ImportFile("import-en.xlsx", path, java.nio.file.Files.size(path))));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.counts()).hasSize(ImportKind.values().length);
    }

    @Test
    void semicolonsAndAByteOrderMarkAreRead() throws Exception {
        var directory = java.nio.file.Files.createTempDirectory("semicolon");
        var path = directory.resolve("employers.csv");
        java.nio.file.Files.writeString(path, "\uFEFFsource_id;name;city;sector\r\n" + cohort.p
                + "W1;\"Bakkerij; De Korenschoof\";Apeldoorn;Horeca\r\n");
        var outcome = run(true, List.of(new ImportFile("employers.csv", path, java.nio.file.Files.size(path))));
        assertThat(outcome.problems()).isEmpty();
        assertThat(jdbc.sql("select name from employer where id = :e").param("e", internal("EMPLOYERS", "W1"))
                .query(String.class).single()).isEqualTo("Bakkerij; De Korenschoof");
    }

    long internal(String kind, String source) {
        return jdbc.sql("select internal_id from import_source where kind = :k and source_id = :s and "
                + "organisation_id = :o").param("k", kind).param("s", cohort.p + source).param("o", organisation)
                .query(Long.class).single();
    }
}
