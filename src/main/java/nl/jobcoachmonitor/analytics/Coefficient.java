package nl.jobcoachmonitor.analytics;

/**
 * One coefficient of a {@link LogisticFit} on the log-odds scale, with its Wald statistics: standard error from the
 * inverse Fisher information, {@code z = estimate / standardError}, a two-sided p-value from the standard normal
 * distribution and the 95% interval {@code estimate ∓ 1.959964 · standardError} (R: {@code summary(glm(...))} and
 * {@code confint.default}).
 */
public record Coefficient(String name, double estimate, double standardError, double z, double pValue, double lower,
        double upper) {

    /** The name of the intercept's coefficient. */
    public static final String INTERCEPT = "intercept";

    static Coefficient of(String name, double estimate, double standardError) {
        double z = estimate / standardError;
        double halfWidth = Distributions.Z_975 * standardError;
        return new Coefficient(name, estimate, standardError, z, Distributions.twoSidedNormal(z),
                estimate - halfWidth, estimate + halfWidth);
    }

    /**
     * A coefficient of a linear model: {@code t = estimate / standardError}, p from the t distribution with the
     * residual degrees of freedom and the interval {@code estimate ∓ t(0.975, df) · standardError} (R: {@code
     * summary(lm(...))} and {@code confint}); {@code z} holds the t statistic.
     */
    static Coefficient ofT(String name, double estimate, double standardError, int degreesOfFreedom) {
        double t = estimate / standardError;
        double halfWidth = Distributions.t975(degreesOfFreedom) * standardError;
        return new Coefficient(name, estimate, standardError, t, Distributions.twoSidedT(t, degreesOfFreedom),
                estimate - halfWidth, estimate + halfWidth);
    }

    /** The odds ratio for one unit more of the predictor (for the intercept: the odds when all predictors are 0). */
    public double oddsRatio() {
        return Math.exp(estimate);
    }

    public double oddsRatioLower() {
        return Math.exp(lower);
    }

    public double oddsRatioUpper() {
        return Math.exp(upper);
    }

    /** Whether the 95% interval excludes no effect (a coefficient of 0, an odds ratio of 1). */
    public boolean significant() {
        return lower > 0 || upper < 0;
    }
}
