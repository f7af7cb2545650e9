package nl.jobcoachmonitor.measurement;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The nightly wave planning runs on a schedule (Spring Session's cleanup enables scheduling too; this says so). */
@Configuration
@EnableScheduling
class MeasurementConfiguration {
}
