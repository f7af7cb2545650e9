package nl.jobcoachmonitor.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.MovableClock;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session ends after its absolute lifetime ({@code jcm.security.session-lifetime}, 12 hours by default), however
 * busy it is, besides the idle timeout. (A {@link MailIntegrationTest} for its movable clock and shared context.)
 */
@MailIntegrationTest
class SessionLifetimeTests {

    @Autowired MockMvc mvc;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeEvenWhenInUse() throws Exception {
        var session = mvc.perform(formLogin().user("coach").password("demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());
        clock.moveForward(Duration.ofHours(11).plusMinutes(50));
        mvc.perform(get("/caseload").cookie(session)).andExpect(status().isOk());

        clock.moveForward(Duration.ofMinutes(11));
        mvc.perform(get("/caseload").cookie(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/caseload").cookie(session)).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login").param("expired", "")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Je sessie is verlopen")));

        var fresh = mvc.perform(formLogin().user("coach").password("demo")).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/caseload").cookie(fresh)).andExpect(status().isOk());
    }
}
