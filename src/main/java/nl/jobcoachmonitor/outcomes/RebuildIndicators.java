package nl.jobcoachmonitor.outcomes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The rebuild command: started with {@code --jcm.rebuild-indicators}, the application recomputes every trajectory's
 * indicators from scratch before it serves requests, and logs how many and how long. For example
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--jcm.rebuild-indicators}. It also rebuilds by itself
 * when the contact hours per month are missing while contact hours exist, as after the migration V45 that keyed them
 * by the month since the start of coaching (once: after the rebuild the table has rows).
 */
@Component
class RebuildIndicators implements ApplicationRunner {

    static final String OPTION = "jcm.rebuild-indicators";

    private static final Logger log = LoggerFactory.getLogger(RebuildIndicators.class);

    private final OutcomesManagement outcomes;

    RebuildIndicators(OutcomesManagement outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption(OPTION) || outcomes.monthsMissing()) {
            long start = System.nanoTime();
            int count = outcomes.rebuild();
            log.info("Rebuilt the indicators of {} trajectories in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
