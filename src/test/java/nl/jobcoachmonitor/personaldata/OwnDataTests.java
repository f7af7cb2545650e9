package nl.jobcoachmonitor.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.outcomes.OutcomesManagement;
import nl.jobcoachmonitor.outcomes.SignalKind;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The employee's own data by personal link: what they see and download, and what they never see. */
@IntegrationTest
class OwnDataTests {

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired TrajectoryManagement trajectories;
    @Autowired ContactManagement contacts;
    @Autowired MeasurementManagement measurement;
    @Autowired OutcomesManagement outcomes;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    OwnDataFixture fixture;
    long mine;
    long other;
    long employee;

    @AfterEach
    void closeRunning() {
        fixture.closeRunning();
    }

    @BeforeEach
    void twoEmployees() {
        fixture = new OwnDataFixture(mvc, data, jdbc, trajectories, contacts, measurement, users);
        mine = fixture.trajectory("Eigenaar", "Gegevens", "Besproken: stress op het werk " + SCRIPT);
        fixture.answered(mine);
        employee = data.employeeIdOf(mine);
        other = fixture.trajectory("Anderpersoon", "Vreemd", "Geheime notitie van de ander");
        fixture.answered(other);
    }

    @Test
    void theEmployeeSeesTheirOwnDataAndAnswersAndNothingOfAnother() throws Exception {
        var phone = fixture.phone();
        var start = phone.open(fixture.link(mine));
        assertThat(start.getResponse().getStatus()).isEqualTo(200);
        assertThat(start.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(start.getResponse().getContentAsString()).contains("url=/own").doesNotContain("Eigenaar");

        var result = phone.get("/own");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Eigenaar", "Gegevens", "eigenaar@example.org", "Bakkerij Gegevens",
                "Besproken: stress op het werk", "Omgaan met stress")
                .as("the answers, question by question").contains("Vragenlijst T0", "Heb je op dit moment betaald werk?")
                .as("the note's markup is text").contains("&lt;script&gt;").doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .as("nothing of another employee").doesNotContain("Anderpersoon", "Vreemd", "Geheime notitie");
        assertThat(page).as("who accessed: the coach by role and organisation, in words")
                .contains("Een jobcoach van ").doesNotContain(">coach<");
    }

    @Test
    void theAnswersAreInTheReadersLanguage() throws Exception {
        var phone = fixture.phone();
        phone.open(fixture.link(mine));
        String page = phone.perform(get("/own").param("lang", "en")).getResponse().getContentAsString();
        assertThat(page).contains("My data", "Are you in paid work now?");
    }

    @Test
    void theDownloadsHoldTheEmployeesDataAndNothingOfAnother() throws Exception {
        var phone = fixture.phone();
        phone.open(fixture.link(mine));

        var jsonDownload = phone.get("/own/data.json").getResponse();
        assertThat(jsonDownload.getStatus()).isEqualTo(200);
        assertThat(jsonDownload.getContentType()).startsWith("application/json");
        assertThat(jsonDownload.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(jsonDownload.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonNode root = json.readTree(jsonDownload.getContentAsString());
        assertThat(root.at("/person/firstName").asText()).isEqualTo("Eigenaar");
        assertThat(root.at("/person/id").asLong()).isEqualTo(employee);
        assertThat(root.at("/trajectories").size()).isEqualTo(1);
        assertThat(root.at("/trajectories/0/id").asLong()).isEqualTo(mine);
        assertThat(root.at("/trajectories/0/contacts/0/note").asText()).contains(SCRIPT);
        assertThat(root.at("/trajectories/0/contacts/0/minutes").asInt()).isEqualTo(45);
        assertThat(root.at("/trajectories/0/contacts/0/party/label").asText()).isEqualTo("Werknemer");
        assertThat(root.at("/questionnaires/0/wave").asText()).isEqualTo("T0");
        assertThat(root.at("/questionnaires/0/answers").toString()).contains("paid_work", "Ja");
        assertThat(jsonDownload.getContentAsString()).doesNotContain("Anderpersoon", "Geheime notitie");

        var csvDownload = phone.get("/own/data.csv").getResponse();
        assertThat(csvDownload.getStatus()).isEqualTo(200);
        assertThat(csvDownload.getContentType()).startsWith("text/csv");
        assertThat(csvDownload.getHeader("Content-Disposition")).startsWith("attachment");
        String csv = csvDownload.getContentAsString();
        assertThat(csv).contains("Eigenaar", "eigenaar@example.org", "Besproken: stress op het werk",
                "Heb je op dit moment betaald werk?").doesNotContain("Anderpersoon", "Geheime notitie");
    }

    @Test
    void formulaLikeTextIsNeutralisedInTheCsv() throws Exception {
        long id = fixture.trajectory("Formule", "Test", "=HYPERLINK(\"http://evil.example\",\"klik\")");
        var phone = fixture.phone();
        phone.open(fixture.link(id));
        String csv = phone.get("/own/data.csv").getResponse().getContentAsString();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\"")
                .doesNotContain(",=HYPERLINK");
    }

    @Test
    void unknownExpiredReplacedLinksAndSessionsWithoutALinkAllGetTheSame404() throws Exception {
        String unknown = fixture.phone().open("x".repeat(43)).getResponse().getContentAsString();
        assertThat(fixture.phone().open("x".repeat(43)).getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.phone().open("short").getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.phone().get("/own").getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.phone().get("/own/data.json").getResponse().getStatus()).isEqualTo(404);
        assertThat(fixture.phone().get("/own/data.csv").getResponse().getStatus()).isEqualTo(404);

        String first = fixture.link(mine);
        var phone = fixture.phone();
        phone.open(first);
        String second = fixture.link(mine);
        var replaced = fixture.phone().open(first).getResponse();
        assertThat(replaced.getStatus()).as("a new link replaces the old one").isEqualTo(404);
        assertThat(replaced.getContentAsString()).isEqualTo(unknown);
        assertThat(phone.get("/own").getResponse().getStatus()).as("also in the open session").isEqualTo(404);

        var fresh = fixture.phone();
        fresh.open(second);
        assertThat(fresh.get("/own").getResponse().getStatus()).isEqualTo(200);
        jdbc.sql("update own_data_link set expires_at = :past where token_hash = :h")
                .param("past", Timestamp.from(Instant.now().minusSeconds(60)))
                .param("h", nl.jobcoachmonitor.identity.PersonalTokens.hash(second)).update();
        assertThat(fresh.get("/own").getResponse().getStatus()).as("expired").isEqualTo(404);
        assertThat(fixture.phone().open(second).getResponse().getContentAsString()).isEqualTo(unknown);
    }

    @Test
    void theLinkIsStoredOnlyAsItsHashAndExpiresAfterThirtyDays() throws Exception {
        String token = fixture.link(mine);
        var row = jdbc.sql("select token_hash, created_at, expires_at from own_data_link where employee_id = :e "
                + "and revoked_at is null").param("e", employee)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()}).single();
        assertThat(row[0]).isEqualTo(nl.jobcoachmonitor.identity.PersonalTokens.hash(token)).isNotEqualTo(token);
        assertThat(java.time.Duration.between((Instant) row[1], (Instant) row[2])).isEqualTo(
                java.time.Duration.ofDays(30));
    }

    @Test
    void anotherCoachCannotMakeTheLink() throws Exception {
        long before = data.count("own_data_link");
        int status = mvc.perform(post("/trajectories/{id}/own-data-link", mine).with(data.as("coach2")).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
        assertThat(data.count("own_data_link")).isEqualTo(before);
    }

    @Test
    void everyReadByTheEmployeeIsLoggedForTheEmployeeWithoutAUser() throws Exception {
        var phone = fixture.phone();
        phone.open(fixture.link(mine));
        long before = reads();
        phone.get("/own");
        phone.get("/own/data.json");
        phone.get("/own/data.csv");
        assertThat(reads() - before).as("own data and access log, answers, per page and download")
                .isGreaterThanOrEqualTo(3 + 2 + 2);
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = :p and object_type = 'own_data' "
                + "and role is null and username is null and on_behalf_of = 'EMPLOYEE'").param("p", employee)
                .query(Long.class).single()).as("logged as the employee's own, through their link").isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREATE' and object_type = "
                + "'own_data_link' and person_id = :p and username = 'coach'").param("p", employee)
                .query(Long.class).single()).isEqualTo(1);
    }

    private long reads() {
        return jdbc.sql("select count(*) from audit_event where person_id = :p and action = 'READ' and role is null")
                .param("p", employee).query(Long.class).single();
    }

    @Test
    void aCorrectionRequestReachesTheCoachAsASignalAndHandlingItResolvesIt() throws Exception {
        var phone = fixture.phone();
        phone.open(fixture.link(mine));
        var empty = phone.perform(post("/own/correction").with(csrf()).param("text", "  "));
        assertThat(empty.getResponse().getRedirectedUrl()).isEqualTo("/own#correction");
        assertThat(empty.getFlashMap().get("correctionError")).isEqualTo("owndata.correction.required");

        long signals = data.count("signal");
        var expired = phone.perform(post("/own/correction").param("text", "zonder geldig formulier"));
        assertThat(expired.getResponse().getRedirectedUrl()).as("a form from an expired session goes back to /own")
                .isEqualTo("/own");
        assertThat(data.count("signal")).isEqualTo(signals);

        var sent = phone.perform(post("/own/correction").with(csrf()).param("text",
                "Mijn telefoonnummer is 0687654321 " + SCRIPT));
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/own#correction");

        var signal = outcomes.openSignals(fixture.coach()).stream()
                .filter(s -> s.kind() == SignalKind.CORRECTION_REQUESTED && s.trajectoryId() == mine).findFirst()
                .orElseThrow();
        assertThat(signal.request()).startsWith("Mijn telefoonnummer is 0687654321");
        String caseload = mvc.perform(get("/caseload").with(data.as("coach"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(caseload).contains("Verzoek om correctie", "Mijn telefoonnummer is 0687654321")
                .doesNotContain("<script>alert");
        assertThat(outcomes.openSignals((nl.jobcoachmonitor.identity.CurrentUser) users.loadUserByUsername("coach2")))
                .noneMatch(s -> s.id() == signal.id());

        // the indicators are recomputed (a contact is logged): the request stays open
        contacts.log(fixture.coach(), mine, nl.jobcoachmonitor.coaching.LogContactForm.empty(java.time.LocalDate.now()));
        assertThat(outcomes.openSignals(fixture.coach())).anyMatch(s -> s.id() == signal.id());

        mvc.perform(post("/signals/{id}/handled", signal.id()).with(data.as("coach")).with(csrf())
                .param("note", "Telefoonnummer verbeterd"));
        assertThat(outcomes.openSignals(fixture.coach())).noneMatch(s -> s.id() == signal.id());
    }
}
