package nl.jobcoachmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.Csv;
import nl.jobcoachmonitor.shared.CsvReader;
import nl.jobcoachmonitor.trajectory.ConsentPurpose;
import nl.jobcoachmonitor.trajectory.ConsentManagement;
import nl.jobcoachmonitor.trajectory.RecordConsentForm;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The research export end to end on the demo cohort: a researcher's project, the manager's approval, the download
 * built from the consent that holds at that moment, pseudonyms, what never leaves, and the record of every export.
 */
@IntegrationTest
class ExportTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired ConsentManagement consents;
    @Autowired UserDetailsService users;

    private ExportSteps steps() {
        return new ExportSteps(mvc, data, jdbc);
    }

    private long organisationOf(String manager) {
        return steps().organisationOf(manager);
    }

    private long createProject(String name, String from) throws Exception {
        return steps().createProject(name, from);
    }

    private long approvedProject(String name) throws Exception {
        return steps().approvedProject(name);
    }

    private byte[] download(long project, String file) throws Exception {
        return steps().download(project, file);
    }

    List<List<String>> csv(long project, String file) throws Exception {
        return CsvReader.read(new String(download(project, file), StandardCharsets.UTF_8));
    }

    Set<String> column(List<List<String>> rows, String name) {
        int index = rows.get(0).indexOf(name);
        Set<String> values = new HashSet<>();
        rows.stream().skip(1).forEach(r -> values.add(r.get(index)));
        return values;
    }

    String trajectoryPseudonym(long project, long trajectoryId) {
        String secret = jdbc.sql("select secret from export_project where id = :id").param("id", project)
                .query(String.class).single();
        return new Pseudonyms(secret).trajectory(trajectoryId);
    }

    void decide(long trajectoryId, boolean given) {
        var coach = (CurrentUser) users.loadUserByUsername(jdbc.sql("select u.username from app_user u join "
                + "trajectory t on t.coach_id = u.id where t.id = :t").param("t", trajectoryId).query(String.class)
                .single());
        consents.record(coach, trajectoryId, new RecordConsentForm(ConsentPurpose.RESEARCH, given, LocalDate.now(),
                "2026-1"));
    }

    @Test
    void aDownloadBeforeApprovalIsRefusedAndNothingLeaves() throws Exception {
        long id = createProject("Niet goedgekeurd", null);
        long exports = data.count("audit_event", "action = :p", "EXPORT");
        String page = mvc.perform(get("/research/projects/{id}/files/export.zip", id).with(data.as("onderzoeker")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("nog niet goedgekeurd");
        assertThat(data.count("export_download", "project_id = :p", id)).isZero();
        assertThat(data.count("audit_event", "action = :p", "EXPORT")).isEqualTo(exports);
    }

    @Test
    void onlyAManagerOfTheProjectsOrganisationCanApprove() throws Exception {
        long id = createProject("Goedkeuring", null);
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("manager2")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("onderzoeker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("coach")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(data.count("export_project", "id = :p and approved_at is not null", id)).isZero();
        String other = mvc.perform(get("/team/exports").with(data.as("manager2"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("Goedkeuring");
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(data.count("export_project", "id = :p and approved_at is not null", id)).isEqualTo(1);
    }

    @Test
    void anotherResearchersOrAnyoneElsesProjectIsNotFound() throws Exception {
        long id = createProject("Eigen project", null);
        mvc.perform(get("/research/projects/{id}", id).with(data.as("manager"))).andExpect(status().isForbidden());
        jdbc.sql("update export_project set created_by = :u where id = :id").param("u", data.userId("admin"))
                .param("id", id).update();
        mvc.perform(get("/research/projects/{id}", id).with(data.as("onderzoeker"))).andExpect(status().isNotFound());
    }

    @Test
    void consentDecidesWhoIsExportedAtTheMomentOfTheDownload() throws Exception {
        long project = approvedProject("Toestemming");
        long organisation = organisationOf("manager");
        List<Long> ids = jdbc.sql("select id from trajectory where organisation_id = :o order by id")
                .param("o", organisation).query(Long.class).list();
        long consenting = ids.get(3);
        long refusing = ids.get(4);
        decide(consenting, true);
        decide(refusing, false);
        long unknown = ids.get(5);
        jdbc.sql("delete from consent where trajectory_id = :t").param("t", unknown).update();

        var first = csv(project, "wide.csv");
        assertThat(column(first, "trajectory")).contains(trajectoryPseudonym(project, consenting))
                .doesNotContain(trajectoryPseudonym(project, refusing), trajectoryPseudonym(project, unknown));
        assertThat(first.size() - 1).isEqualTo(consents.consentedToResearch(ids).size());

        decide(consenting, false);
        assertThat(column(csv(project, "wide.csv"), "trajectory"))
                .doesNotContain(trajectoryPseudonym(project, consenting));
        assertThat(column(csv(project, "long.csv"), "trajectory"))
                .doesNotContain(trajectoryPseudonym(project, consenting));
    }

    @Test
    void pseudonymsAreStableWithinAProjectAndDifferBetweenProjects() throws Exception {
        long one = approvedProject("Project een");
        long two = approvedProject("Project twee");
        var first = column(csv(one, "wide.csv"), "person");
        var again = column(csv(one, "wide.csv"), "person");
        var other = column(csv(two, "wide.csv"), "person");
        assertThat(first).isNotEmpty().isEqualTo(again).allMatch(p -> p.matches("P[0-9a-f]{16}"));
        assertThat(other).hasSameSizeAs(first).doesNotContainAnyElementsOf(first);
        var ids = jdbc.sql("select cast(id as varchar(20)) from employee").query(String.class).list();
        assertThat(first).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void noNamesNotesOrDatesLeaveAndNoCellStartsLikeAFormula() throws Exception {
        long project = approvedProject("Lekken");
        var files = ExportSteps.unzip(download(project, "export.zip"));
        assertThat(files.keySet()).containsExactlyInAnyOrder("wide.csv", "long.csv", "codebook.csv",
                "read-export.R", "read-export.sps", "export.xlsx");
        // the workbook's cells as text, next to the other files (its first sheet says when it was made: no person's date)
        var sheets = nl.jobcoachmonitor.shared.Spreadsheet.read(files.remove("export.xlsx"));
        String workbook = String.join("\n", sheets.entrySet().stream().filter(e -> !e.getKey().equals("Selectie"))
                .flatMap(e -> e.getValue().stream()).map(r -> String.join(",", nl.jobcoachmonitor.shared.Spreadsheet
                        .texts(r))).toList());
        String all = String.join("\n", files.values().stream().map(b -> new String(b, StandardCharsets.UTF_8))
                .toList()) + "\n" + workbook;
        var names = jdbc.sql("select distinct last_name from employee").query(String.class).list();
        for (String name : names) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(all).find()).as(name).isFalse();
        }
        var firstNames = jdbc.sql("select distinct first_name from employee").query(String.class).list();
        String data = new String(files.get("wide.csv"), StandardCharsets.UTF_8)
                + new String(files.get("long.csv"), StandardCharsets.UTF_8);
        for (String name : firstNames) {
            assertThat(Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(data).find()).as(name).isFalse();
        }
        var notes = jdbc.sql("select distinct note from contact where note is not null and length(note) > 12")
                .query(String.class).list();
        notes.forEach(note -> assertThat(all).doesNotContain(note));
        assertThat(Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}").matcher(all).find())
                .isFalse();
        assertThat(data).doesNotContain("@").doesNotContain("example");
        for (String file : List.of("wide.csv", "long.csv", "codebook.csv")) {
            for (var row : CsvReader.read(new String(files.get(file), StandardCharsets.UTF_8))) {
                for (String cell : row) {
                    assertThat(Csv.startsLikeAFormula(cell) && !Csv.isNumber(cell)).as(file + ": " + cell).isFalse();
                }
            }
        }
    }

    @Test
    void theExportAlsoDownloadsAsAWorkbookWithHeadersInWordsAndNumbersAsNumbers() throws Exception {
        long project = approvedProject("Werkboek");
        var wide = csv(project, "wide.csv");
        var sheets = nl.jobcoachmonitor.shared.Spreadsheet.read(download(project, "export.xlsx"));

        assertThat(sheets.keySet()).containsExactly("Selectie", "wide", "long", "Codeboek");
        var rows = sheets.get("wide");
        assertThat(nl.jobcoachmonitor.shared.Spreadsheet.texts(rows.get(0))).startsWith(
                "Pseudoniem van de werknemer (binnen dit project)", "Pseudoniem van het traject (binnen dit project)",
                "Leeftijd bij de start van het traject (jaren)");
        assertThat(rows).hasSameSizeAs(wide);
        int age = wide.get(0).indexOf("age_start");
        for (int r = 1; r < wide.size(); r++) {
            var row = rows.get(r);
            assertThat(row.getCell(0).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(row.getCell(0).asString()).isEqualTo(wide.get(r).get(0));
            assertThat(row.getCell(age).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(row.getCell(age).asNumber()).isEqualByComparingTo(wide.get(r).get(age));
        }
        assertThat(sheets.get("Codeboek")).anySatisfy(row -> assertThat(nl.jobcoachmonitor.shared.Spreadsheet
                .texts(row)).startsWith("wide", "age_start", "Leeftijd bij de start van het traject (jaren)"));
        // the CSV files for R and SPSS keep the codes as their headers
        assertThat(wide.get(0)).startsWith("person", "trajectory", "age_start");
    }

    @Test
    void everyExportIsLoggedAndListedWithItsHash() throws Exception {
        long project = approvedProject("Logboek");
        long exports = data.count("audit_event", "action = :p", "EXPORT");
        byte[] zip = download(project, "export.zip");
        var wide = csv(project, "wide.csv");
        int rows = wide.size() - 1;
        long persons = wide.stream().skip(1).map(row -> row.get(0)).distinct().count();
        // one event for the export as a whole, and one per person in it (the download of wide.csv above adds as many)
        assertThat(data.count("audit_event", "action = :p", "EXPORT")).isEqualTo(exports + 2 * (1 + persons));
        String logged = jdbc.sql("select object_id from audit_event where action = 'EXPORT' and person_id is null "
                + "and object_id like 'project %' order by id desc limit 1").query(String.class).single();
        assertThat(data.count("audit_event", "action = 'EXPORT' and person_id is not null and object_id = :p",
                String.valueOf(project))).isEqualTo(2 * persons);
        assertThat(logged).startsWith("project " + project + ": ");
        String hash = ExportManagement.sha256(zip);
        String page = mvc.perform(get("/research/projects/{id}", project).with(data.as("onderzoeker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(hash).contains("export.zip").contains(">" + rows + "<");
        assertThat(data.count("export_download", "project_id = :p", project)).isEqualTo(2);
        download(project, "codebook.csv");
        assertThat(data.count("audit_event", "action = 'EXPORT' and person_id is not null and object_id = :p",
                String.valueOf(project))).as("the codebook holds no person").isEqualTo(2 * persons);
    }

    @Test
    void anExportWithoutConsentingEmployeesSaysSoAndMakesNoFile() throws Exception {
        long project = createProject("Leeg", YearMonth.now().plusYears(50).toString());
        mvc.perform(post("/team/exports/{id}/approval", project).with(data.as("manager")).with(csrf()));
        String page = mvc.perform(get("/research/projects/{id}/files/wide.csv", project)
                        .with(data.as("onderzoeker"))).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Geen enkele werknemer in dit project geeft op dit moment toestemming");
        assertThat(data.count("export_download", "project_id = :p", project)).isZero();
    }

    @Test
    void badProjectInputIsRefusedWithMessages() throws Exception {
        long before = data.count("export_project");
        String page = mvc.perform(post("/research/projects").with(data.as("onderzoeker")).with(csrf())
                        .param("name", "").param("purpose", "x").param("organisationId", "999999")
                        .param("waves", "T9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dit veld is verplicht.");
        page = mvc.perform(post("/research/projects").with(data.as("onderzoeker")).with(csrf())
                        .param("name", "<script>alert(1)</script>").param("purpose", "x")
                        .param("organisationId", "999999").param("waves", "T0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kies een bestaande organisatie.").doesNotContain("<script>alert");
        assertThat(data.count("export_project")).isEqualTo(before);
    }

    /** The starts per calendar month of the demo manager's organisation. */
    private TreeMap<YearMonth, Integer> startsPerMonth() {
        var perMonth = new TreeMap<YearMonth, Integer>();
        jdbc.sql("select started_on from trajectory where organisation_id = :o").param("o", organisationOf("manager"))
                .query(LocalDate.class).list().forEach(day -> perMonth.merge(YearMonth.from(day), 1, Integer::sum));
        return perMonth;
    }

    /** A month with 1 to 9 starts in the manager's organisation and starts before it. */
    private YearMonth aMonthWithAFewStarts() {
        var perMonth = startsPerMonth();
        return perMonth.entrySet().stream().skip(1).filter(e -> e.getValue() >= 1 && e.getValue() <= 9)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    private long deniedRefusals(String like) {
        return data.count("audit_event", "outcome = 'DENIED' and object_type = 'export_project' and object_id like :p",
                like);
    }

    @Test
    void thePeriodIsInWholeCalendarMonthsStoredAsTheirFirstAndLastDay() throws Exception {
        String researcher = steps().newResearcher("onderzoeker-maanden");
        long id = steps().createProject(researcher, "Maanden", "2024-02", "2024-04");
        var stored = jdbc.sql("select started_from, started_to from export_project where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, LocalDate.class) + " " + rs.getObject(2, LocalDate.class)).single();
        assertThat(stored).isEqualTo("2024-02-01 2024-04-30");
        String page = mvc.perform(get("/research/projects/{id}", id).with(data.as(researcher)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("februari 2024").contains("april 2024");

        long before = data.count("export_project");
        page = mvc.perform(steps().postProject(researcher, "Dagen", "2024-02-15", null)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vul een maand in als jjjj-mm, bijvoorbeeld 2025-03.");
        page = mvc.perform(steps().postProject(researcher, "Omgekeerd", "2024-05", "2024-04"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("De eindmaand ligt voor de beginmaand.");
        assertThat(data.count("export_project")).isEqualTo(before);
    }

    @Test
    void theFormAsksForMonthsWithALabelAndAFormatHint() throws Exception {
        String page = mvc.perform(get("/research").with(data.as("onderzoeker"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("<label for=\"startedFrom\">[^<]+</label>")
                .containsPattern("<input id=\"startedFrom\" type=\"month\"[^>]*aria-describedby=\"period-hint\"")
                .containsPattern("<input id=\"startedTo\" type=\"month\"")
                .contains("id=\"period-hint\"").contains("jjjj-mm");
    }

    @Test
    void aProjectWhosePopulationDiffersByAFewTrajectoriesFromAnEarlierOneIsRefusedAndLogged() throws Exception {
        String researcher = steps().newResearcher("onderzoeker-verschil");
        YearMonth month = aMonthWithAFewStarts();
        long earlier = steps().createProject(researcher, "Tot en met", null, month.toString());
        long before = data.count("export_project");
        long refusals = deniedRefusals("new: population within 1-9 of project " + earlier);

        String page = mvc.perform(steps().postProject(researcher, "Een maand minder", null,
                month.minusMonths(1).toString())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("verschillen maar 1 tot 9 trajecten van die in uw project „Tot en met”");
        assertThat(data.count("export_project")).isEqualTo(before);
        assertThat(deniedRefusals("new: population within 1-9 of project " + earlier)).isEqualTo(refusals + 1);

        page = mvc.perform(steps().postProject(researcher, "Een maand minder", null, month.minusMonths(1).toString())
                .param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("differ by only 1 to 9 trajectories from those in your project “Tot en met”");

        // the same population is the same persons, differently pseudonymised: allowed
        steps().createProject(researcher, "Nog eens tot en met", null, month.toString());
        // another researcher's earlier projects are not this rule's business (see the README)
        steps().createProject(steps().newResearcher("onderzoeker-ander"), "Ander", null,
                month.minusMonths(1).toString());
    }

    @Test
    void approvalAndEachDownloadCheckThePopulationAgainBecauseTrajectoriesAreAdded() throws Exception {
        String researcher = steps().newResearcher("onderzoeker-later");
        YearMonth month = aMonthWithAFewStarts();
        long one = steps().createProject(researcher, "Eerste", null, month.toString());
        long two = steps().createProject(researcher, "Tweede", null, month.toString());
        mvc.perform(post("/team/exports/{id}/approval", one).with(data.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/research/projects/{id}/files/wide.csv", one).with(data.as(researcher)))
                .andExpect(status().isOk());
        // the populations were the same; now they differ by the month's few starts, as when trajectories are added
        // after the project was made
        jdbc.sql("update export_project set started_to = :to where id = :id").param("id", two)
                .param("to", month.minusMonths(1).atEndOfMonth()).update();
        long downloads = data.count("export_download", "project_id = :p", one);

        String page = mvc.perform(get("/research/projects/{id}/files/wide.csv", one).with(data.as(researcher)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("uw project „Tweede”");
        assertThat(data.count("export_download", "project_id = :p", one)).isEqualTo(downloads);
        assertThat(deniedRefusals("project " + one + ": population within 1-9 of project " + two)).isEqualTo(1);

        var approvals = mvc.perform(post("/team/exports/{id}/approval", two).with(data.as("manager")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(approvals.getFlashMap().get("refusedProject")).isEqualTo("Tweede");
        assertThat(data.count("export_project", "id = :p and approved_at is not null", two)).isZero();
        assertThat(deniedRefusals("project " + two + ": population within 1-9 of project " + one)).isEqualTo(1);
        // the redirect's page, in the same (Spring Session) session, shows the refusal
        page = mvc.perform(get("/team/exports").with(data.as("manager"))
                .cookie(approvals.getResponse().getCookies())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Project „Tweede” is niet goedgekeurd");
    }

    @Test
    void populationDifferenceRule() {
        assertThat(PopulationDifference.tooSmall(Set.of(1L, 2L, 3L), Set.of(1L, 2L, 3L))).as("same").isFalse();
        assertThat(PopulationDifference.tooSmall(Set.of(1L, 2L, 3L), Set.of(1L, 2L))).as("one less").isTrue();
        assertThat(PopulationDifference.tooSmall(Set.of(1L), Set.of(2L))).as("nothing in common").isFalse();
        var many = new HashSet<Long>();
        for (long i = 0; i < 30; i++) {
            many.add(i);
        }
        var nineLess = new HashSet<>(many);
        nineLess.removeIf(i -> i < 9);
        var tenLess = new HashSet<>(many);
        tenLess.removeIf(i -> i < 10);
        assertThat(PopulationDifference.tooSmall(many, nineLess)).isTrue();
        assertThat(PopulationDifference.tooSmall(many, tenLess)).isFalse();
        nineLess.add(100L);
        assertThat(PopulationDifference.tooSmall(many, nineLess)).as("9 out, 1 in: 10 apart").isFalse();
    }
}
