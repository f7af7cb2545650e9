package nl.jobcoachmonitor.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.MovableClock;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.Totp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two-factor authentication where the policy requires it: the password alone opens no page; the enrolment (secret,
 * first code, recovery codes once); the second step at login (a right code, a wrong one, a replayed one, a recovery
 * code once); throttling; the administrator's reset. Codes are computed here from the secret the page shows, as an
 * authenticator app would.
 */
@IntegrationTest
@TestPropertySource(properties = "jcm.security.two-factor=required")
@Import(MovableClock.Configuration.class)
class TwoFactorTests {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One browser: keeps the session cookie as it changes. */
    final class Browser {
        Cookie session;

        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            if (session != null) {
                request.cookie(session);
            }
            var response = mvc.perform(request).andReturn().getResponse();
            if (response.getCookie("SESSION") != null) {
                session = response.getCookie("SESSION");
            }
            return response;
        }

        MockHttpServletResponse logIn(String username) throws Exception {
            session = null;
            var response = mvc.perform(formLogin().user(username).password("demo")).andReturn().getResponse();
            session = response.getCookie("SESSION");
            return response;
        }

        MockHttpServletResponse code(String code) throws Exception {
            return perform(post("/login/code").param("code", code).with(csrf()));
        }
    }

    /** A new coach account of the demo organisation, password "demo", without a second factor. */
    private String newCoach(String username) {
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, organisation_id, enabled) "
                + "select :u, password_hash, 'Twee Staps', 'COACH', organisation_id, true from app_user "
                + "where username = 'coach'").param("u", username).update();
        return username;
    }

    private String nextCode(String secret) {
        clock.moveForward(Duration.ofSeconds(30));
        return Totp.code(secret.replace(" ", ""), clock.instant());
    }

    /** Logs in with the password and enrols; returns the secret and the recovery codes. */
    private Enrolment enrol(Browser browser, String username) throws Exception {
        assertThat(browser.logIn(username).getRedirectedUrl()).isEqualTo("/account/two-factor");
        var page = browser.perform(get("/account/two-factor")).getContentAsString();
        var secret = SECRET.matcher(page);
        assertThat(secret.find()).as("the secret shown as text").isTrue();
        assertThat(page).contains("src=\"data:image/svg+xml;base64,");
        var done = browser.perform(post("/account/two-factor").param("code", nextCode(secret.group(1))).with(csrf()));
        var codes = RECOVERY.matcher(done.getContentAsString()).results().map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(SecondFactors.RECOVERY_CODES).doesNotHaveDuplicates();
        return new Enrolment(secret.group(1), codes);
    }

    record Enrolment(String secret, List<String> recoveryCodes) {
    }

    @Test
    void thePasswordAloneOpensNoPageUntilTheSecondFactorIsEnrolled() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-password-only");
        assertThat(browser.logIn(user).getRedirectedUrl()).isEqualTo("/account/two-factor");
        for (String page : List.of("/", "/caseload", "/trajectories/new", "/trajectories/" + data.trajectoriesOf("coach")
                .get(0), "/report", "/audit", "/admin/users", "/login/code")) {
            var response = browser.perform(get(page));
            assertThat(response.getStatus()).as(page).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(page).endsWith("/account/two-factor");
        }
        var enrolPage = browser.perform(get("/account/two-factor"));
        assertThat(enrolPage.getStatus()).isEqualTo(200);
        assertThat(enrolPage.getContentAsString()).contains("Tweestapsverificatie is verplicht.");
        assertThat(enrolPage.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void enrolmentShowsTheSecretUntilConfirmedThenTheRecoveryCodesOnce() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-enrol");
        var enrolment = enrol(browser, user);
        assertThat(browser.perform(get("/caseload")).getStatus()).isEqualTo(200);
        var again = browser.perform(get("/account/two-factor")).getContentAsString();
        assertThat(again).contains("Tweestapsverificatie staat aan").doesNotContain(enrolment.secret())
                .doesNotContain(enrolment.recoveryCodes().get(0));
        String stored = jdbc.sql("select secret from staff_second_factor f join app_user u on u.id = f.user_id "
                + "where u.username = :u").param("u", user).query(String.class).single();
        assertThat(stored).doesNotContain(enrolment.secret().replace(" ", ""));
        List<String> hashes = jdbc.sql("select code_hash from staff_recovery_code c join app_user u on u.id = "
                + "c.user_id where u.username = :u").param("u", user).query(String.class).list();
        assertThat(hashes).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"))
                .noneMatch(h -> enrolment.recoveryCodes().stream().anyMatch(c -> h.contains(c.replace("-", ""))));
    }

    @Test
    void aRightCodeSignsInAWrongOrReplayedCodeDoesNot() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-login");
        var enrolment = enrol(browser, user);

        assertThat(browser.logIn(user).getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(browser.perform(get("/caseload")).getRedirectedUrl()).endsWith("/login/code");
        var wrong = browser.code("000000".equals(Totp.code(enrolment.secret().replace(" ", ""), clock.instant()))
                ? "111111" : "000000");
        assertThat(wrong.getStatus()).isEqualTo(200);
        assertThat(wrong.getContentAsString()).contains("Deze code klopt niet of is al gebruikt.");
        assertThat(browser.perform(get("/caseload")).getRedirectedUrl()).endsWith("/login/code");

        String code = nextCode(enrolment.secret());
        assertThat(browser.code(code).getRedirectedUrl()).isEqualTo("/");
        assertThat(browser.perform(get("/caseload")).getStatus()).isEqualTo(200);

        // the same code again, in the same time step, from another login: refused
        var other = new Browser();
        assertThat(other.logIn(user).getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(other.code(code).getContentAsString()).contains("Deze code klopt niet of is al gebruikt.");
        assertThat(other.perform(get("/caseload")).getRedirectedUrl()).endsWith("/login/code");
    }

    @Test
    void aRecoveryCodeWorksOnce() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-recovery");
        var enrolment = enrol(browser, user);
        String recovery = enrolment.recoveryCodes().get(3);

        browser.logIn(user);
        assertThat(browser.code(recovery.toUpperCase()).getRedirectedUrl()).isEqualTo("/account/two-factor");
        assertThat(browser.perform(get("/account/two-factor")).getContentAsString())
                .contains("U heeft er nog 9.");
        assertThat(browser.perform(get("/caseload")).getStatus()).isEqualTo(200);

        var again = new Browser();
        again.logIn(user);
        assertThat(again.code(recovery).getContentAsString()).contains("Deze code klopt niet of is al gebruikt.");
        assertThat(again.perform(get("/caseload")).getRedirectedUrl()).endsWith("/login/code");
    }

    @Test
    void newRecoveryCodesNeedACurrentCodeAndVoidTheOldOnes() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-renew");
        var enrolment = enrol(browser, user);
        String old = enrolment.recoveryCodes().get(0);

        var wrong = browser.perform(post("/account/two-factor/recovery-codes").param("code", "12345").with(csrf()));
        assertThat(wrong.getContentAsString()).contains("Deze code klopt niet of is al gebruikt.");
        assertThat(RECOVERY.matcher(wrong.getContentAsString()).results().count()).isZero();

        var renewed = browser.perform(post("/account/two-factor/recovery-codes")
                .param("code", nextCode(enrolment.secret())).with(csrf()));
        var codes = RECOVERY.matcher(renewed.getContentAsString()).results().map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(SecondFactors.RECOVERY_CODES).doesNotContainAnyElementsOf(enrolment.recoveryCodes());
        assertThat(renewed.getContentAsString()).contains("de oude werken niet meer");

        var withOld = new Browser();
        withOld.logIn(user);
        assertThat(withOld.code(old).getContentAsString()).contains("Deze code klopt niet of is al gebruikt.");
        var withNew = new Browser();
        withNew.logIn(user);
        assertThat(withNew.code(codes.get(0)).getRedirectedUrl()).isEqualTo("/account/two-factor");
    }

    @Test
    void wrongCodesAreThrottledEvenIfTheRightOneFollows() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-throttle");
        var enrolment = enrol(browser, user);
        browser.logIn(user);
        for (int i = 0; i < TwoFactorController.MAX_FAILURES; i++) {
            browser.code("wrong" + i);
        }
        var blocked = browser.code(nextCode(enrolment.secret()));
        assertThat(blocked.getStatus()).isEqualTo(429);
        assertThat(blocked.getContentAsString()).contains("Te vaak een verkeerde code.");
        assertThat(browser.perform(get("/caseload")).getRedirectedUrl()).endsWith("/login/code");
    }

    @Test
    void theApiAsksForTheCurrentCodeToo() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-api");
        var enrolment = enrol(browser, user);
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user, "demo");
        assertThat(mvc.perform(get("/api/v1/trajectories").with(basic)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/trajectories").with(basic).header("X-Second-Factor", "123456"))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
        String code = Totp.code(enrolment.secret().replace(" ", ""), clock.instant());
        assertThat(mvc.perform(get("/api/v1/trajectories").with(basic).header("X-Second-Factor", code))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theAdministratorResetsASecondFactorAndItIsLogged() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-reset");
        enrol(browser, user);
        long id = data.userId(user);
        var admin = mvc.perform(get("/admin/users/{id}", id).with(data.as("admin"))).andReturn().getResponse();
        assertThat(admin.getContentAsString()).contains("Deze gebruiker heeft tweestapsverificatie aan.");
        mvc.perform(post("/admin/users/{id}/two-factor", id).with(data.as("admin")).with(csrf()));

        assertThat(data.count("staff_second_factor", "user_id = :p", id)).isZero();
        assertThat(data.count("audit_event", "username = 'admin' and action = 'CHANGE' and object_type = "
                + "'app_user' and object_id = :p", id + ": second factor reset")).isEqualTo(1);
        assertThat(browser.perform(get("/caseload")).getRedirectedUrl()).as("the session ended").endsWith("/login");
        assertThat(browser.logIn(user).getRedirectedUrl()).isEqualTo("/account/two-factor");
    }

    @Test
    void wrongApiCodesAreCountedLikeTheWebsAndTheRightPasswordDoesNotResetTheCount() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-api-throttle");
        var enrolment = enrol(browser, user);
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user, "demo");
        String secret = enrolment.secret().replace(" ", "");
        for (int i = 0; i < TwoFactorController.MAX_FAILURES; i++) {
            String current = Totp.code(secret, clock.instant());
            String wrong = String.format("%06d", (Integer.parseInt(current) + 1) % 1_000_000);
            var refused = mvc.perform(get("/api/v1/trajectories").with(basic).header("X-Second-Factor", wrong))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).as("wrong code %d, with the right password", i).isEqualTo(401);
        }
        var blocked = mvc.perform(get("/api/v1/trajectories").with(basic)
                .header("X-Second-Factor", Totp.code(secret, clock.instant()))).andReturn().getResponse();
        assertThat(blocked.getStatus()).as("blocked, even with the right code").isEqualTo(429);
        assertThat(blocked.getHeader("Retry-After")).isNotNull();

        // the same count as the web's second step: a new login with the right password is blocked there too
        browser.logIn(user);
        var web = browser.code(nextCode(enrolment.secret()));
        assertThat(web.getStatus()).isEqualTo(429);
        assertThat(web.getContentAsString()).contains("Te vaak een verkeerde code.");

        clock.moveForward(TwoFactorController.BLOCK.plusMinutes(1));
        assertThat(mvc.perform(get("/api/v1/trajectories").with(basic)
                        .header("X-Second-Factor", Totp.code(secret, clock.instant()))).andReturn().getResponse()
                .getStatus()).as("after the block").isEqualTo(200);
    }

    @Test
    void wrongWebCodesBlockTheApiToo() throws Exception {
        var browser = new Browser();
        String user = newCoach("tf-web-then-api");
        var enrolment = enrol(browser, user);
        browser.logIn(user);
        for (int i = 0; i < TwoFactorController.MAX_FAILURES; i++) {
            browser.code("wrong" + i);
        }
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(user, "demo");
        assertThat(mvc.perform(get("/api/v1/trajectories").with(basic).header("X-Second-Factor",
                        Totp.code(enrolment.secret().replace(" ", ""), clock.instant()))).andReturn().getResponse()
                .getStatus()).isEqualTo(429);
    }
}
