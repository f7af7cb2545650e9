package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.MailIntegrationTest;
import nl.jobcoachmonitor.MovableClock;
import nl.jobcoachmonitor.Phone;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.TestMailServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new staff member gets an invitation mail (real SMTP) with a one-time link to set their own password: the
 * administrator never knows it; the link works once, for 7 days, for an enabled account, and a new invitation voids
 * the old one; every failing link answers the same 404.
 */
@MailIntegrationTest
class InvitationTests {

    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String invite(String username, String address) throws Exception {
        mvc.perform(post("/admin/users").with(data.as("admin")).with(csrf()).param("username", username)
                        .param("displayName", "Nieuwe Collega").param("email", address).param("role", "RESEARCHER"))
                .andExpect(redirectedUrl("/admin/users"));
        return lastLink(address);
    }

    private static String lastLink(String address) throws Exception {
        var received = TestMailServer.receivedBy(address);
        assertThat(received).isNotEmpty();
        String text = TestMailServer.part(received.get(received.size() - 1), "text/plain");
        var matcher = LINK.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    /** Opens the link on a new phone: the phone with the session it got, or null when the link did not open. */
    private Phone open(String token) throws Exception {
        var phone = new Phone(mvc);
        var response = phone.perform(get("/invitation/{t}", token)).getResponse();
        return response.getStatus() == 200 ? phone : null;
    }

    private static MockHttpServletResponse setPassword(Phone phone, String password, String repeat)
            throws Exception {
        return phone.perform(post("/invitation").with(csrf()).param("password", password).param("repeat", repeat))
                .getResponse();
    }

    @Test
    void theLinkFromTheMailSetsThePasswordOnceAndThenTheUserLogsIn() throws Exception {
        String address = "uitgenodigd@example.org";
        String token = invite("uitgenodigd", address);
        var mail = TestMailServer.receivedBy(address).get(0);
        assertThat(mail.getSubject()).isEqualTo("Je account bij Jobcoach Monitor");
        assertThat(jdbc.sql("select count(*) from account_invitation where token_hash = :h")
                .param("h", PersonalTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select body from questionnaire_mail where address = :a").param("a", address)
                .query(String.class).single()).doesNotContain(token);

        var session = new Phone(mvc);
        var headers = session.perform(get("/invitation/{t}", token)).getResponse();
        assertThat(headers.getStatus()).isEqualTo(200);
        assertThat(headers.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getHeader("Cache-Control")).contains("no-store");
        var page = session.get("/invitation").getResponse();
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        String form = page.getContentAsString();
        assertThat(form).contains("uitgenodigd").doesNotContain(token);

        assertThat(setPassword(session, "kort", "kort").getContentAsString())
                .contains("De lengte moet tussen 12 en 200 tekens liggen.");
        assertThat(setPassword(session, "een-eigen-wachtwoord", "een-ander-wachtwoord").getContentAsString())
                .contains("De twee wachtwoorden zijn niet gelijk.");
        assertThat(setPassword(session, "een-eigen-wachtwoord", "een-eigen-wachtwoord").getRedirectedUrl())
                .isEqualTo("/login?passwordSet");
        mvc.perform(formLogin().user("uitgenodigd").password("een-eigen-wachtwoord")).andExpect(redirectedUrl("/"));

        assertThat(open(token)).as("the link works once").isNull();
        assertThat(setPassword(session, "nog-een-wachtwoord", "nog-een-wachtwoord").getStatus()).isEqualTo(404);
        long id = data.userId("uitgenodigd");
        assertThat(data.count("audit_event", "object_type = 'app_user' and object_id = :p",
                id + ": password set by invitation")).isEqualTo(1);
        assertThat(data.count("audit_event", "object_id like :p", "%" + token + "%")).isZero();
    }

    @Test
    void unknownUsedExpiredReplacedAndBlockedLinksAllGetTheSame404() throws Exception {
        String unknown = mvc.perform(get("/invitation/{t}", PersonalTokens.newToken())).andReturn().getResponse()
                .getContentAsString();
        assertThat(mvc.perform(get("/invitation/{t}", PersonalTokens.newToken())).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        String first = invite("vervangen", "vervangen@example.org");
        mvc.perform(post("/admin/users/{id}/invitation", data.userId("vervangen")).with(data.as("admin"))
                .with(csrf())).andExpect(redirectedUrl("/admin/users/" + data.userId("vervangen")));
        String second = lastLink("vervangen@example.org");
        assertThat(second).isNotEqualTo(first);
        var replaced = mvc.perform(get("/invitation/{t}", first)).andReturn().getResponse();
        assertThat(replaced.getStatus()).as("a new invitation voids the old").isEqualTo(404);
        assertThat(replaced.getContentAsString()).isEqualTo(unknown);
        assertThat(open(second)).isNotNull();

        String late = invite("te-laat", "te-laat@example.org");
        clock.moveForward(Duration.ofDays(7).plusMinutes(1));
        var expired = mvc.perform(get("/invitation/{t}", late)).andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(404);
        assertThat(expired.getContentAsString()).isEqualTo(unknown);
        clock.reset();

        String blocked = invite("geblokkeerd-uitgenodigd", "geblokkeerd@example.org");
        mvc.perform(post("/admin/users/{id}/enabled", data.userId("geblokkeerd-uitgenodigd"))
                .param("enabled", "false").param("confirm", "true").with(data.as("admin")).with(csrf()));
        var refused = mvc.perform(get("/invitation/{t}", blocked)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsString()).isEqualTo(unknown);
    }

    @Test
    void aSessionOpenedByALinkOfABlockedAccountSetsNothing() throws Exception {
        String token = invite("later-geblokkeerd", "later-geblokkeerd@example.org");
        var session = open(token);
        assertThat(session).isNotNull();
        long id = data.userId("later-geblokkeerd");
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).single();
        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").param("confirm", "true")
                .with(data.as("admin")).with(csrf()));
        assertThat(setPassword(session, "een-eigen-wachtwoord", "een-eigen-wachtwoord").getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select password_hash from app_user where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(hash);
    }
}
