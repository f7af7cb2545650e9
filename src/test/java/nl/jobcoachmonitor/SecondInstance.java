package nl.jobcoachmonitor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application in the same test JVM, on the same database as the tests' own context (the
 * in-memory H2 by name, or the postgres profile's database through the same system properties), serving HTTP on a free
 * port: what a second instance behind a load balancer would be. Close it at the end of the test.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Properties as {@code name=value}; they take precedence over the test profile's. */
    public static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(JobcoachMonitorApplication.class).profiles("test")
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run(java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
