package nl.jobcoachmonitor.analytics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code jcm.report.concurrent} (default 2) study reports are computed at the same time; a further request
 * waits its turn (first come, first served). A report of everything reads 178,000 rows into memory and takes seconds
 * of CPU: on a 2-core machine four of them at once would leave nothing for the coaches' pages.
 *
 * <p>A request for the same report (same population and selection) as one being computed waits for that one instead
 * of computing it again: four researchers opening the overall report at once cost one computation. The result is the
 * same that request would have computed, read at most one computation earlier; nothing is kept after it is handed out.
 */
@Component
class ReportGate {

    private final Semaphore turns;
    private final ConcurrentHashMap<Object, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();
    private final AtomicLong shared = new AtomicLong();

    ReportGate(@Value("${jcm.report.concurrent:2}") int concurrent) {
        this.turns = new Semaphore(Math.max(1, concurrent), true);
    }

    /** The report for {@code key}: computed in a turn of its own, or taken from the same computation in progress. */
    @SuppressWarnings("unchecked")
    <T> T computing(Object key, Supplier<T> report) {
        var mine = new CompletableFuture<Object>();
        var running = computing.putIfAbsent(key, mine);
        if (running != null) {
            shared.incrementAndGet();
            return (T) join(running);
        }
        try {
            T result = computing(report);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    <T> T computing(Supplier<T> report) {
        turns.acquireUninterruptibly();
        try {
            return report.get();
        } finally {
            turns.release();
        }
    }

    private static Object join(CompletableFuture<Object> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many requests took the result of a computation in progress instead of computing it. */
    long shared() {
        return shared.get();
    }

    int waiting() {
        return turns.getQueueLength();
    }
}
