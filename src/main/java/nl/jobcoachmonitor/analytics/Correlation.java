package nl.jobcoachmonitor.analytics;

import java.util.Arrays;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * A correlation between two variables over the pairs where both are present (pairwise complete; missing is
 * {@code NaN}), with a 95% interval by Fisher's z transformation and a two-sided p-value from the t distribution
 * with {@code n − 2} degrees of freedom.
 *
 * <ul>
 * <li>Pearson: interval {@code tanh(atanh(r) ∓ 1.959964 / √(n − 3))}, as R's {@code cor.test}; checked against R 4.2
 * on {@code mtcars} ({@code mpg} and {@code wt}, also with missing values) to about 1e-14 relative.
 * <li>Spearman: Pearson's r of the ranks (ties get their mean rank); p-value by the t approximation, as R's
 * {@code cor.test(..., method = "spearman", exact = FALSE)} (checked as above); interval by Fisher's z with the
 * standard error {@code √((1 + r²/2) / (n − 3))} of Bonett and Wright (2000), for which R has no reference.
 * </ul>
 *
 * @param method Pearson or Spearman
 * @param status whether and why not it was estimated; when not, the figures are {@code NaN}
 * @param n the complete pairs used
 * @param r the correlation coefficient
 * @param lower lower bound of the 95% interval
 * @param upper upper bound of the 95% interval
 * @param pValue two-sided p-value for no correlation
 */
public record Correlation(Method method, Status status, int n, double r, double lower, double upper, double pValue) {

    /** The fewest complete pairs for which an interval exists ({@code n − 3 > 0}). */
    public static final int MINIMUM_PAIRS = 4;

    public enum Method {
        PEARSON, SPEARMAN
    }

    public enum Status {
        ESTIMATED,
        /** Fewer than {@link #MINIMUM_PAIRS} complete pairs. */
        TOO_FEW_PAIRS,
        /** One of the variables has the same value in every complete pair. */
        NO_VARIATION
    }

    public static Correlation pearson(double[] x, double[] y) {
        double[][] pairs = completePairs(x, y);
        return estimate(Method.PEARSON, pairs[0], pairs[1], 1);
    }

    public static Correlation spearman(double[] x, double[] y) {
        double[][] pairs = completePairs(x, y);
        var ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        double[] rankX = ranking.rank(pairs[0]);
        double[] rankY = ranking.rank(pairs[1]);
        Correlation ofRanks = estimate(Method.SPEARMAN, rankX, rankY, 1);
        if (!ofRanks.estimable()) {
            return ofRanks;
        }
        double r = ofRanks.r();
        return estimate(Method.SPEARMAN, rankX, rankY, Math.sqrt(1 + r * r / 2));
    }

    public boolean estimable() {
        return status == Status.ESTIMATED;
    }

    /** Whether the 95% interval excludes 0. */
    public boolean significant() {
        return estimable() && (lower > 0 || upper < 0);
    }

    private static Correlation estimate(Method method, double[] x, double[] y, double standardErrorFactor) {
        int n = x.length;
        if (n < MINIMUM_PAIRS) {
            return notEstimable(method, Status.TOO_FEW_PAIRS, n);
        }
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            return notEstimable(method, Status.NO_VARIATION, n);
        }
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        double z = atanh(r);
        double halfWidth = Distributions.Z_975 * standardErrorFactor / Math.sqrt(n - 3);
        return new Correlation(method, Status.ESTIMATED, n, r, Math.tanh(z - halfWidth), Math.tanh(z + halfWidth),
                Distributions.twoSidedT(t, n - 2));
    }

    private static Correlation notEstimable(Method method, Status status, int n) {
        return new Correlation(method, status, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log1p(2 * r / (1 - r));
    }

    private static double[][] completePairs(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Correlation of " + x.length + " with " + y.length + " values");
        }
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                keptX[n] = x[i];
                keptY[n] = y[i];
                n++;
            }
        }
        return new double[][] { Arrays.copyOf(keptX, n), Arrays.copyOf(keptY, n) };
    }
}
