package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Who may see what: scoping in the queries, 404 for anything out of scope, and every denial in the access log. */
@IntegrationTest
class AccessTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;

    @Test
    void coachOpensATrajectoryOfTheirOwnCaseloadAndTheReadIsLogged() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        long reads = data.count("audit_event", "action = 'READ' and outcome = 'ALLOWED' and person_id = :p",
                data.employeeIdOf(id));
        mvc.perform(get("/trajectories/{id}", id).with(data.as("coach")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(data.employeeNameOf(id))));
        assertThat(data.count("audit_event", "action = 'READ' and outcome = 'ALLOWED' and person_id = :p",
                data.employeeIdOf(id))).isGreaterThan(reads);
    }

    @Test
    void coachCannotOpenAnotherCoachsTrajectoryByPageOrApiAndTheAttemptIsLogged() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        String name = data.employeeNameOf(id);
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(get("/trajectories/{id}", id).with(data.as("coach2")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(name))));
        mvc.perform(get("/api/v1/trajectories/{id}", id).with(httpBasic("coach2", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach2", "demo")))
                .andExpect(status().isNotFound());
        assertThat(data.deniedAccessesBy("coach2")).isEqualTo(denied + 3);
    }

    @Test
    void anUnknownIdLooksExactlyLikeAnotherCoachsId() throws Exception {
        long othersId = data.trajectoriesOf("coach").get(0);
        String othersBody = mvc.perform(get("/trajectories/{id}", othersId).with(data.as("coach2")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknownBody = mvc.perform(get("/trajectories/{id}", 987_654_321L).with(data.as("coach2")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(withoutCsrfToken(unknownBody)).isEqualTo(withoutCsrfToken(othersBody));
    }

    private static String withoutCsrfToken(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void coachCannotLogAContactOrChangeAnotherCoachsTrajectory() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 0);
        long contacts = data.count("contact");
        long jobChanges = data.count("job_change");
        mvc.perform(post("/trajectories/{id}/contacts", id).with(data.as("coach2")).with(csrf())
                        .param("contactOn", java.time.LocalDate.now().toString()).param("minutes", "30")
                        .param("party", "EMPLOYEE").param("mode", "PHONE"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/trajectories/{id}/job-changes", id).with(data.as("coach2")).with(csrf())
                        .param("version", String.valueOf(data.version(id)))
                        .param("changedOn", java.time.LocalDate.now().toString()).param("kind", "NEW_TASKS"))
                .andExpect(status().isNotFound());
        assertThat(data.count("contact")).isEqualTo(contacts);
        assertThat(data.count("job_change")).isEqualTo(jobChanges);
    }

    @Test
    void managerSeesTheTrajectoriesOfTheOrganisation() throws Exception {
        long ofCoach = data.trajectoriesOf("coach").get(0);
        long ofCoach2 = data.trajectoriesOf("coach2").get(0);
        mvc.perform(get("/trajectories/{id}", ofCoach).with(data.as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/trajectories/{id}", ofCoach2).with(data.as("manager"))).andExpect(status().isOk());
        mvc.perform(get("/team").with(data.as("manager"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("coach=" + data.userId("coach2"))));
    }

    @Test
    void coachesDoNotSeeTheTeamPage() throws Exception {
        mvc.perform(get("/team").with(data.as("coach"))).andExpect(status().isForbidden());
    }

    @Test
    void commissionerResearcherAndAdministratorGetNoIndividualDataAnywhere() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        String name = data.employeeNameOf(id);
        List<String> pages = List.of("/caseload", "/trajectories/" + id, "/trajectories/new",
                "/trajectories/" + id + "/contacts/new", "/trajectories/" + id + "/phase", "/team");
        List<String> api = List.of("/api/v1/trajectories", "/api/v1/trajectories/" + id,
                "/api/v1/trajectories/" + id + "/contacts", "/api/v1/trajectories/" + id + "/job-changes");
        for (String username : List.of("gemeente", "onderzoeker", "admin")) {
            for (String page : pages) {
                var response = mvc.perform(get(page).with(data.as(username))).andReturn().getResponse();
                assertThat(response.getStatus()).as(username + " " + page).isIn(403, 404);
                assertThat(response.getContentAsString()).doesNotContain(name);
            }
            for (String path : api) {
                var response = mvc.perform(get(path).with(httpBasic(username, "demo"))).andReturn().getResponse();
                assertThat(response.getStatus()).as(username + " " + path).isIn(403, 404);
                assertThat(response.getContentAsString()).doesNotContain(name);
            }
        }
        String home = mvc.perform(get("/report").with(data.as("gemeente"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).doesNotContain(name);
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndTheApiAnswers401() throws Exception {
        mvc.perform(get("/caseload")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/trajectories")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/trajectories").with(httpBasic("coach", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void administratorManagesUsersButSeesNoCaseContent() throws Exception {
        mvc.perform(get("/admin/users").param("q", "coach2").with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("coach2")));
        mvc.perform(get("/admin/users").with(data.as("coach"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/organisations").with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Gemeente Apeldoorn")));
    }
}
