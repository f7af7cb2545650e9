package nl.jobcoachmonitor.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Recording consent on the trajectory page: history kept, withdrawal a new decision, scoped and logged. */
@IntegrationTest
class ConsentTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired ConsentManagement consents;

    private MockHttpServletRequestBuilder record(String user, long id, String purpose, boolean given) {
        return post("/trajectories/{id}/consent", id).with(data.as(user)).with(csrf()).header("HX-Request", "true")
                .param("purpose", purpose).param("given", String.valueOf(given))
                .param("decidedOn", LocalDate.now().toString()).param("textVersion", "2026-1");
    }

    @Test
    void aWithdrawalIsANewDecisionAndTakesEffectAtOnce() throws Exception {
        long id = data.trajectoriesOf("coach").get(1);
        long before = data.count("consent", "trajectory_id = :p", id);
        String page = mvc.perform(record("coach", id, "RESEARCH", true)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("Het besluit is vastgelegd.").contains("Gebruik voor onderzoek");
        assertThat(consents.consentedToResearch(List.of(id))).containsExactly(id);

        mvc.perform(record("manager", id, "RESEARCH", false)).andExpect(status().isOk());
        assertThat(consents.consentedToResearch(List.of(id))).isEmpty();
        assertThat(data.count("consent", "trajectory_id = :p", id)).isEqualTo(before + 2);
        assertThat(data.count("audit_event", "object_type = 'consent' and object_id = :p", String.valueOf(id)))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void employerSharingIsNotGivenByDefault() throws Exception {
        long id = data.trajectoriesOf("coach").get(2);
        String page = mvc.perform(get("/trajectories/{id}/consent", id).with(data.as("coach")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Antwoorden delen met de werkgever");
        if (data.count("consent", "trajectory_id = :p and purpose = 'EMPLOYER_SHARING'", id) == 0) {
            assertThat(consents.sharedWithEmployer(List.of(id))).isEmpty();
        }
        mvc.perform(record("coach", id, "EMPLOYER_SHARING", true)).andExpect(status().isOk());
        assertThat(consents.sharedWithEmployer(List.of(id))).containsExactly(id);
    }

    @Test
    void anotherCoachCannotSeeOrRecordConsent() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        long before = data.count("consent", "trajectory_id = :p", id);
        long denied = data.deniedAccessesBy("coach2");
        mvc.perform(get("/trajectories/{id}/consent", id).with(data.as("coach2"))).andExpect(status().isNotFound());
        mvc.perform(record("coach2", id, "RESEARCH", true)).andExpect(status().isNotFound());
        assertThat(data.count("consent", "trajectory_id = :p", id)).isEqualTo(before);
        assertThat(data.deniedAccessesBy("coach2")).isGreaterThan(denied);
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        long id = data.trajectoriesOf("coach").get(0);
        long before = data.count("consent", "trajectory_id = :p", id);
        String page = mvc.perform(post("/trajectories/{id}/consent", id).with(data.as("coach")).with(csrf())
                        .header("HX-Request", "true").param("purpose", "RESEARCH").param("given", "true")
                        .param("decidedOn", LocalDate.now().plusDays(3).toString())
                        .param("textVersion", "<script>x</script>"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze datum ligt in de toekomst.").doesNotContain("<script>x");
        assertThat(data.count("consent", "trajectory_id = :p", id)).isEqualTo(before);
    }

    @Test
    void theDemoCohortHasConsentsRefusalsAndWithdrawals() {
        assertThat(data.count("consent", "purpose = :p and given = true", "RESEARCH")).isGreaterThan(50);
        assertThat(data.count("consent", "purpose = :p and given = false", "RESEARCH")).isGreaterThan(5);
        assertThat(data.count("trajectory t", "not exists (select 1 from consent c where c.trajectory_id = t.id "
                + "and c.purpose = :p)", "RESEARCH")).isGreaterThan(0);
    }
}
