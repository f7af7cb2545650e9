package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** No more reports computed at once than the gate allows; the others wait their turn and all of them finish. */
class ReportGateTests {

    @Test
    void atMostTheAllowedNumberOfReportsAreComputedAtOnce() throws Exception {
        var gate = new ReportGate(2);
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> reports = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                reports.add(pool.submit(() -> gate.computing(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return n;
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gate.waiting() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(gate.waiting()).as("reports waiting for a turn").isEqualTo(4);
            assertThat(inside.get()).as("reports being computed").isEqualTo(2);
            release.countDown();
            List<Integer> done = new ArrayList<>();
            for (var report : reports) {
                done.add(report.get(10, TimeUnit.SECONDS));
            }
            assertThat(done).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(most.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameReportAskedWhileItIsComputedIsComputedOnceAndAnotherReportIsNot() throws Exception {
        var gate = new ReportGate(2);
        var computations = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> gate.computing("everything", () -> {
                computations.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "report " + computations.get();
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> same = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                same.add(pool.submit(() -> gate.computing("everything", () -> "computed again " + computations
                        .incrementAndGet())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gate.shared() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(gate.shared()).as("requests waiting for the computation in progress").isEqualTo(2);
            String other = gate.computing("municipality 7", () -> "other " + computations.incrementAndGet());
            assertThat(other).isEqualTo("other 2");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("report 2");
            for (var report : same) {
                assertThat(report.get(10, TimeUnit.SECONDS)).isEqualTo("report 2");
            }
            // asked after it was handed out: computed afresh, nothing kept
            assertThat(gate.computing("everything", () -> "afresh")).isEqualTo("afresh");
        } finally {
            pool.shutdownNow();
        }
    }
}
