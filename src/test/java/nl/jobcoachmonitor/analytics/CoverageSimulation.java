package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Simulation, not a test (bench/README.md, "Coverage of the report's intervals"): cohorts with known effects, fitted
 * by the report's own models ({@link AssociationModels#logistic}: maximum likelihood, Firth when events per predictor
 * are few), and how often the 95% intervals of the adjusted and of the crude odds ratios cover the true effect, with
 * the bias. Run after {@code ./mvnw -q -o test-compile}:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/cp.txt)"
 * nl.jobcoachmonitor.analytics.CoverageSimulation [cohorts=1000] [persons=400] [seed=20261203]}
 * ({@code target/cp.txt} from {@code ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 *
 * <p>Each person, independently:
 * <ol>
 * <li>a common factor {@code f ~ N(0, 1)};
 * <li>job fit, rapport and fit with wishes each from {@code z = 0.7 f + √0.51 e}, {@code e ~ N(0, 1)} of its own (so
 * any two correlate 0.49 before rounding), put on the instrument's scale and rounded to what it can give: job fit
 * {@code round(6.5 + 1.5 z)} within 1–10; rapport, a mean of three items, {@code round(3 (3.8 + 0.7 z)) / 3} within
 * 1–5; fit with wishes, a mean of two, {@code round(2 (3.6 + 0.7 z)) / 2} within 1–5;
 * <li>intensity (contact hours per month) {@code exp(N(ln 3.5, 0.6))}, independent of the factor;
 * <li>retained with probability {@code logistic(β0 + 0.10 intensity + 0.25 jobFit + 0.45 rapport + 0.30 fitWishes)},
 * {@code β0 = −2.8} (about 88% retained, as in the study).
 * </ol>
 * The true coefficients are those of the outcome model on the observed (rounded) predictors, so the adjusted model is
 * the true model and its intervals should cover them in 95% of cohorts; a crude model leaves out the others, so its
 * coefficient is not the predictor's own effect.
 */
public final class CoverageSimulation {

    static final String[] NAMES = { "intensity", "jobFit", "rapport", "fitWishes" };
    static final double[] TRUE = { 0.10, 0.25, 0.45, 0.30 };
    static final double INTERCEPT = -2.8;

    private CoverageSimulation() {
    }

    public static void main(String[] args) {
        int cohorts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261203L;
        var random = new SplittableRandom(seed);
        int k = NAMES.length;
        int[] adjustedCovered = new int[k];
        int[] crudeCovered = new int[k];
        double[] adjustedSum = new double[k];
        double[] crudeSum = new double[k];
        List<List<Double>> crudeRatios = new ArrayList<>();
        List<List<Double>> adjustedRatios = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            crudeRatios.add(new ArrayList<>());
            adjustedRatios.add(new ArrayList<>());
        }
        int firth = 0;
        int fitted = 0;
        int failed = 0;
        long start = System.nanoTime();
        for (int c = 0; c < cohorts; c++) {
            double[][] x = new double[k][persons];
            double[] y = new double[persons];
            cohort(random, x, y);
            List<Predictor> predictors = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                predictors.add(Predictor.of(NAMES[j], x[j]));
            }
            LogisticFit adjusted = AssociationModels.logistic(y, predictors);
            if (!adjusted.estimable()) {
                failed++;
                continue;
            }
            fitted++;
            firth += adjusted.method() == LogisticFit.Method.FIRTH ? 1 : 0;
            for (int j = 0; j < k; j++) {
                Coefficient a = adjusted.coefficient(NAMES[j]).orElseThrow();
                Coefficient crude = AssociationModels.logistic(y, List.of(predictors.get(j)))
                        .coefficient(NAMES[j]).orElseThrow();
                adjustedCovered[j] += a.lower() <= TRUE[j] && TRUE[j] <= a.upper() ? 1 : 0;
                crudeCovered[j] += crude.lower() <= TRUE[j] && TRUE[j] <= crude.upper() ? 1 : 0;
                adjustedSum[j] += a.estimate();
                crudeSum[j] += crude.estimate();
                adjustedRatios.get(j).add(Math.exp(a.estimate() - TRUE[j]));
                crudeRatios.get(j).add(Math.exp(crude.estimate() - TRUE[j]));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d cohorts of %d persons (seed %d): %d fitted, %d not estimable, %d by Firth;"
                + " %.1f s%n", cohorts, persons, seed, fitted, failed, firth, seconds);
        System.out.println("| predictor | true β (OR) | adjusted: mean β̂ | bias | median OR/true | coverage"
                + " | crude: mean β̂ | bias | median OR/true | coverage |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int j = 0; j < k; j++) {
            double meanAdjusted = adjustedSum[j] / fitted;
            double meanCrude = crudeSum[j] / fitted;
            System.out.printf(Locale.ROOT, "| %s | %.2f (%.3f) | %.4f | %+.4f | %.3f | %.1f%% | %.4f | %+.4f | %.3f"
                    + " | %.1f%% |%n", NAMES[j], TRUE[j], Math.exp(TRUE[j]), meanAdjusted, meanAdjusted - TRUE[j],
                    median(adjustedRatios.get(j)), 100.0 * adjustedCovered[j] / fitted, meanCrude,
                    meanCrude - TRUE[j], median(crudeRatios.get(j)), 100.0 * crudeCovered[j] / fitted);
        }
    }

    /** One cohort: the predictors into {@code x} (by {@link #NAMES}), the outcome into {@code y}. */
    static void cohort(SplittableRandom random, double[][] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            double f = gaussian(random);
            double jobFit = Math.min(10, Math.max(1, Math.round(6.5 + 1.5 * factor(random, f))));
            double rapport = Math.min(5, Math.max(1, Math.round(3 * (3.8 + 0.7 * factor(random, f))) / 3.0));
            double fitWishes = Math.min(5, Math.max(1, Math.round(2 * (3.6 + 0.7 * factor(random, f))) / 2.0));
            double intensity = Math.exp(Math.log(3.5) + 0.6 * gaussian(random));
            x[0][i] = intensity;
            x[1][i] = jobFit;
            x[2][i] = rapport;
            x[3][i] = fitWishes;
            double eta = INTERCEPT + TRUE[0] * intensity + TRUE[1] * jobFit + TRUE[2] * rapport + TRUE[3] * fitWishes;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
    }

    private static double factor(SplittableRandom random, double f) {
        return 0.7 * f + Math.sqrt(1 - 0.49) * gaussian(random);
    }

    /** A standard normal draw (Box-Muller; SplittableRandom has none in Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
