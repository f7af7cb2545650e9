package nl.jobcoachmonitor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The privacy officer finds a person by name or date of birth (the search logged, the results only of the officer's
 * organisation), then the person's access log, with times in Europe/Amsterdam and readable labels.
 */
@IntegrationTest
class PrivacyOfficerTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    private long organisationOfPrivacy() {
        return jdbc.sql("select organisation_id from app_user where username = 'privacy'").query(Long.class).single();
    }

    private String search(String name, String birthDate) throws Exception {
        var call = get("/audit/persons").with(data.as("privacy")).param("name", name);
        if (birthDate != null) {
            call.param("birthDate", birthDate);
        }
        return mvc.perform(call).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPersonIsFoundByNameOrBirthDateOnlyInTheOfficersOrganisationAndTheSearchIsLogged() throws Exception {
        record Employee(long id, String first, String last, LocalDate born) {
        }
        var own = jdbc.sql("select id, first_name, last_name, birth_date from employee where organisation_id = :o "
                + "order by id limit 1").param("o", organisationOfPrivacy())
                .query((rs, n) -> new Employee(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).single();
        var other = jdbc.sql("select id, first_name, last_name, birth_date from employee where organisation_id <> :o "
                + "order by id limit 1").param("o", organisationOfPrivacy())
                .query((rs, n) -> new Employee(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).single();
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();

        String byName = search(own.last().toUpperCase(), null);
        assertThat(byName).contains(own.first() + " " + own.last()).contains("href=\"/audit?person=" + own.id() + "\"");
        String byBirth = search("", own.born().toString());
        assertThat(byBirth).contains(own.first() + " " + own.last());
        String outside = search(other.first() + " " + other.last(), other.born().toString());
        assertThat(outside).contains("Geen personen gevonden").doesNotContain("person=" + other.id() + "\"");

        var logged = jdbc.sql("select object_id from audit_event where id > :b and username = 'privacy' "
                + "and action = 'SEARCH' and object_type = 'employee' order by id").param("b", before)
                .query(String.class).list();
        assertThat(logged).hasSize(3);
        assertThat(logged.get(0)).startsWith("person search (name): ");
        assertThat(logged.get(1)).isEqualTo("person search (birth date): " + logged.get(1).replaceAll(".*: ", ""));
        assertThat(logged.get(2)).isEqualTo("person search (name, birth date): 0 found");
        assertThat(String.join(" ", logged)).doesNotContain(own.last()).doesNotContain(other.last());
        assertThat(data.count("audit_event", "id > " + before + " and object_type = 'employee' and username = :p "
                + "and person_organisation_id = " + organisationOfPrivacy(), "privacy")).isEqualTo(3);
        // an empty search asks for a name or date and searches nothing
        assertThat(search(" ", null)).contains("Vul een naam of een geboortedatum in.");
        assertThat(data.count("audit_event", "id > " + before + " and object_type = 'employee' and username = :p",
                "privacy")).isEqualTo(3);
        // a like wildcard is text
        assertThat(search("%", null)).contains("Geen personen gevonden");
    }

    @Test
    void timesAreInAmsterdamTimeWithTheZoneAndObjectsAndOutcomesHaveReadableLabels() throws Exception {
        long trajectory = data.trajectoriesOf("coach").get(0);
        mvc.perform(get("/trajectories/{id}", trajectory).with(data.as("coach"))).andExpect(status().isOk());
        String page = mvc.perform(get("/audit").with(data.as("privacy")).param("user", "coach"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Wanneer (Europe/Amsterdam)").contains("Tijden in Europe/Amsterdam.");
        assertThat(Pattern.compile("<time datetime=\"[^\"]+\">\\d{1,2} \\S+ \\d{4} \\d{2}:\\d{2}:\\d{2} CES?T</time>")
                .matcher(page).find()).as("a time with its zone").isTrue();
        assertThat(page).contains(">Traject</span>").contains("Toegestaan").contains("Inzage");
        assertThat(page).doesNotContain(">trajectory<").doesNotContain(">ALLOWED<").doesNotContain(">READ<");
        String english = mvc.perform(get("/audit").with(data.as("privacy")).param("user", "coach")
                .param("lang", "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("When (Europe/Amsterdam)").contains(">Trajectory</span>");
    }

    @Test
    void noWordIsBrokenMidWordOnlyIdsMayBreakAnywhere() throws IOException {
        String css = new ClassPathResource("static/css/app.css").getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).doesNotContain("break-all");
        var rules = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css.replaceAll("/\\*.*?\\*/", ""));
        while (rules.find()) {
            if (rules.group(2).contains("overflow-wrap: anywhere")) {
                assertThat(rules.group(1).strip()).as("only ids, hashes, codes and mail texts break anywhere")
                        .matches("(\\.technical-id|\\.chain-state|code\\.secret|\\.mail-body|"
                                + "\\.outbox \\.mail h2, \\.mail-failure)");
            }
        }
    }
}
