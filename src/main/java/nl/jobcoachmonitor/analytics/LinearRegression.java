package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;

/**
 * Ordinary least squares of an outcome on predictors plus an intercept, complete cases: estimates, standard errors
 * {@code σ̂ √((XᵀX)⁻¹)_jj} with {@code σ̂² = RSS / (n − p)}, t, p and 95% intervals from the t distribution with
 * {@code n − p} degrees of freedom, as R's {@code summary(lm(...))} and {@code confint}. Solved by the normal
 * equations on the centred and scaled design ({@link Design}), which keeps them well-conditioned; checked against R
 * in {@code src/test/resources/analytics}.
 */
public final class LinearRegression {

    private LinearRegression() {
    }

    public static LinearFit fit(double[] outcome, Predictor... predictors) {
        return fit(outcome, List.of(predictors));
    }

    public static LinearFit fit(double[] outcome, List<Predictor> predictors) {
        for (double value : outcome) {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("An outcome must be finite or NaN (missing)");
            }
        }
        Design d = Design.of(outcome, predictors);
        int p = d.p;
        if (d.n <= p || d.collinear()) {
            return LinearFit.notEstimable(d.n, p - 1);
        }
        double[][] crossProduct = new double[p][p];
        double[] xy = new double[p];
        for (int i = 0; i < d.n; i++) {
            int row = i * p;
            for (int j = 0; j < p; j++) {
                xy[j] += d.x[row + j] * d.y[i];
                for (int k = 0; k <= j; k++) {
                    crossProduct[j][k] += d.x[row + j] * d.x[row + k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < j; k++) {
                crossProduct[k][j] = crossProduct[j][k];
            }
        }
        DecompositionSolver solver = new CholeskyDecomposition(new Array2DRowRealMatrix(crossProduct, false))
                .getSolver();
        double[] b = solver.solve(new ArrayRealVector(xy, false)).toArray();
        double rss = 0;
        for (int i = 0; i < d.n; i++) {
            double residual = d.y[i] - d.eta(b, i);
            rss += residual * residual;
        }
        int df = d.n - p;
        double variance = rss / df;
        var estimates = d.original(b, solver.getInverse().scalarMultiply(variance));
        var coefficients = new ArrayList<Coefficient>();
        for (int j = 0; j < p; j++) {
            coefficients.add(Coefficient.ofT(d.names.get(j), estimates.estimates()[j],
                    estimates.standardErrors()[j], df));
        }
        return new LinearFit(true, d.n, p - 1, coefficients, Math.sqrt(variance));
    }
}
