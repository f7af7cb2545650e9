package nl.jobcoachmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.SecondInstance;

import org.junit.jupiter.api.Test;

/**
 * A stop that a load balancer can follow (README "Operating"): an instance asked to stop answers 503 at its readiness
 * probe at once and still serves every page (a coach's caseload, from the database) for {@code jcm.shutdown.drain},
 * and only then stops taking connections. The close runs on another thread, as SIGTERM's shutdown hook does.
 */
class DrainTests {

    @Test
    void anInstanceAskedToStopIsNotReadyButServesOnWhileItDrainsAndThenStops() throws Exception {
        // long enough for the checks below on a loaded machine; the test waits for the close, not for a time
        var instance = SecondInstance.start("jcm.shutdown.drain=20s");
        Thread closing = null;
        try {
            String base = "http://127.0.0.1:" + SecondInstance.port(instance);
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            assertThat(get(http, base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            String login = get(http, base + "/login").body();
            var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
            assertThat(csrf.find()).isTrue();
            var loggedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=coach&password=demo&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(loggedIn.statusCode()).isEqualTo(302);
            assertThat(get(http, base + "/caseload").statusCode()).isEqualTo(200);

            closing = new Thread(instance::close, "stopping-the-instance");
            closing.start();
            int readiness = 200;
            for (int i = 0; i < 200 && readiness == 200 && closing.isAlive(); i++) {
                Thread.sleep(50);
                readiness = get(http, base + "/actuator/health/readiness").statusCode();
            }
            assertThat(readiness).as("readiness once the stop began").isEqualTo(503);
            assertThat(closing.isAlive()).as("still draining").isTrue();
            // while the load balancer takes it out, the instance serves every page as before
            var caseload = get(http, base + "/caseload");
            assertThat(caseload.statusCode()).isEqualTo(200);
            assertThat(caseload.body()).doesNotContain("start op").doesNotContain("Even niet bereikbaar");
            assertThat(get(http, base + "/login").statusCode()).isEqualTo(200);
            assertThat(closing.isAlive()).as("the drain lasted over the requests").isTrue();

            closing.join(180_000);
            assertThat(closing.isAlive()).isFalse();
            assertThat(instance.isActive()).isFalse();
            assertThatThrownBy(() -> get(http, base + "/login")).isInstanceOf(IOException.class);
        } finally {
            if (closing == null) {
                instance.close();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
