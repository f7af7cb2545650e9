package nl.jobcoachmonitor.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Calls for research participation: the researcher sees the name and organisation of the coaches who signed up, and
 * only theirs, only for their own call, and each view is in the access log.
 */
@IntegrationTest
class ResearchCallTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired ResearchCalls calls;

    @Test
    void theResearcherSeesOnlyTheCoachesWhoSignedUpAndTheViewIsLogged() throws Exception {
        var fixture = new CircleFixture(jdbc, users);
        CurrentUser volunteer = fixture.newCoach("vrijwilliger", null);
        CurrentUser bystander = fixture.newCoach("toeschouwer", "coach");
        String study = "Studie " + System.nanoTime();

        mvc.perform(post("/research/calls").with(data.as("onderzoeker")).with(csrf()).param("study", study)
                .param("asks", "Een interview").param("contact", "onderzoek@example.org"))
                .andExpect(status().is3xxRedirection());
        long call = jdbc.sql("select id from research_call where study = :s").param("s", study).query(Long.class)
                .single();

        // coaches of every organisation see the call, without anyone's name
        mvc.perform(get("/circle/calls").with(user(bystander))).andExpect(status().isOk())
                .andExpect(content().string(containsString(study)))
                .andExpect(content().string(not(containsString(volunteer.displayName()))));
        mvc.perform(post("/circle/calls/{id}/signup", call).with(user(volunteer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> calls.signUp(volunteer, call)).isInstanceOf(DomainRuleViolation.class)
                .hasMessage("circle.call.twice");
        assertThat(data.count("research_signup", "call_id = :p", call)).isEqualTo(1);

        long logged = data.count("audit_event", "object_type = 'research_signup' and username = :p", "onderzoeker");
        String organisation = jdbc.sql("select o.name from organisation o join app_user u on u.organisation_id = o.id "
                + "where u.id = :u").param("u", volunteer.id()).query(String.class).single();
        mvc.perform(get("/research/calls/{id}", call).with(data.as("onderzoeker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(volunteer.displayName())))
                .andExpect(content().string(containsString(organisation)))
                .andExpect(content().string(not(containsString(bystander.displayName()))));
        assertThat(data.count("audit_event", "object_type = 'research_signup' and username = :p", "onderzoeker"))
                .isEqualTo(logged + 1);
        // the list of the researcher's calls counts, without names
        mvc.perform(get("/research/calls").with(data.as("onderzoeker")))
                .andExpect(content().string(containsString("1 aanmelding")))
                .andExpect(content().string(not(containsString(volunteer.displayName()))));

        // another researcher does not see this call's volunteers
        String other = "onderzoeker-" + System.nanoTime();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, enabled) values (:u, '{noop}x', "
                + "'Andere onderzoeker', 'RESEARCHER', true)").param("u", other).update();
        mvc.perform(get("/research/calls/{id}", call).with(data.as(other))).andExpect(status().isNotFound());
        // a coach cannot open the researcher's page
        mvc.perform(get("/research/calls/{id}", call).with(user(volunteer))).andExpect(status().isForbidden());

        // withdrawing hides the name again
        mvc.perform(post("/circle/calls/{id}/signup/cancel", call).with(user(volunteer)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/research/calls/{id}", call).with(data.as("onderzoeker")))
                .andExpect(content().string(not(containsString(volunteer.displayName()))));
    }
}
