package nl.jobcoachmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import nl.jobcoachmonitor.SecondInstance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database goes away while a coach saves contacts (README "Operating", outage): an instance of the application
 * reaches PostgreSQL through a TCP relay that the test cuts. While it is cut every request answers 503 with the "try
 * again" page (no stack trace), no contact is left half-saved (each one stored has its access-log entry), and once the
 * relay is back the same instance serves again, with the same session, without a restart (Hikari makes new
 * connections). PostgreSQL only (the postgres profile's run): an in-memory H2 cannot be cut.
 */
@Tag("database")
class DatabaseOutageTests {

    @Test
    void aCutDatabaseGivesTheTryAgainPageLeavesNoPartialRowsAndTheApplicationRecovers() throws Exception {
        String url = System.getProperty("spring.datasource.url", "");
        assumeThat(url).as("the postgres profile's run (JCM_TEST_POSTGRES_URL)").startsWith("jdbc:postgresql://");
        var address = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)").matcher(url);
        assertThat(address.matches()).isTrue();
        var direct = JdbcClient.create(new DriverManagerDataSource(url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password", "")));
        try (var relay = new TcpRelay(address.group(1), address.group(2) == null ? 5432
                : Integer.parseInt(address.group(2)))) {
            var instance = SecondInstance.start(
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + address.group(3),
                    "spring.datasource.hikari.connection-timeout=2000",
                    "spring.datasource.hikari.maximum-pool-size=4");
            try {
                String base = "http://127.0.0.1:" + SecondInstance.port(instance);
                var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).build();
                post(http, base + "/login", Map.of("username", "coach", "password", "demo"), csrf(http, base + "/login"));
                long trajectory = direct.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                        + "where u.username = 'coach' and t.phase <> 'CLOSED' order by t.id").query(Long.class).list()
                        .get(0);
                String token = csrf(http, base + "/trajectories/" + trajectory);
                String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
                assertThat(logContact(http, base, trajectory, token, run + "-before").statusCode()).isEqualTo(302);

                // a coach keeps saving contacts; half-way the database goes away for a few seconds
                Map<String, Integer> answers = new ConcurrentHashMap<>();
                var writing = new AtomicBoolean(true);
                var writer = new Thread(() -> {
                    for (int i = 0; writing.get() && i < 400; i++) {
                        String note = run + "-" + i;
                        try {
                            var response = logContact(http, base, trajectory, token, note);
                            answers.put(note, response.statusCode());
                            if (response.statusCode() == 503) {
                                assertThat(response.body()).contains("Even niet bereikbaar").doesNotContain("Exception")
                                        .doesNotContain("at nl.jobcoachmonitor");
                            }
                        } catch (Exception | AssertionError e) {
                            answers.put(note + " " + e, -1);
                        }
                    }
                }, "coach-saving-contacts");
                writer.start();
                Thread.sleep(1500);
                relay.cut();
                Thread.sleep(1000);
                var during = http.send(HttpRequest.newBuilder(URI.create(base + "/caseload")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.headers().firstValue("Retry-After")).isPresent();
                assertThat(during.body()).contains("Even niet bereikbaar").doesNotContain("Exception");
                Thread.sleep(3000);
                relay.restore();

                // the same instance and the same session serve again, without a restart
                int status = 0;
                for (int i = 0; i < 60 && status != 200; i++) {
                    Thread.sleep(500);
                    status = http.send(HttpRequest.newBuilder(URI.create(base + "/caseload")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                assertThat(status).as("the caseload after the database came back").isEqualTo(200);
                Thread.sleep(1000);
                writing.set(false);
                writer.join(60_000);
                assertThat(logContact(http, base, trajectory, token, run + "-after").statusCode()).isEqualTo(302);

                assertThat(answers.values()).as("answers while saving: %s", answers).contains(302, 503)
                        .allMatch(s -> s == 302 || s == 503);
                // every contact saved is whole (its access-log entry came with it); every confirmed one is there
                var stored = direct.sql("select id, note from contact where note like :run")
                        .param("run", run + "-%").query((rs, n) -> Map.entry(rs.getString(2), rs.getLong(1))).list();
                for (var contact : stored) {
                    assertThat(direct.sql("select count(*) from audit_event where object_type = 'contact' "
                            + "and object_id = :id and action = 'CREATE'").param("id", String.valueOf(contact.getValue()))
                            .query(Long.class).single()).as("access log of %s", contact.getKey()).isEqualTo(1);
                }
                var storedNotes = stored.stream().map(Map.Entry::getKey).toList();
                answers.forEach((note, answer) -> {
                    if (answer == 302) {
                        assertThat(storedNotes).as("a contact confirmed to the coach").contains(note);
                    }
                });
                assertThat(storedNotes).contains(run + "-before", run + "-after").doesNotHaveDuplicates();
            } finally {
                instance.close();
            }
        }
    }

    private static HttpResponse<String> logContact(HttpClient http, String base, long trajectory, String token,
            String note) throws Exception {
        return post(http, base + "/trajectories/" + trajectory + "/contacts", Map.of("contactOn",
                LocalDate.now().toString(), "minutes", "15", "party", "EMPLOYEE", "mode", "PHONE", "note", note), token);
    }

    private static String csrf(HttpClient http, String page) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(body);
        assertThat(token.find()).as("a CSRF token on %s", page).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> fields, String csrf)
            throws Exception {
        var form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
