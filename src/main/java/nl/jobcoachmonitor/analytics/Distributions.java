package nl.jobcoachmonitor.analytics;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** The reference distributions behind the p-values and 95% intervals (Apache Commons Statistics). */
final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The 97.5% quantile of the standard normal distribution, 1.959963984540054. */
    static final double Z_975 = STANDARD_NORMAL.inverseSurvivalProbability(0.025);

    private Distributions() {
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double twoSidedNormal(double z) {
        return Double.isNaN(z) ? Double.NaN : 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    /** Two-sided p-value of a t statistic with the given degrees of freedom. */
    static double twoSidedT(double t, int degreesOfFreedom) {
        return Double.isNaN(t) ? Double.NaN : 2 * TDistribution.of(degreesOfFreedom).survivalProbability(Math.abs(t));
    }

    /** The 97.5% quantile of the t distribution with the given degrees of freedom. */
    static double t975(int degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(0.025);
    }
}
