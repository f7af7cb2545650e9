package nl.jobcoachmonitor.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.SQLException;

import javax.sql.DataSource;

import nl.jobcoachmonitor.JobcoachMonitorApplication;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The live session behind a load balancer: a second application instance (its own Spring context and port) on the
 * same PostgreSQL database. The organiser and one coach use the first instance, the other coach the second: votes on
 * either reach every screen (PostgreSQL LISTEN/NOTIFY). Runs in the postgres run ({@code JCM_TEST_POSTGRES_URL}, tag
 * database); skipped on H2, where only one instance can run.
 */
@Tag("database")
class LiveSessionTwoInstancesTests extends LiveSessionFlow {

    @Autowired DataSource dataSource;

    @Test
    void votesOnEitherInstanceReachEveryScreen() throws SQLException {
        assumeTrue(System.getenv("JCM_TEST_POSTGRES_URL") != null, "JCM_TEST_POSTGRES_URL is not set");
        try (var connection = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()),
                    "this run is not on PostgreSQL");
        }
        // the same configuration as this test's instance (the postgres run's system properties), another port
        try (var second = new SpringApplicationBuilder(JobcoachMonitorApplication.class).profiles("test")
                .properties("server.port=0").run()) {
            int secondPort = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
            threeScreens(port, port, secondPort);
            closeContexts(); // the browsers leave before the second instance stops (or its streams break off)
        }
    }
}
