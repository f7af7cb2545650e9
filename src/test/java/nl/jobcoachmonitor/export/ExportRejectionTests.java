package nl.jobcoachmonitor.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A manager rejects a research export project with a reason; the researcher sees it and cannot download. */
@IntegrationTest
class ExportRejectionTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    private ExportSteps steps() {
        return new ExportSteps(mvc, data, jdbc);
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).with(data.as(user))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theResearcherSeesTheReasonAndARejectedProjectIsNeitherDownloadedNorApproved() throws Exception {
        long id = steps().createProject("Afgewezen project", null);
        assertThat(page("/team/exports", "manager")).contains("Project Afgewezen project afwijzen");

        var noReason = mvc.perform(post("/team/exports/{id}/rejection", id).with(data.as("manager")).with(csrf())
                .param("reason", "  ")).andReturn();
        assertThat(noReason.getFlashMap().get("rejectError")).isEqualTo("export.reject.reasonRequired");
        assertThat(data.count("export_project", "id = :p and rejected_at is not null", id)).isZero();

        mvc.perform(post("/team/exports/{id}/rejection", id).with(data.as("manager")).with(csrf())
                .param("reason", "Het doel is te breed: <b>beperk</b> het tot werkbehoud.")).andExpect(
                status().is3xxRedirection());
        assertThat(data.count("export_project", "id = :p and rejected_at is not null", id)).isEqualTo(1);

        String project = page("/research/projects/" + id, "onderzoeker");
        assertThat(project).contains("Afgewezen door").contains("Het doel is te breed: &lt;b&gt;beperk&lt;/b&gt;")
                .contains("kan niet worden gedownload").doesNotContain("files/export.zip");
        assertThat(page("/research", "onderzoeker")).contains("Afgewezen");

        long exports = data.count("audit_event", "action = :p", "EXPORT");
        String refused = mvc.perform(get("/research/projects/{id}/files/export.zip", id)
                .with(data.as("onderzoeker"))).andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("afgewezen door een manager");
        assertThat(data.count("export_download", "project_id = :p", id)).isZero();
        assertThat(data.count("audit_event", "action = :p", "EXPORT")).isEqualTo(exports);

        // approving afterwards changes nothing; neither does a second rejection
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("manager")).with(csrf()));
        assertThat(data.count("export_project", "id = :p and approved_at is not null", id)).isZero();
        var again = mvc.perform(post("/team/exports/{id}/rejection", id).with(data.as("manager")).with(csrf())
                .param("reason", "Nog een keer")).andReturn();
        assertThat(again.getFlashMap().get("rejectError")).isEqualTo("export.reject.notWaiting");
        assertThat(jdbc.sql("select rejection_reason from export_project where id = :id").param("id", id)
                .query(String.class).single()).startsWith("Het doel is te breed");
        assertThat(data.count("audit_event", "object_type = 'export_project' and object_id = :p",
                "project " + id + ": rejected")).isEqualTo(1);
    }

    @Test
    void onlyAManagerOfTheProjectsOrganisationRejects() throws Exception {
        long id = steps().createProject("Niet af te wijzen", null);
        mvc.perform(post("/team/exports/{id}/rejection", id).with(data.as("manager2")).with(csrf())
                .param("reason", "Nee")).andExpect(status().isNotFound());
        mvc.perform(post("/team/exports/{id}/rejection", id).with(data.as("onderzoeker")).with(csrf())
                .param("reason", "Nee")).andExpect(status().isForbidden());
        assertThat(data.count("export_project", "id = :p and rejected_at is not null", id)).isZero();
    }

    @Test
    void theNavigationShowsTheManagerHowManyProjectsWait() throws Exception {
        long waiting = jdbc.sql("select count(*) from export_project where organisation_id = :o and approved_at is "
                + "null and rejected_at is null").param("o", steps().organisationOf("manager")).query(Long.class)
                .single();
        long id = steps().createProject("Wachtend project", null);
        String caseload = page("/caseload", "manager");
        assertThat(caseload).contains("<span class=\"badge\" aria-hidden=\"true\">" + (waiting + 1) + "</span>");
        mvc.perform(post("/team/exports/{id}/approval", id).with(data.as("manager")).with(csrf()));
        String after = page("/caseload", "manager");
        assertThat(after).doesNotContain("<span class=\"badge\" aria-hidden=\"true\">" + (waiting + 1) + "</span>");
        assertThat(page("/caseload", "coach")).doesNotContain("class=\"badge\"");
    }
}
