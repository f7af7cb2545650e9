package nl.jobcoachmonitor;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class JobcoachMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(JobcoachMonitorApplication.class, args);
    }

    /** The one source of "now" and "today", so that rules about dates can be tested. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
