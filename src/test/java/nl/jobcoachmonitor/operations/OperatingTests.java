package nl.jobcoachmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.jobcoachmonitor.IntegrationTest;
import nl.jobcoachmonitor.SecondInstance;
import nl.jobcoachmonitor.TestData;
import nl.jobcoachmonitor.analytics.AnalyticsManagement;
import nl.jobcoachmonitor.analytics.ReportFilter;
import nl.jobcoachmonitor.coaching.ContactManagement;
import nl.jobcoachmonitor.coaching.LogContactForm;
import nl.jobcoachmonitor.identity.CurrentUser;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Actuator for operators (README "Operating"): public probes without details, metrics and details for administrators,
 * the application's own meters, and the 503 page while the application is not ready.
 */
@IntegrationTest
class OperatingTests {

    @Autowired MockMvc mvc;
    @Autowired TestData data;
    @Autowired ApplicationContext context;
    @Autowired ContactManagement contacts;
    @Autowired AnalyticsManagement analytics;
    @Autowired UserDetailsService users;
    @Autowired Environment environment;

    @Test
    void probesArePublicAndTellOnlyTheStatus() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(data.as("coach"))).andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    void theAdministratorSeesTheDatabaseAndTheOutboxInTheHealthDetails() throws Exception {
        mvc.perform(get("/actuator/health").with(data.as("admin"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.outbox.status").value("UP"))
                .andExpect(jsonPath("$.components.outbox.details.delivery").value("outbox"))
                // no mail server configured (the demo set-up): no SMTP check that could be DOWN
                .andExpect(jsonPath("$.components.mail").doesNotExist());
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isFound())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        for (String user : List.of("coach", "manager", "gemeente", "onderzoeker", "privacy")) {
            mvc.perform(get("/actuator/prometheus").with(data.as(user))).andExpect(status().isForbidden());
            mvc.perform(get("/actuator/metrics").with(data.as(user))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/actuator/metrics").with(data.as("admin"))).andExpect(status().isOk());
    }

    @Test
    void prometheusShowsTheApplicationsOwnMeters() throws Exception {
        var coach = (CurrentUser) users.loadUserByUsername("coach");
        long trajectory = data.trajectoryOnTheJobOf("coach", 0);
        double before = counter(scrape(), "jcm_contacts_logged_total");
        contacts.log(coach, trajectory, LogContactForm.empty(LocalDate.now()));
        analytics.report((CurrentUser) users.loadUserByUsername("onderzoeker"), ReportFilter.everything());

        String metrics = scrape();
        assertThat(counter(metrics, "jcm_contacts_logged_total")).isEqualTo(before + 1);
        assertThat(metrics).contains("jcm_report_duration_seconds_count{application=\"jobcoach-monitor\",outcome=\"success\"}")
                .contains("jcm_report_duration_seconds_bucket").contains("jcm_mails_waiting")
                .contains("jcm_mails_failed").contains("jcm_signals_raised_total").contains("jcm_signals_open")
                .contains("hikaricp_connections_active").contains("http_server_requests_seconds");
    }

    @Test
    void pagesAnswer503InTheReadersLanguageUntilTheApplicationIsReady() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/login")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().string(Matchers.containsString("Jobcoach Monitor start op")))
                    .andExpect(content().string(Matchers.containsString("lang=\"nl\"")));
            mvc.perform(get("/login").param("lang", "en")).andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(Matchers.containsString("Jobcoach Monitor is starting")));
            mvc.perform(get("/caseload").with(data.as("coach"))).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/api/v1/trajectories")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503));
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
            mvc.perform(get("/assets/css/app.css")).andExpect(status().isOk());
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    /**
     * A fresh instance on an empty database of its own: while it loads the demo cohort its web server already
     * listens, and then {@code /login} answers 503; it becomes ready only once the cohort is in.
     */
    @Test
    void aFreshDemoInstanceIsReadyOnlyOnceTheDemoCohortIsIn() throws Exception {
        assumeThat(environment.getProperty("spring.datasource.url")).as("a fresh in-memory database (H2 run only)")
                .startsWith("jdbc:h2:mem:");
        String url = "jdbc:h2:mem:ready-" + UUID.randomUUID() + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
        List<String> seen = new ArrayList<>();
        ApplicationListener<ApplicationStartedEvent> probe = started -> {
            {
                // the web server listens, the runners (the demo cohort) have not run yet
                int port = ((WebServerApplicationContext) started.getApplicationContext()).getWebServer().getPort();
                seen.add("login before ready: " + statusOf(port, "/login") + ", readiness: " + statusOf(port,
                        "/actuator/health/readiness") + ", users: " + users(started.getApplicationContext()));
            }
        };
        var fresh = new org.springframework.boot.builder.SpringApplicationBuilder(
                nl.jobcoachmonitor.JobcoachMonitorApplication.class).profiles("test")
                .properties("server.port=0", "spring.main.banner-mode=off")
                .listeners(probe)
                .listeners((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
                    if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                        seen.add("users when ready: " + users((ApplicationContext) event.getSource()));
                    }
                })
                // as arguments: they come before the test profile's properties (builder properties come after)
                .run("--spring.datasource.url=" + url, "--spring.flyway.url=" + url + ";DB_CLOSE_DELAY=-1");
        try {
            int port = SecondInstance.port(fresh);
            assertThat(seen).containsExactly("login before ready: 503, readiness: 503, users: 0",
                    "users when ready: " + users(fresh));
            assertThat(users(fresh)).isGreaterThan(0);
            assertThat(statusOf(port, "/login")).isEqualTo(200);
        } finally {
            fresh.close();
            try (var owner = java.sql.DriverManager.getConnection(url, "sa", "")) {
                owner.createStatement().execute("shutdown");
            }
        }
    }

    private static long users(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select count(*) from app_user").query(Long.class).single();
    }

    private static int statusOf(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(data.as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
