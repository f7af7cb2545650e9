package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API under /api/v1: HTTP Basic, the same scoping and rules as the pages, documented with OpenAPI. */
@IntegrationTest
class ApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;

    @Test
    void coachListsOnlyTheirOwnTrajectories() throws Exception {
        long coach = data.userId("coach");
        mvc.perform(get("/api/v1/trajectories").with(httpBasic("coach", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].coachId", everyItem(is((int) coach))))
                .andExpect(jsonPath("$[*].id", hasItem((int) data.trajectoriesOf("coach").get(0).longValue())));
    }

    @Test
    void coachLogsAContactAndReadsItBack() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 4);
        String body = """
                {"contactOn": "%s", "minutes": 35, "party": "EMPLOYER", "mode": "WORKPLACE_VISIT",
                 "themes": ["ADJUSTMENTS", "DEALING_WITH_EMPLOYEE"], "note": "Werkplekaanpassing besproken"}
                """.formatted(LocalDate.now());
        mvc.perform(post("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.minutes", is(35)))
                .andExpect(jsonPath("$.themes", hasItem("ADJUSTMENTS")));
        mvc.perform(get("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].note", hasItem("Werkplekaanpassing besproken")))
                .andExpect(jsonPath("$[?(@.note == 'Werkplekaanpassing besproken')].themes[*]",
                        org.hamcrest.Matchers.containsInAnyOrder("ADJUSTMENTS", "DEALING_WITH_EMPLOYEE")));
    }

    @Test
    void badInputGetsAProblemWithTheFieldAndNothingIsStored() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 4);
        long contacts = data.count("contact");
        mvc.perform(post("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactOn\": \"%s\", \"minutes\": -5, \"party\": \"EMPLOYEE\", \"mode\": \"PHONE\"}"
                                .formatted(LocalDate.now())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactOn\": \"%s\", \"minutes\": 30, \"party\": \"EMPLOYEE\", \"mode\": \"PHONE\", \"themes\": [\"ASTROLOGY\"]}"
                                .formatted(LocalDate.now())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/trajectories/{id}/contacts", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactOn\": \"%s\", \"minutes\": 30, \"party\": \"EMPLOYEE\", \"mode\": \"PHONE\"}"
                                .formatted(LocalDate.now().minusYears(30))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("contactOn")))
                .andExpect(jsonPath("$.detail", is("Deze datum ligt vóór de start van het traject.")));
        assertThat(data.count("contact")).isEqualTo(contacts);
    }

    @Test
    void aJobChangeWithAStaleVersionAnswers409() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 5);
        int version = data.version(id);
        String change = "{\"version\": %d, \"changedOn\": \"%s\", \"kind\": \"NEW_TASKS\", \"note\": \"Kassa erbij\"}";
        mvc.perform(post("/api/v1/trajectories/{id}/job-changes", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version, LocalDate.now())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[*].note", hasItem("Kassa erbij")));
        mvc.perform(post("/api/v1/trajectories/{id}/job-changes", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(change.formatted(version, LocalDate.now())))
                .andExpect(status().isConflict());
    }

    @Test
    void theApiIsDocumentedWithOpenApi() throws Exception {
        mvc.perform(get("/api/docs.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories/{id}/contacts']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories/{id}/job-changes']").exists());
        String ui = mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(get(ui)).andExpect(status().isOk());
    }
}
