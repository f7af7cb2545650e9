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
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    /**
     * The login page's session (before sign-in) carries no rights and gets no lifetime: were every request to stamp
     * it, the page's parallel requests (styles, scripts) would add the same attribute at once and Spring Session JDBC
     * would refuse all but one (duplicate key, a 500 for the others).
     */
    @Test
    void theLoginPagesParallelRequestsWriteNoLifetimeIntoTheSession() throws Exception {
        var session = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getCookie("SESSION");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 16; i++) {
                String path = i % 2 == 0 ? "/assets/css/app.css" : "/login";
                calls.add(pool.submit(() -> mvc.perform(get(path).cookie(session))
                        .andReturn().getResponse().getStatus()));
            }
            for (var call : calls) {
                org.assertj.core.api.Assertions.assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        String sessionId = new String(java.util.Base64.getDecoder().decode(session.getValue()),
                java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from spring_session_attributes a "
                + "join spring_session s on s.primary_id = a.session_primary_id "
                + "where s.session_id = :s and a.attribute_name = 'jcm.session.started'").param("s", sessionId)
                .query(Long.class).single())
                .as("only signed-in and personal-link sessions carry a lifetime; none here yet")
                .isZero();
    }
}
