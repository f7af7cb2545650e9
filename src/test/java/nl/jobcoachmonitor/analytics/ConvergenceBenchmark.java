package nl.jobcoachmonitor.analytics;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark, not a test: the fit of retention on intensity for 134,171 observations of a long-tailed predictor
 * ({@code models/large.csv.gz}, the shape of the overall report on 200,000 trajectories), its iterations, status and
 * the median time of 20 fits after 5 warm-up fits; or of a gzipped CSV file given as the argument (columns
 * {@code intensity,retained}, e.g. the overall report's population of the benchmark database). Run (bench/README.md,
 * "Convergence at scale"):
 * {@code ./mvnw -q -o test-compile && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * nl.jobcoachmonitor.analytics.ConvergenceBenchmark [file.csv.gz [runs]]}
 */
public final class ConvergenceBenchmark {

    private ConvergenceBenchmark() {
    }

    public static void main(String[] args) {
        var large = args.length > 0 ? ModelReference.file(Path.of(args[0])) : ModelReference.data("large.csv.gz");
        double[] y = large.get("retained");
        var x = Predictor.of("intensity", large.get("intensity"));
        long[] times = new long[args.length > 1 ? Integer.parseInt(args[1]) : 25];
        LogisticFit fit = null;
        for (int run = 0; run < times.length; run++) {
            long start = System.nanoTime();
            fit = LogisticRegression.fit(y, x);
            times[run] = System.nanoTime() - start;
        }
        long[] measured = Arrays.copyOfRange(times, times.length > 5 ? 5 : 0, times.length);
        Arrays.sort(measured);
        System.out.printf("n=%d status=%s iterations=%d median=%.1f ms min=%.1f ms max=%.1f ms estimate=%s%n",
                fit.n(), fit.status(), fit.iterations(), measured[measured.length / 2] / 1e6, measured[0] / 1e6,
                measured[measured.length - 1] / 1e6, fit.coefficient("intensity").map(Coefficient::estimate)
                        .map(String::valueOf).orElse("-"));
    }
}
