package nl.jobcoachmonitor.analytics;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code jcm.report.concurrent} (default 2) study reports are computed at the same time; a further request
 * waits its turn (first come, first served). A report of everything reads 178,000 rows into memory and takes seconds
 * of CPU: on a 2-core machine four of them at once would leave nothing for the coaches' pages.
 */
@Component
class ReportGate {

    private final Semaphore turns;

    ReportGate(@Value("${jcm.report.concurrent:2}") int concurrent) {
        this.turns = new Semaphore(Math.max(1, concurrent), true);
    }

    <T> T computing(Supplier<T> report) {
        turns.acquireUninterruptibly();
        try {
            return report.get();
        } finally {
            turns.release();
        }
    }

    int waiting() {
        return turns.getQueueLength();
    }
}
