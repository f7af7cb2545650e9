package nl.jobcoachmonitor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.SecondInstance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two instances of the application on one database (this test's context, "A", and a second one started here, "B",
 * serving HTTP): every throttle counts the failures of both, so two instances behind a load balancer do not double an
 * attacker's tries. Runs on PostgreSQL too (postgres profile).
 */
@IntegrationTest
class SharedThrottleTests {

    private static ConfigurableApplicationContext b;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SecondFactorThrottle secondFactorsOnA;
    @Autowired PersonalLinkGuard linksOnA;

    @BeforeAll
    static void startInstanceB() {
        b = SecondInstance.start();
    }

    @AfterAll
    static void stopInstanceB() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void failedLoginsOnInstanceBBlockTheNameOnInstanceA() throws Exception {
        String user = "shared-throttle-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, enabled) "
                + "select :u, password_hash, 'Shared Throttle', 'RESEARCHER', true from app_user "
                + "where username = 'onderzoeker'").param("u", user).update();
        mvc.perform(formLogin().user(user).password("demo")).andExpect(redirectedUrl("/"));

        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + SecondInstance.port(b);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).as("the login page of instance B has a CSRF token").isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=guess" + i
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }

        // the right password on the other instance: refused, the name is blocked for both
        mvc.perform(formLogin().user(user).password("demo")).andExpect(redirectedUrl("/login?throttled"));
        assertThat(b.getBean(LoginThrottle.class).isBlocked(user, "203.0.113.1")).isTrue();
    }

    @Test
    void wrongSecondFactorCodesCountOnBothInstances() {
        long account = 900_000_000L + new java.util.Random().nextInt(1_000_000_000);
        var onB = b.getBean(SecondFactorThrottle.class);
        for (int i = 0; i < SecondFactorThrottle.MAX_FAILURES - 1; i++) {
            onB.failed(account);
        }
        assertThat(secondFactorsOnA.blocked(account)).isFalse();
        secondFactorsOnA.failed(account);
        assertThat(onB.blocked(account)).isTrue();
        assertThat(secondFactorsOnA.blocked(account)).isTrue();
        // a right code on one instance clears the count for both
        onB.succeeded(account);
        assertThat(secondFactorsOnA.blocked(account)).isFalse();
    }

    @Test
    void personalLinkGuessingFromOneAddressCountsOnBothInstances() {
        int max = b.getEnvironment().getProperty("jcm.questionnaire.max-failed-links-per-address", Integer.class, 20);
        String address = "198.51.100.7/" + UUID.randomUUID();
        var onB = b.getBean(PersonalLinkGuard.class);
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        for (int i = 0; i < max - 1; i++) {
            onB.failed(request);
        }
        assertThat(linksOnA.blocked(request, new MockHttpServletResponse())).isFalse();
        linksOnA.failed(request);
        var response = new MockHttpServletResponse();
        assertThat(onB.blocked(request, response)).isTrue();
        assertThat(response.getStatus()).isEqualTo(429);
    }
}
