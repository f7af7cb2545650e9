package nl.jobcoachmonitor.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The import as the page runs it: in the background, then the indicators of the trajectories it touched and the access
 * log (one entry for the import, one per person); the page's scope (a manager's own organisation only); the templates.
 */
@IntegrationTest
class ImportRunTests {

    @Autowired Imports imports;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;
    @Autowired ImportTemplates templates;

    ImportCohort cohort;

    @BeforeEach
    void cohort() {
        String commissioner = jdbc.sql("select name from commissioner order by id limit 1").query(String.class)
                .single();
        cohort = new ImportCohort("r" + UUID.randomUUID().toString().substring(0, 8) + "-", commissioner,
                LocalDate.now());
    }

    @Test
    void anImportInTheBackgroundUpdatesTheIndicatorsAndLogsTheImportAndEachPerson() throws Exception {
        var manager = (CurrentUser) users.loadUserByUsername("manager");
        long organisation = manager.organisationId();
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(manager, null, manager.getAuthorities()));
        try {
            var uploads = new ArrayList<Imports.Upload>();
            for (var file : cohort.files.keySet()) {
                uploads.add(new Imports.Upload(file, new ByteArrayInputStream(cohort.csv(file)
                        .getBytes(StandardCharsets.UTF_8))));
            }
            var run = imports.upload(manager, organisation, uploads);
            await(run);
            assertThat(run.dryRun().valid()).isTrue();
            assertThat(run.dryRun().stored()).isFalse();
            assertThat(imports.start(run)).isTrue();
            await(run);
            assertThat(run.failure()).isNull();
            assertThat(run.imported().stored()).isTrue();
            assertThat(imports.start(run)).as("an upload is imported once").isFalse();
            assertThat(imports.find((CurrentUser) users.loadUserByUsername("admin"), run.id())).isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
        long t1 = jdbc.sql("select internal_id from import_source where source_id = :s").param("s", cohort.p + "T1")
                .query(Long.class).single();
        // the indicators: two contacts in months 0-3 of coaching on the job (45 + 30 min; the first one was in the
        // job search), the coach's rapport of T0
        assertThat(jdbc.sql("select hours_total_0_3 from trajectory_indicator where trajectory_id = :t").param("t", t1)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.25");
        assertThat(jdbc.sql("select rapport_coach from trajectory_indicator where trajectory_id = :t").param("t", t1)
                .query(Integer.class).single()).isEqualTo(4);
        var events = jdbc.sql("select object_type, action, username, person_id from audit_event where id > :b")
                .param("b", before).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        + " " + rs.getObject(4)).list();
        assertThat(events.stream().filter(e -> e.startsWith("import CREATE manager"))).hasSize(1);
        assertThat(events.stream().filter(e -> e.startsWith("employee CREATE manager"))).hasSize(2);
    }

    private static void await(ImportRun run) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!run.progress().finished() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(run.progress().finished()).isTrue();
    }

    @Test
    void aManagerImportsOnlyIntoTheOwnOrganisation() throws Exception {
        long own = jdbc.sql("select organisation_id from app_user where username = 'manager'").query(Long.class)
                .single();
        long other = jdbc.sql("select min(id) from organisation where id <> :o").param("o", own).query(Long.class)
                .single();
        long denied = data.deniedAccessesBy("manager");
        mvc.perform(get("/transfer/import").param("organisation", String.valueOf(other)).with(data.as("manager")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/transfer/import").file(new MockMultipartFile("files", "employers.csv", "text/csv",
                cohort.csv("employers.csv").getBytes(StandardCharsets.UTF_8)))
                .param("organisation", String.valueOf(other)).with(data.as("manager")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("manager")).isGreaterThan(denied);
        // an upload that is not one's own (or no longer exists) goes back to the page
        mvc.perform(get("/transfer/import/" + UUID.randomUUID()).with(data.as("manager")))
                .andExpect(redirectedUrl("/transfer/import?expired"));
    }

    @Test
    void theAdministratorChoosesTheOrganisation() throws Exception {
        mvc.perform(multipart("/transfer/import").file(new MockMultipartFile("files", "employers.csv", "text/csv",
                cohort.csv("employers.csv").getBytes(StandardCharsets.UTF_8))).with(data.as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Kies de organisatie")));
        mvc.perform(get("/transfer/import").param("organisation", "999999").with(data.as("admin")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTemplatesHaveTheColumnsAndAnExampleRowThatImports() throws Exception {
        mvc.perform(get("/transfer/import/template.csv").param("kind", "contacts").with(data.as("manager")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("contacts.csv")))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith(
                        "source_id,trajectory_source_id,contact_on,minutes,party,mode,themes,note,goal_source_ids,reason")));
        for (var locale : List.of(java.util.Locale.forLanguageTag("nl"), java.util.Locale.ENGLISH)) {
            try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(templates.xlsx(locale)))) {
                var sheets = workbook.getSheets().map(s -> s.getName()).toList();
                assertThat(sheets).contains("employers", "employees", "trajectories", "phase_changes", "job_changes",
                        "contacts", "answers");
                var explanation = workbook.getSheets().filter(s -> ImportKind.ofFile(s.getName()).isEmpty())
                        .findFirst().orElseThrow().read();
                var text = explanation.stream().map(r -> r.getCellText(2) + " " + r.getCellText(4)).toList();
                assertThat(String.join("\n", text)).contains(locale.getLanguage().equals("nl") ? "Duur in minuten"
                        : "Duration in minutes").contains("WORKPLACE_VISIT");
            }
        }
    }
}
