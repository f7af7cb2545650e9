package nl.jobcoachmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
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

import jakarta.servlet.http.Cookie;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The JSON API under /api/v1: HTTP Basic, the same scoping and rules as the pages (consent too), idempotent starts,
 * documented with OpenAPI.
 */
@IntegrationTest
class ApiTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

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

    private static final String CONSENT = """
            {"purpose": "RESEARCH", "given": %s, "decidedOn": "%s", "textVersion": "2026-1"}""";

    @Test
    void coachRecordsConsentAndAWithdrawalThroughTheApiWithItsHistoryAndLog() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 6);
        long employee = data.employeeIdOf(id);
        String createdLog = "action = 'CREATE' and object_type = 'consent' and person_id = :p";
        long created = data.count("audit_event", createdLog, employee);
        mvc.perform(post("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(CONSENT.formatted(true, LocalDate.now())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.research", is(true)));
        mvc.perform(post("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(CONSENT.formatted(false, LocalDate.now())))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.research", is(false)))
                .andExpect(jsonPath("$.history[0].given", is(false)))
                .andExpect(jsonPath("$.history[1].given", is(true)))
                .andExpect(jsonPath("$.history[0].textVersion", is("2026-1")));
        assertThat(data.count("audit_event", createdLog, employee)).isEqualTo(created + 2);
    }

    @Test
    void consentOfAnotherCoachsTrajectoryIs404AndLoggedAndNothingIsStored() throws Exception {
        long other = data.trajectoriesOf("coach2").get(0);
        long consents = data.count("consent");
        long denied = data.deniedAccessesBy("coach");
        mvc.perform(post("/api/v1/trajectories/{id}/consent", other).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(CONSENT.formatted(true, LocalDate.now())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trajectories/{id}/consent", other).with(httpBasic("coach", "demo")))
                .andExpect(status().isNotFound());
        assertThat(data.count("consent")).isEqualTo(consents);
        assertThat(data.deniedAccessesBy("coach")).isEqualTo(denied + 2);
    }

    @Test
    void invalidConsentGetsTheFieldsAndMessagesInTheUsersLanguage() throws Exception {
        long id = data.trajectoryOnTheJobOf("coach", 6);
        long consents = data.count("consent");
        mvc.perform(post("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONSENT.formatted(true, LocalDate.now().plusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", is("Niet alle velden zijn goed ingevuld; zie de fout per veld.")))
                .andExpect(jsonPath("$.field", is("decidedOn")))
                .andExpect(jsonPath("$.errors[0].message", is("Deze datum ligt in de toekomst.")));
        mvc.perform(post("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo"))
                        .cookie(new Cookie("jcm-lang", "en")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\": \"RESEARCH\", \"decidedOn\": \"%s\", \"textVersion\": \"\"}"
                                .formatted(LocalDate.now())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", is("Not all fields are filled in correctly; see the error per field.")))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("given", "textVersion")));
        mvc.perform(post("/api/v1/trajectories/{id}/consent", id).with(httpBasic("coach", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CONSENT.replace("RESEARCH", "ADVERTISING").formatted(true, LocalDate.now())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("purpose")))
                .andExpect(jsonPath("$.detail", containsString("niet te lezen")));
        assertThat(data.count("consent")).isEqualTo(consents);
    }

    private String newTrajectory(String lastName) {
        long commissioner = jdbc.sql("select min(id) from commissioner").query(Long.class).single();
        return """
                {"firstName": "Idem", "lastName": "%s", "birthDate": "2000-04-05", "commissionerId": %d,
                 "phase": "COACHING", "startedOn": "%s", "newEmployerName": "Bakkerij Idem", "jobTitle": "Bakker",
                 "contractHours": 20, "contractType": "TEMPORARY"}""".formatted(lastName, commissioner, LocalDate.now());
    }

    private MockHttpServletRequestBuilder start(String body) {
        return post("/api/v1/trajectories").with(httpBasic("coach", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    @Test
    void theSameIdempotencyKeyTwiceStartsOneTrajectory() throws Exception {
        long before = data.count("trajectory");
        String body = newTrajectory("Eenmaal");
        String first = mvc.perform(start(body).header("Idempotency-Key", "start-eenmaal"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        // the same request again, its fields in another order: the same trajectory, nothing new
        String reordered = body.replace("{\"firstName\": \"Idem\", ", "{").replace("}", ", \"firstName\": \"Idem\"}");
        String second = mvc.perform(start(reordered).header("Idempotency-Key", "start-eenmaal"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(second, "$.id")).isEqualTo(JsonPath.<Integer>read(first, "$.id"));
        assertThat(data.count("trajectory")).isEqualTo(before + 1);
        assertThat(data.count("employee", "last_name = :p", "Eenmaal")).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedAndStartsNothing() throws Exception {
        mvc.perform(start(newTrajectory("Eerste")).header("Idempotency-Key", "start-anders"))
                .andExpect(status().isCreated());
        long before = data.count("trajectory");
        mvc.perform(start(newTrajectory("Tweede")).header("Idempotency-Key", "start-anders"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", is("Deze Idempotency-Key is al gebruikt voor een ander verzoek.")));
        assertThat(data.count("trajectory")).isEqualTo(before);
        assertThat(data.count("employee", "last_name = :p", "Tweede")).isZero();
        // without a key, every request starts a trajectory (as before)
        mvc.perform(start(newTrajectory("Zonder"))).andExpect(status().isCreated());
        mvc.perform(start(newTrajectory("Zonder"))).andExpect(status().isCreated());
        assertThat(data.count("employee", "last_name = :p", "Zonder")).isEqualTo(2);
    }

    @Test
    void theApiIsDocumentedWithOpenApi() throws Exception {
        mvc.perform(get("/api/docs.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories/{id}/contacts']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories/{id}/job-changes']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/trajectories/{id}/consent']").exists());
        String ui = mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        mvc.perform(get(ui)).andExpect(status().isOk());
    }
}
