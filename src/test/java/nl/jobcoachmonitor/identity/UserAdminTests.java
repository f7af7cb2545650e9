package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator manages staff accounts and their roles. */
@IntegrationTest
class UserAdminTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    private long organisationOf(String username) {
        return jdbc.sql("select organisation_id from app_user where username = :u").param("u", username)
                .query(Long.class).single();
    }

    @Test
    void administratorCreatesACoachWhoCanLogIn() throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "Nieuwe.Coach").param("displayName", "Nieuwe Coach")
                        .param("email", "nieuw@example.org").param("role", "COACH")
                        .param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("password", "een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin().user("nieuwe.coach").password("een-lang-wachtwoord")).andExpect(redirectedUrl("/"));
    }

    @Test
    void aCoachNeedsAnOrganisationAndNamesAreUnique() throws Exception {
        long users = data.count("app_user");
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "zonder-org").param("displayName", "Zonder Organisatie")
                        .param("role", "COACH").param("password", "een-lang-wachtwoord"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Een jobcoach of teamleider hoort bij een organisatie.")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "coach").param("displayName", "Dubbel").param("role", "RESEARCHER")
                        .param("password", "een-lang-wachtwoord"))
                .andExpect(content().string(containsString("Deze gebruikersnaam bestaat al.")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "kort").param("displayName", "Kort").param("role", "RESEARCHER")
                        .param("password", "kort"))
                .andExpect(content().string(containsString("De lengte moet tussen 12 en 200 tekens liggen.")));
        assertThat(data.count("app_user")).isEqualTo(users);
    }

    @Test
    void administratorChangesARoleAndABlockedAccountCannotLogIn() throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "wisselaar").param("displayName", "Wissel Aar").param("role", "RESEARCHER")
                        .param("password", "een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        long id = data.userId("wisselaar");
        mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Wissel Aar\"")))
                .andExpect(content().string(containsString("id=\"commissionerId\"")));
        int version = jdbc.sql("select version from app_user where id = :id").param("id", id).query(Integer.class)
                .single();
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "Wissel Aar")
                        .param("role", "MANAGER").param("organisationId", String.valueOf(organisationOf("coach"))))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(jdbc.sql("select role from app_user where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("MANAGER");
        mvc.perform(post("/admin/users/{id}", id).with(data.as("admin")).with(csrf())
                        .param("version", String.valueOf(version)).param("displayName", "Oud").param("role", "ADMIN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Iemand anders heeft deze gebruiker intussen gewijzigd.")));

        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin().user("wisselaar").password("een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void administratorAppointsAPrivacyOfficerOfAnOrganisation() throws Exception {
        mvc.perform(get("/admin/users").with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"PRIVACY_OFFICER\">Functionaris gegevensbescherming</option>")));
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "fg-zonder-org").param("displayName", "Zonder Organisatie")
                        .param("role", "PRIVACY_OFFICER").param("password", "een-lang-wachtwoord"))
                .andExpect(status().isOk());
        assertThat(data.count("app_user", "username = :p", "fg-zonder-org")).isZero();
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf())
                        .param("username", "fg-org").param("displayName", "Functionaris").param("role", "PRIVACY_OFFICER")
                        .param("organisationId", String.valueOf(organisationOf("coach")))
                        .param("password", "een-lang-wachtwoord"))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/").with(data.as("fg-org"))).andExpect(redirectedUrl("/audit"));
    }

    @Test
    void onlyTheAdministratorManagesUsers() throws Exception {
        mvc.perform(get("/admin/users/{id}", data.userId("coach")).with(data.as("manager")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/{id}/enabled", data.userId("coach")).param("enabled", "false")
                .with(data.as("manager")).with(csrf())).andExpect(status().isForbidden());
        assertThat(data.count("app_user", "username = 'coach' and enabled = :p", true)).isEqualTo(1);
    }

    @Test
    void blockingAnAccountEndsItsSessionsAtOnce() throws Exception {
        String hash = jdbc.sql("select password_hash from app_user where username = 'coach'").query(String.class)
                .single();
        long organisation = jdbc.sql("select organisation_id from app_user where username = 'coach'")
                .query(Long.class).single();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "values ('geblokkeerd', :h, 'Te Blokkeren', 'COACH', :o, true)").param("h", hash)
                .param("o", organisation).update();
        long id = data.userId("geblokkeerd");
        var login = mvc.perform(formLogin().user("geblokkeerd").password("demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse();
        var session = login.getCookie("SESSION");
        assertThat(session).as("Spring Session's cookie").isNotNull();
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users"));

        mvc.perform(get("/caseload").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern(
                        "**/login"));
    }
}
