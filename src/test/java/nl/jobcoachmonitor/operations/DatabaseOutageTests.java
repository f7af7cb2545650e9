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

import java.math.BigDecimal;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import nl.jobcoachmonitor.JobcoachMonitorApplication;
import nl.jobcoachmonitor.SecondInstance;
import nl.jobcoachmonitor.TestMailServer;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.AnswerValidationTests;
import nl.jobcoachmonitor.measurement.Instruments;
import nl.jobcoachmonitor.measurement.MeasurementManagement;
import nl.jobcoachmonitor.measurement.Respondent;
import nl.jobcoachmonitor.measurement.Section;
import nl.jobcoachmonitor.trajectory.ContractType;
import nl.jobcoachmonitor.trajectory.StartTrajectoryForm;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;
import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The database goes away while the application is used (README "Operating", outage): an instance of the application
 * reaches PostgreSQL through a TCP relay that the test cuts, and its mail server (GreenMail) through another. While the
 * database is cut every request answers 503 with the "try again" page in the reader's language (no stack trace),
 * nothing is left half-saved, and once the relay is back the same instance serves again, with the same sessions,
 * without a restart (Hikari makes new connections). Mails whose sending or whose record fell in the outage are sent
 * once the database is back, none twice. PostgreSQL only (the postgres profile's run): an in-memory H2 cannot be cut.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTests {

    /** Cuts the database's relay right after the mail server accepted the next mail, once. */
    private static final AtomicBoolean cutAfterNextMail = new AtomicBoolean();

    private JdbcClient direct;
    private TcpRelay relay;
    private TcpRelay mailRelay;
    private ConfigurableApplicationContext instance;
    private String base;

    @BeforeAll
    void startAnInstanceBehindRelays() throws Exception {
        String url = System.getProperty("spring.datasource.url", "");
        assumeThat(url).as("the postgres profile's run (JCM_TEST_POSTGRES_URL)").startsWith("jdbc:postgresql://");
        var address = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)").matcher(url);
        assertThat(address.matches()).isTrue();
        direct = JdbcClient.create(new DriverManagerDataSource(url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password", "")));
        relay = new TcpRelay(address.group(1), address.group(2) == null ? 5432 : Integer.parseInt(address.group(2)));
        mailRelay = new TcpRelay("127.0.0.1", TestMailServer.port());
        TcpRelay databaseRelay = relay;
        instance = new SpringApplicationBuilder(JobcoachMonitorApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof JavaMailSenderImpl sender ? cuttingAfterSend(sender, databaseRelay)
                                : bean;
                    }
                }))
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + address.group(3),
                        "--spring.datasource.hikari.connection-timeout=2000",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailRelay.port(),
                        "--jcm.mail.retry-cron=* * * * * *");
        base = "http://127.0.0.1:" + SecondInstance.port(instance);
    }

    @AfterAll
    void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (mailRelay != null) {
            mailRelay.close();
        }
    }

    @AfterEach
    void databaseAndMailServerBack() {
        if (relay != null) {
            relay.restore();
            mailRelay.restore();
        }
    }

    /** The instance's mail sender, which cuts the database away right after the server accepted a mail when armed. */
    private static JavaMailSenderImpl cuttingAfterSend(JavaMailSenderImpl original, TcpRelay databaseRelay) {
        var sender = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) {
                super.doSend(messages, originals);
                if (cutAfterNextMail.getAndSet(false)) {
                    databaseRelay.cut();
                }
            }
        };
        sender.setHost(original.getHost());
        sender.setPort(original.getPort());
        sender.setProtocol(original.getProtocol());
        sender.setDefaultEncoding(original.getDefaultEncoding());
        sender.setJavaMailProperties(original.getJavaMailProperties());
        return sender;
    }

    @Test
    void aCutDatabaseGivesTheTryAgainPageLeavesNoPartialRowsAndTheApplicationRecovers() throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
        post(http, base + "/login", Map.of("username", "coach", "password", "demo"), csrf(http, base + "/login"));
        long trajectory = direct.sql("select t.id from trajectory t join app_user u on u.id = t.coach_id "
                + "where u.username = 'coach' and t.phase <> 'CLOSED' order by t.id").query(Long.class).list().get(0);
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
        assertThat(servedAgain(http, "/caseload")).as("the caseload after the database came back").isEqualTo(200);
        Thread.sleep(1000);
        writing.set(false);
        writer.join(60_000);
        assertThat(logContact(http, base, trajectory, token, run + "-after").statusCode()).isEqualTo(302);

        assertThat(answers.values()).as("answers while saving: %s", answers).contains(302, 503)
                .allMatch(s -> s == 302 || s == 503 || s == 500);
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
            if (answer == 500) {
                // A known gap (closing note of 2026-12-03): a cut that falls after the contact's commit, while the
                // redirect is being sent, gives Tomcat's 500 instead of the 503 page, because the response is already
                // committed. Allowed only when the contact itself was stored whole (its access-log entry is checked
                // above): nothing is lost or half-written, only the answer is the wrong page.
                assertThat(storedNotes).as("a contact answered with 500 was stored").contains(note);
            }
        });
        assertThat(storedNotes).contains(run + "-before", run + "-after").doesNotHaveDuplicates();
    }

    @Test
    void aSectionSentWhileTheDatabaseIsAwayIsRefusedInTheRespondentsLanguageAndSavedAfterwards() throws Exception {
        var trajectory = newTrajectory("Outage", "Vragenlijst");
        var coach = (CurrentUser) instance.getBean(UserDetailsService.class).loadUserByUsername("coach");
        String token = instance.getBean(MeasurementManagement.class)
                .createLink(coach, trajectory[0], trajectory[1], Respondent.EMPLOYEE).token();
        var phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(get(phone, "/q/" + token + "?lang=en").statusCode()).isEqualTo(200);
        var sections = new Instruments().current("employee").sectionsAt("T0");
        var answers = AnswerValidationTests.completeEmployeeAnswers();
        // the employee answers all but the last part
        for (var section : sections.subList(0, sections.size() - 1)) {
            assertThat(answer(phone, section, answers).statusCode()).as(section.code()).isEqualTo(302);
        }
        var last = sections.get(sections.size() - 1);
        String page = get(phone, "/q").body();
        assertThat(page).contains("Part " + sections.size() + " of " + sections.size());
        String halfway = storedAnswers(trajectory[1]);
        assertThat(halfway).contains("\"paid_work\":\"yes\"");
        long auditBefore = auditOfResponse(trajectory[1]);

        relay.cut();
        var refused = answer(phone, last, answers, csrfIn(page));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("lang=\"en\"").contains("Briefly unavailable")
                .doesNotContain("Even niet bereikbaar").doesNotContain("Exception").doesNotContain("at nl.");
        var opened = get(phone, "/q");
        assertThat(opened.statusCode()).isEqualTo(503);
        assertThat(opened.body()).contains("Briefly unavailable").contains("Try again");
        relay.restore();

        // nothing of the refused part, the part before kept, not completed
        assertThat(storedAnswers(trajectory[1])).isEqualTo(halfway);
        assertThat(completed(trajectory[1])).isFalse();
        assertThat(auditOfResponse(trajectory[1])).as("no access of the refused part").isEqualTo(auditBefore);

        // the same session goes on where it was, and the same part is saved and completes the questionnaire
        assertThat(servedAgain(phone, "/q")).isEqualTo(200);
        page = get(phone, "/q").body();
        assertThat(page).contains("Part " + sections.size() + " of " + sections.size());
        assertThat(answer(phone, last, answers, csrfIn(page)).statusCode()).isEqualTo(302);
        assertThat(get(phone, "/q").body()).contains("Thank you");
        assertThat(completed(trajectory[1])).isTrue();
        assertThat(direct.sql("select count(*) from response where wave_id = :w and respondent = 'EMPLOYEE'")
                .param("w", trajectory[1]).query(Long.class).single()).isEqualTo(1);
        var valueOfLastPart = last.itemsAt("T0").get(0).code();
        assertThat(storedAnswers(trajectory[1])).contains("\"" + valueOfLastPart + "\"").contains("\"paid_work\"");
    }

    @Test
    void aMailWhoseRecordOrSendingFellInTheOutageIsSentOnceTheDatabaseIsBackAndOnlyOnce() throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
        post(http, base + "/login", Map.of("username", "coach", "password", "demo"), csrf(http, base + "/login"));

        // 1. the mail server accepts the mail, then the database goes away before that is recorded
        var first = newTrajectory("Mail", "Uitvaleerste");
        String firstAddress = "outage.first." + UUID.randomUUID() + "@voorbeeld.nl";
        cutAfterNextMail.set(true);
        var answered = mail(http, first, firstAddress);
        assertThat(answered.statusCode()).isIn(302, 503);
        assertThat(cutAfterNextMail).isFalse();
        assertThat(TestMailServer.receivedBy(firstAddress)).hasSize(1);
        long firstMail = mailOf(first[1]);
        assertThat(sentAt(firstMail)).as("not recorded while the database is away").isNull();
        Thread.sleep(2500); // the retry job (every second here) finds the database away: nothing sent
        relay.restore();
        assertThat(recordedAsSent(firstMail)).as("recorded once the database is back").isTrue();
        assertThat(TestMailServer.receivedBy(firstAddress)).as("sent once, not again").hasSize(1);

        // 2. the mail server does not take the mail; then the database goes away while it comes back
        var second = newTrajectory("Mail", "Uitvaltweede");
        String secondAddress = "outage.second." + UUID.randomUUID() + "@voorbeeld.nl";
        mailRelay.cut();
        assertThat(mail(http, second, secondAddress).statusCode()).isEqualTo(302);
        long secondMail = mailOf(second[1]);
        assertThat(direct.sql("select failure from questionnaire_mail where id = :id").param("id", secondMail)
                .query(String.class).optional()).isPresent();
        relay.cut();
        // a retry that asked the database just before the cut finds the mail server still away; every later one
        // finds the database away and sends nothing (whether the mail is still to be sent is unknown)
        Thread.sleep(4000);
        mailRelay.restore();
        Thread.sleep(2500);
        assertThat(TestMailServer.receivedBy(secondAddress)).isEmpty();
        relay.restore();
        assertThat(recordedAsSent(secondMail)).as("sent once the database is back").isTrue();
        Thread.sleep(2500); // more runs of the retry job
        assertThat(TestMailServer.receivedBy(secondAddress)).as("sent once").hasSize(1);
        assertThat(TestMailServer.receivedBy(firstAddress)).hasSize(1);
        assertThat(direct.sql("select failure from questionnaire_mail where id = :id").param("id", secondMail)
                .query(String.class).optional()).isEmpty();
    }

    // ---- helpers ----

    private long[] newTrajectory(String firstName, String lastName) {
        var coach = (CurrentUser) instance.getBean(UserDetailsService.class).loadUserByUsername("coach");
        long commissioner = direct.sql("select min(id) from commissioner").query(Long.class).single();
        LocalDate today = LocalDate.now();
        long id = instance.getBean(TrajectoryManagement.class).start(coach, new StartTrajectoryForm(null, firstName,
                lastName, LocalDate.of(1998, 4, 2), null, null, commissioner, TrajectoryPhase.COACHING, today, null,
                "Fietsenmakerij De Spaak", "Monteur", new BigDecimal("24"), ContractType.TEMPORARY, today, null));
        long wave = direct.sql("select id from measurement_wave where trajectory_id = :t and code = 'T0'")
                .param("t", id).query(Long.class).single();
        return new long[] {id, wave};
    }

    private HttpResponse<String> mail(HttpClient http, long[] trajectory, String address) throws Exception {
        String path = "/trajectories/" + trajectory[0] + "/waves/" + trajectory[1] + "/employee-mail";
        return post(http, base + path, Map.of("address", address, "language", "NL"), csrf(http, base + path));
    }

    private long mailOf(long wave) {
        return direct.sql("select max(id) from questionnaire_mail where wave_id = :w").param("w", wave)
                .query(Long.class).single();
    }

    private Object sentAt(long mail) {
        return direct.sql("select sent_at from questionnaire_mail where id = :id").param("id", mail)
                .query((rs, n) -> rs.getTimestamp(1)).optional().orElse(null);
    }

    /** Waits (a bounded number of times) for the retry job to record the mail as sent. */
    private boolean recordedAsSent(long mail) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (sentAt(mail) != null) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private String storedAnswers(long wave) {
        return direct.sql("select answers from response where wave_id = :w and respondent = 'EMPLOYEE'")
                .param("w", wave).query(String.class).single();
    }

    private boolean completed(long wave) {
        return direct.sql("select completed_at is not null from response where wave_id = :w and respondent = 'EMPLOYEE'")
                .param("w", wave).query(Boolean.class).single();
    }

    private long auditOfResponse(long wave) {
        return direct.sql("select count(*) from audit_event where object_type = 'response' and object_id = "
                + "(select cast(id as varchar) from response where wave_id = :w and respondent = 'EMPLOYEE')")
                .param("w", wave).query(Long.class).single();
    }

    /** The same client's page once the database is back (asked again a bounded number of times). */
    private int servedAgain(HttpClient http, String path) throws Exception {
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
            Thread.sleep(500);
            status = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status;
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> answer(HttpClient phone, Section section, Map<String, Object> answers)
            throws Exception {
        return answer(phone, section, answers, csrfIn(get(phone, "/q").body()));
    }

    /** Posts a part of the questionnaire as the form does (every value as text, a multiple choice repeated). */
    private HttpResponse<String> answer(HttpClient phone, Section section, Map<String, Object> answers, String csrf)
            throws Exception {
        var form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&section="
                + section.code());
        for (var item : section.itemsAt("T0")) {
            var value = answers.get(item.code());
            if (value == null) {
                continue;
            }
            for (var one : value instanceof List<?> list ? list : List.of(value)) {
                form.append('&').append(item.code()).append('=')
                        .append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
            }
        }
        return phone.send(HttpRequest.newBuilder(URI.create(base + "/q")).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfIn(String page) {
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in %s", page).isTrue();
        return token.group(1);
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
