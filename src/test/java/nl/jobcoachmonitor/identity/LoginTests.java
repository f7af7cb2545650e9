package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.jobcoachmonitor.IntegrationTest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LoginTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsAdaptiveHashesOnly() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'coach'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo");
    }

    @Test
    void eachRoleLandsOnItsOwnStartPage() throws Exception {
        mvc.perform(formLogin().user("coach").password("demo")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(new CurrentUser(1, "x", null, "X", Role.COMMISSIONER, null,
                        1L, true)))).andExpect(redirectedUrl("/report"));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() throws Exception {
        mvc.perform(formLogin().user("nobody-at-all").password("demo")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("manager").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Gebruikersnaam of wachtwoord klopt niet.")));
    }

    @Test
    void repeatedGuessingIsThrottledEvenWithTheRightPasswordAfterwards() throws Exception {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, enabled) "
                + "select 'throttle-test', password_hash, 'Throttle Test', 'RESEARCHER', true from app_user "
                + "where username = 'onderzoeker'").update();
        mvc.perform(formLogin().user("throttle-test").password("demo")).andExpect(redirectedUrl("/"));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            mvc.perform(formLogin().user("throttle-test").password("guess" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("throttle-test").password("demo")).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(get("/login?throttled").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Too many failed attempts.")));
    }

    @Test
    void theLoginPageListsTheDemoAccountsInDemoMode() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<code>coach2</code>")))
                .andExpect(content().string(Matchers.containsString("lang=\"nl\"")));
    }
}
