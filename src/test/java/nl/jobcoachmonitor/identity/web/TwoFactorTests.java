package nl.jobcoachmonitor.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.MovableClock;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.identity.ApiTokens;
import nl.jobcoachmonitor.identity.PersonalTokens;
import nl.jobcoachmonitor.identity.SecondFactors;
import nl.jobcoachmonitor.identity.Totp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
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

    /**
     * Personal access tokens on the account page (made with a current code, shown once, stored as a hash, listed,
     * revoked) and on the API (Authorization: Bearer instead of HTTP Basic and X-Second-Factor; never on pages).
     */
    @Nested
    class PersonalAccessTokens {

        private static final Pattern TOKEN = Pattern.compile("id=\"new-token\">(jcm_[A-Za-z0-9_-]{43})<");

        @Autowired ApiTokens tokens;
        @Autowired SecondFactors factors;

        private MockHttpServletRequestBuilder create(String name, LocalDate expiresOn, String code) {
            return post("/account/api-tokens").param("name", name).param("expiresOn", expiresOn.toString())
                    .param("code", code).with(csrf());
        }

        private int api(String token) throws Exception {
            return mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + token)).andReturn()
                    .getResponse().getStatus();
        }

        private String tokenOf(String username) {
            return tokens.create(data.userId(username), "Test", LocalDate.now(clock).plusDays(30), true).token();
        }

        @Test
        void aTokenNeedsACurrentCodeIsShownOnceAndOnlyItsHashIsStored() throws Exception {
            var browser = new Browser();
            String user = newCoach("pat-create");
            var enrolment = enrol(browser, user);
            long id = data.userId(user);
            var page = browser.perform(get("/account/two-factor")).getContentAsString();
            assertThat(page).contains("API-sleutels").contains("U heeft nog geen API-sleutels.")
                    .as("no recovery code was used").doesNotContain("U heeft een herstelcode gebruikt.");

            var wrong = browser.perform(create("Rapportage-script", LocalDate.now().plusDays(90), "000000"));
            assertThat(wrong.getContentAsString()).contains("Deze code klopt niet").doesNotContain("id=\"new-token\"");
            var tooLong = browser.perform(create("Rapportage-script", LocalDate.now().plusYears(1).plusDays(1),
                    nextCode(enrolment.secret())));
            assertThat(tooLong.getContentAsString()).contains("hoogstens een jaar vooruit");
            assertThat(data.count("api_token", "user_id = :p", id)).isZero();

            var made = browser.perform(create("Rapportage-script", LocalDate.now().plusDays(90),
                    nextCode(enrolment.secret())));
            assertThat(made.getHeader("Cache-Control")).isEqualTo("no-store");
            var shown = TOKEN.matcher(made.getContentAsString());
            assertThat(shown.find()).as("the token, shown once").isTrue();
            String token = shown.group(1);
            assertThat(made.getContentAsString()).contains("Rapportage-script").contains("actief");

            assertThat(browser.perform(get("/account/two-factor")).getContentAsString()).contains("Rapportage-script")
                    .doesNotContain(token);
            assertThat(jdbc.sql("select token_hash from api_token where user_id = :u").param("u", id)
                    .query(String.class).single()).isEqualTo(PersonalTokens.hash(token));
            assertThat(jdbc.sql("select * from api_token").query((rs, n) -> {
                var row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(rs.getString(c)).append('|');
                }
                return row.toString();
            }).list()).noneMatch(row -> row.contains(token.substring(4)));
            assertThat(jdbc.sql("select attribute_bytes from spring_session_attributes")
                    .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).list())
                    .as("the session keeps no token").noneMatch(bytes -> bytes.contains(token.substring(4)));
            long tokenId = jdbc.sql("select id from api_token where user_id = :u").param("u", id).query(Long.class)
                    .single();
            assertThat(data.count("audit_event", "username = :p and action = 'CREATE' and object_type = 'app_user' "
                    + "and object_id like '%api token%created'", user)).isEqualTo(1);

            assertThat(api(token)).isEqualTo(200);
            browser.perform(post("/account/api-tokens/{id}/revoke", tokenId).with(csrf()));
            assertThat(api(token)).isEqualTo(401);
            assertThat(browser.perform(get("/account/two-factor")).getContentAsString()).contains("ingetrokken op");
            assertThat(data.count("audit_event", "username = :p and action = 'CHANGE' and object_type = 'app_user' "
                    + "and object_id = '" + id + ": api token " + tokenId + " revoked'", user)).isEqualTo(1);
        }

        @Test
        void aTokenOpensTheApiWithoutPasswordOrCodeButNoPage() throws Exception {
            String user = newCoach("pat-use");
            enrol(new Browser(), user);
            String token = tokenOf(user);
            mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + token))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json("[]"));
            long other = data.trajectoriesOf("coach").get(0);
            long denied = data.deniedAccessesBy(user);
            assertThat(mvc.perform(get("/api/v1/trajectories/{id}", other).header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getStatus()).as("the same scoping").isEqualTo(404);
            assertThat(data.deniedAccessesBy(user)).isEqualTo(denied + 1);
            assertThat(data.count("api_token", "last_used_at is not null and token_hash = :p",
                    PersonalTokens.hash(token))).isEqualTo(1);
            for (String path : List.of("/caseload", "/account/two-factor", "/trajectories/" + other)) {
                var page = mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
                assertThat(page.getStatus()).as(path).isEqualTo(302);
                assertThat(page.getRedirectedUrl()).as(path).endsWith("/login");
            }
        }

        @Test
        void revokedExpiredBlockedOrResetTokensAnswer401() throws Exception {
            String user = newCoach("pat-refused");
            enrol(new Browser(), user);
            long id = data.userId(user);
            String revoked = tokenOf(user);
            tokens.revoke(id, jdbc.sql("select id from api_token where token_hash = :h")
                    .param("h", PersonalTokens.hash(revoked)).query(Long.class).single());
            assertThat(api(revoked)).isEqualTo(401);

            String expiring = tokenOf(user);
            assertThat(api(expiring)).isEqualTo(200);
            clock.moveForward(Duration.ofDays(32));
            assertThat(api(expiring)).isEqualTo(401);
            clock.reset();

            String blocked = tokenOf(user);
            jdbc.sql("update app_user set enabled = false where id = :u").param("u", id).update();
            assertThat(api(blocked)).isEqualTo(401);
            jdbc.sql("update app_user set enabled = true where id = :u").param("u", id).update();
            assertThat(api(blocked)).isEqualTo(200);

            factors.reset(id); // the administrator's reset of the second factor revokes the tokens it stood for
            assertThat(api(blocked)).isEqualTo(401);
            assertThat(api("jcm_" + "A".repeat(43))).isEqualTo(401);
            assertThat(api("not-a-token")).isEqualTo(401);
        }

        @Test
        void aTokenMadeWithoutTheSecondFactorDoesNotStandInForTheCode() throws Exception {
            String user = newCoach("pat-nocode");
            var enrolment = enrol(new Browser(), user);
            String token = tokens.create(data.userId(user), "Oud", LocalDate.now(clock).plusDays(30), false).token();
            assertThat(api(token)).isEqualTo(401);
            assertThat(mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + token)
                    .header("X-Second-Factor", Totp.code(enrolment.secret().replace(" ", ""), clock.instant())))
                    .andReturn().getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void onlyTheOwnerRevokesATokenAndOnlyApiRolesMakeThem() throws Exception {
            String owner = newCoach("pat-owner");
            enrol(new Browser(), owner);
            String token = tokenOf(owner);
            long tokenId = jdbc.sql("select id from api_token where token_hash = :h")
                    .param("h", PersonalTokens.hash(token)).query(Long.class).single();
            long denied = data.deniedAccessesBy("coach2");
            assertThat(mvc.perform(post("/account/api-tokens/{id}/revoke", tokenId).with(data.as("coach2"))
                    .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(data.deniedAccessesBy("coach2")).isEqualTo(denied + 1);
            assertThat(api(token)).isEqualTo(200);
            assertThat(mvc.perform(create("Beheer", LocalDate.now().plusDays(30), "").with(data.as("admin")))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(data.count("api_token", "user_id = :p", data.userId("admin"))).isZero();
        }

        @Test
        void wrongTokensAreThrottledPerAddressLikePasswordGuesses() throws Exception {
            String user = newCoach("pat-guess");
            enrol(new Browser(), user);
            String token = tokenOf(user);
            for (int i = 0; i < 30; i++) {
                String guess = "jcm_" + PersonalTokens.newToken();
                assertThat(mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + guess)
                        .with(from("10.13.0.1"))).andReturn().getResponse().getStatus()).isEqualTo(401);
            }
            var blocked = mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + token)
                    .with(from("10.13.0.1"))).andReturn().getResponse();
            assertThat(blocked.getStatus()).isEqualTo(429);
            assertThat(blocked.getHeader("Retry-After")).isEqualTo("300");
            assertThat(mvc.perform(get("/api/v1/trajectories").header("Authorization", "Bearer " + token)
                    .with(from("10.13.0.2"))).andReturn().getResponse().getStatus()).isEqualTo(200);
        }

        private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
            return request -> {
                request.setRemoteAddr(address);
                return request;
            };
        }
    }
}
