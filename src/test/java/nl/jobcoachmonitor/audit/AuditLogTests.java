package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The privacy officer searches the access log of their own organisation, and the search is logged too. */
@IntegrationTest
class AuditLogTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    @Test
    void privacyOfficerFindsWhoReadAPersonsTrajectoryButNoName() throws Exception {
        long trajectory = data.trajectoriesOf("coach").get(0);
        long person = data.employeeIdOf(trajectory);
        String name = data.employeeNameOf(trajectory);
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach"))).andExpect(status().isOk());

        String today = LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
        var page = mvc.perform(get("/audit").with(data.as("privacy")).param("person", String.valueOf(person))
                        .param("user", "coach").param("event", "READ").param("from", today).param("to", today))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Traject</span>")))
                .andExpect(content().string(containsString(">" + trajectory + "</span>")))
                .andExpect(content().string(not(containsString(name))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Inzage").contains("Jobcoach");

        assertThat(jdbc.sql("select count(*) from audit_event where username = 'privacy' and action = 'SEARCH' "
                + "and object_type = 'audit_event' and object_id like :d").param("d", "user=coach;person=" + person + "%")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theCsvHoldsTheSameRowsAndItsDownloadIsLogged() throws Exception {
        long trajectory = data.trajectoriesOf("coach2").get(0);
        long person = data.employeeIdOf(trajectory);
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach2"))).andExpect(status().isOk());
        long rows = jdbc.sql("select count(*) from audit_event where person_id = :p").param("p", person)
                .query(Long.class).single();

        String csv = mvc.perform(get("/audit.csv").with(data.as("privacy")).param("person", String.valueOf(person)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var lines = csv.strip().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFWanneer (UTC),Gebruiker,Rol,Namens,Soort gebeurtenis,Soort gegeven,Gegeven,"
                + "Persoon (pseudoniem nummer),Uitkomst,Adres");
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines).anyMatch(line -> line.contains(",coach2,COACH,ORGANISATION,READ,trajectory," + trajectory + "," + person
                + ",ALLOWED,"));
        assertThat(data.count("audit_event", "username = 'privacy' and action = 'EXPORT' and object_id = :p",
                "user=;person=" + person + ";from=;to=;event=")).isEqualTo(1);
    }

    @Test
    void theLogDownloadsAsAWorkbookAndAsDutchCsvWithHeadersInTheReadersLanguage() throws Exception {
        long trajectory = data.trajectoriesOf("coach2").get(1);
        long person = data.employeeIdOf(trajectory);
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach2"))).andExpect(status().isOk());

        byte[] xlsx = mvc.perform(get("/audit.xlsx").with(data.as("privacy")).param("person", String.valueOf(person))
                        .param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var sheets = nl.jobcoachmonitor.shared.Spreadsheet.read(xlsx);
        assertThat(sheets.keySet()).containsExactly("Search", "Access log");
        var rows = sheets.get("Access log");
        assertThat(nl.jobcoachmonitor.shared.Spreadsheet.texts(rows.get(0))).containsExactly("When (UTC)", "User",
                "Role", "On behalf of", "Event type", "Object type", "Object", "Person (pseudonymous number)",
                "Outcome", "Address");
        assertThat(rows.get(1).getCell(7).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        assertThat(rows.get(1).getCell(7).asNumber().longValue()).isEqualTo(person);

        String csv = mvc.perform(get("/audit.csv").with(data.as("privacy")).param("person", String.valueOf(person))
                        .param("variant", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")[0]).isEqualTo("\uFEFFWanneer (UTC);Gebruiker;Rol;Namens;Soort gebeurtenis;"
                + "Soort gegeven;Gegeven;Persoon (pseudoniem nummer);Uitkomst;Adres");
        assertThat(csv).contains(";coach2;COACH;ORGANISATION;READ;trajectory;" + trajectory + ";" + person + ";ALLOWED;");
        assertThat(data.count("audit_event", "username = 'privacy' and action = 'EXPORT' and object_id = :p",
                "user=;person=" + person + ";from=;to=;event=")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anotherOrganisationsEventsStayOutOfSight() throws Exception {
        long otherPerson = jdbc.sql("select min(e.id) from employee e where e.organisation_id <> "
                + "(select organisation_id from app_user where username = 'privacy')").query(Long.class).single();
        String other = jdbc.sql("select min(username) from app_user where role = 'COACH' and organisation_id <> "
                + "(select organisation_id from app_user where username = 'privacy')").query(String.class).single();
        long trajectory = jdbc.sql("select min(id) from trajectory where employee_id = :e").param("e", otherPerson)
                .query(Long.class).single();
        String coach = jdbc.sql("select u.username from app_user u join trajectory t on t.coach_id = u.id "
                + "where t.id = :t").param("t", trajectory).query(String.class).single();
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as(coach))).andExpect(status().isOk());
        assertThat(data.count("audit_event", "person_id = :p", otherPerson)).isPositive();

        mvc.perform(get("/audit").with(data.as("privacy")).param("person", String.valueOf(otherPerson)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("0 gebeurtenissen")));
        mvc.perform(get("/audit").with(data.as("privacy")).param("user", other))
                .andExpect(status().isOk()).andExpect(content().string(containsString("0 gebeurtenissen")));
    }

    @Test
    void badSearchInputGetsAClearMessage() throws Exception {
        mvc.perform(get("/audit").with(data.as("privacy")).param("person", "Jansen"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul het pseudonieme nummer van de persoon in")));
        mvc.perform(get("/audit").with(data.as("privacy")).param("from", "2026-02-01").param("to", "2026-01-01")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The end date lies before the start date.")));
        mvc.perform(get("/audit.csv").with(data.as("privacy")).param("person", "x"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePrivacyOfficerSeesNoCaseContent() throws Exception {
        long trajectory = data.trajectoriesOf("coach").get(0);
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("privacy"))).andExpect(status().isForbidden());
        mvc.perform(get("/caseload").with(data.as("privacy"))).andExpect(status().isForbidden());
        mvc.perform(get("/report").with(data.as("privacy"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(data.as("coach"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(data.as("admin"))).andExpect(status().isForbidden());
    }
}
