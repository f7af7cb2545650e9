package nl.jobcoachmonitor.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link LinearRegression}: the coefficients with t-based intervals, or why it cannot be estimated.
 *
 * @param estimable false when there are too few complete cases or the predictors are collinear
 * @param n the complete cases used
 * @param predictors the number of predictors, without the intercept
 * @param coefficients the intercept first, then the predictors in the order given; empty unless estimable
 * @param residualStandardError the residual standard deviation, {@code √(RSS / (n − p))}
 */
public record LinearFit(boolean estimable, int n, int predictors, List<Coefficient> coefficients,
        double residualStandardError) {

    public LinearFit {
        coefficients = List.copyOf(coefficients);
    }

    static LinearFit notEstimable(int n, int predictors) {
        return new LinearFit(false, n, predictors, List.of(), Double.NaN);
    }

    public Optional<Coefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
