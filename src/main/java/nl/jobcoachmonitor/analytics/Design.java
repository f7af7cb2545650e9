package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The design of a regression: the complete cases (no value missing in the outcome or any predictor, as R's
 * {@code na.omit}), an intercept column, and each predictor centred on its mean and divided by its standard deviation,
 * as R's {@code glm.fit} effectively works (its QR decomposition is invariant to the columns' location and scale). On
 * that scale every tolerance means the same whatever the units, and a predictor with a long tail (hours per month, up
 * to hundreds) does not make the information matrix ill-conditioned. {@link #original} takes coefficients and their
 * covariance back to the predictors' own units.
 */
final class Design {

    /** A design whose reciprocal condition number (columns centred and scaled) is below this is treated as collinear. */
    static final double MIN_RECIPROCAL_CONDITION = 1e-7;

    final double[] y;
    /**
     * Row-major, n × p in one array (observation i's value j at {@code i * p + j}): column 0 is the intercept (1),
     * columns 1.. the centred and scaled predictors. One array instead of n small ones: the overall report makes about
     * 20 designs of up to 178,000 rows.
     */
    final double[] x;
    final int n;
    final int p;
    final List<String> names;
    private final double[] mean;
    private final double[] scale;

    private Design(double[] y, double[] x, List<String> names, double[] mean, double[] scale) {
        this.y = y;
        this.x = x;
        this.n = y.length;
        this.p = names.size();
        this.names = names;
        this.mean = mean;
        this.scale = scale;
    }

    /** The complete cases of outcome and predictors; throws for lengths that differ or names that repeat. */
    static Design of(double[] outcome, List<Predictor> predictors) {
        var seen = new HashSet<String>();
        for (Predictor predictor : predictors) {
            if (!seen.add(predictor.name())) {
                throw new IllegalArgumentException("Predictor named twice: " + predictor.name());
            }
            if (predictor.size() != outcome.length) {
                throw new IllegalArgumentException("Predictor " + predictor.name() + " has " + predictor.size()
                        + " values for " + outcome.length + " outcomes");
            }
            for (int i = 0; i < predictor.size(); i++) {
                if (Double.isInfinite(predictor.value(i))) {
                    throw new IllegalArgumentException("Predictor " + predictor.name() + " has an infinite value");
                }
            }
        }
        int p = predictors.size() + 1;
        int[] rows = new int[outcome.length];
        int n = 0;
        for (int i = 0; i < outcome.length; i++) {
            boolean complete = !Values.missing(outcome[i]);
            for (int j = 0; complete && j < predictors.size(); j++) {
                complete = !Values.missing(predictors.get(j).value(i));
            }
            if (complete) {
                rows[n++] = i;
            }
        }
        double[] y = new double[n];
        double[] x = new double[n * p];
        double[] mean = new double[p];
        double[] scale = new double[p];
        scale[0] = 1;
        Predictor[] columns = predictors.toArray(Predictor[]::new);
        for (int i = 0; i < n; i++) {
            y[i] = outcome[rows[i]];
            int row = i * p;
            x[row] = 1;
            for (int j = 1; j < p; j++) {
                x[row + j] = columns[j - 1].value(rows[i]);
                mean[j] += x[row + j];
            }
        }
        for (int j = 1; j < p; j++) {
            mean[j] /= Math.max(n, 1);
            double sumOfSquares = 0;
            for (int at = j; at < x.length; at += p) {
                x[at] -= mean[j];
                sumOfSquares += x[at] * x[at];
            }
            scale[j] = Math.sqrt(sumOfSquares / Math.max(n, 1));
            if (scale[j] > 0) {
                for (int at = j; at < x.length; at += p) {
                    x[at] /= scale[j];
                }
            }
        }
        var names = new ArrayList<String>();
        names.add(Coefficient.INTERCEPT);
        predictors.forEach(predictor -> names.add(predictor.name()));
        return new Design(y, x, List.copyOf(names), mean, scale);
    }

    /**
     * Whether a predictor is constant or (nearly) a linear combination of others: the reciprocal condition number of
     * the centred and scaled predictors, from the eigenvalues of their p × p cross-product (not an SVD of the n × p
     * design, which cost 8% of the overall report's time).
     */
    boolean collinear() {
        for (int j = 1; j < p; j++) {
            if (!(scale[j] > 0)) {
                return true;
            }
        }
        if (p <= 2) {
            return false;
        }
        double[][] crossProduct = new double[p - 1][p - 1];
        for (int row = 0; row < x.length; row += p) {
            for (int j = 1; j < p; j++) {
                for (int k = 1; k <= j; k++) {
                    crossProduct[j - 1][k - 1] += x[row + j] * x[row + k];
                }
            }
        }
        for (int j = 0; j < p - 1; j++) {
            for (int k = 0; k < j; k++) {
                crossProduct[k][j] = crossProduct[j][k];
            }
        }
        double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(crossProduct, false))
                .getRealEigenvalues();
        double largest = Arrays.stream(eigenvalues).max().orElse(1);
        double smallest = Arrays.stream(eigenvalues).min().orElse(1);
        return !(smallest > 0) || Math.sqrt(smallest / largest) < MIN_RECIPROCAL_CONDITION;
    }

    /** The linear predictor of observation i for coefficients on the design's scale. */
    double eta(double[] beta, int i) {
        double eta = 0;
        int row = i * p;
        for (int j = 0; j < p; j++) {
            eta += x[row + j] * beta[j];
        }
        return eta;
    }

    /**
     * Coefficients on the design's scale with their covariance, in the predictors' own units: {@code β_j = b_j / s_j}
     * and {@code β_0 = b_0 − Σ b_j m_j / s_j}, so {@code β = A b} and {@code Cov(β) = A Cov(b) Aᵀ}.
     */
    Estimates original(double[] b, RealMatrix covariance) {
        double[][] a = new double[p][p];
        a[0][0] = 1;
        for (int j = 1; j < p; j++) {
            a[j][j] = 1 / scale[j];
            a[0][j] = -mean[j] / scale[j];
        }
        RealMatrix transform = new Array2DRowRealMatrix(a, false);
        double[] beta = transform.operate(b);
        RealMatrix cov = transform.multiply(covariance).multiply(transform.transpose());
        double[] standardErrors = new double[p];
        for (int j = 0; j < p; j++) {
            standardErrors[j] = Math.sqrt(cov.getEntry(j, j));
        }
        return new Estimates(beta, standardErrors);
    }

    record Estimates(double[] estimates, double[] standardErrors) {
    }
}
