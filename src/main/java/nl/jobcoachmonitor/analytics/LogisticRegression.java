package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

import nl.jobcoachmonitor.analytics.LogisticFit.Status;

/**
 * Logistic regression of a 0/1 outcome on any number of predictors plus an intercept, by maximum likelihood:
 * Newton-Raphson (equivalently iteratively reweighted least squares) with step halving, standard errors from the
 * inverse Fisher information matrix at the estimates, Wald z, two-sided p-values and 95% intervals.
 *
 * <p>Observations with a missing value ({@code NaN}) in the outcome or any predictor are left out (complete cases,
 * as R's {@code na.omit}). A model that cannot be estimated (too few observations, no variation in the outcome,
 * collinear predictors, separation, no convergence) gives a {@link LogisticFit} saying so, never an exception.
 *
 * <p>Checked against R 4.2's {@code glm(am ~ hp + wt, family = binomial)} and {@code glm(vs ~ mpg + am, ...)} on
 * {@code mtcars} (estimates, standard errors, z, p, Wald intervals, odds ratios, deviances): they agree to about 1e-13
 * relative; {@code LogisticRegressionTests} require 1e-9.
 */
public final class LogisticRegression {

    static final int MAX_ITERATIONS = 100;
    /** Converged when no coefficient (on the scaled design) moves more than this, relative to its size. */
    static final double TOLERANCE = 1e-10;
    /** A design whose reciprocal condition number (columns scaled) is below this is treated as collinear. */
    static final double MIN_RECIPROCAL_CONDITION = 1e-7;
    /** Fitted probabilities this close to 0 or 1 after non-convergence mean separation. */
    static final double BOUNDARY = 1e-8;
    private static final int MAX_HALVINGS = 30;

    private LogisticRegression() {
    }

    public static LogisticFit fit(double[] outcome, Predictor... predictors) {
        return fit(outcome, List.of(predictors));
    }

    /**
     * Fits {@code logit P(outcome = 1) = intercept + Σ coefficient · predictor}.
     *
     * @param outcome 0 or 1 per observation, {@code NaN} when missing
     * @param predictors each with one value per observation
     * @throws IllegalArgumentException when lengths differ, names repeat, or an outcome is not 0, 1 or missing:
     *         programming errors, not properties of the data
     */
    public static LogisticFit fit(double[] outcome, List<Predictor> predictors) {
        validate(outcome, predictors);
        int p = predictors.size() + 1;
        int[] complete = completeCases(outcome, predictors);
        int n = complete.length;
        double[] y = new double[n];
        double[][] x = new double[n][p];
        int events = 0;
        for (int i = 0; i < n; i++) {
            int row = complete[i];
            y[i] = outcome[row];
            events += (int) y[i];
            x[i][0] = 1;
            for (int j = 1; j < p; j++) {
                x[i][j] = predictors.get(j - 1).value(row);
            }
        }
        int predictorCount = p - 1;
        if (n <= p) {
            return LogisticFit.notEstimable(Status.TOO_FEW_OBSERVATIONS, n, events, predictorCount, 0);
        }
        if (events == 0 || events == n) {
            return LogisticFit.notEstimable(Status.NO_VARIATION_IN_OUTCOME, n, events, predictorCount, 0);
        }
        double[] scale = scaleColumns(x);
        if (scale == null || reciprocalCondition(x) < MIN_RECIPROCAL_CONDITION) {
            return LogisticFit.notEstimable(Status.COLLINEAR_PREDICTORS, n, events, predictorCount, 0);
        }
        return new Newton(x, y).run(names(predictors), scale, events);
    }

    private static void validate(double[] outcome, List<Predictor> predictors) {
        var names = new HashSet<String>();
        for (Predictor predictor : predictors) {
            if (!names.add(predictor.name())) {
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
        for (double value : outcome) {
            if (!(value == 0 || value == 1 || Values.missing(value))) {
                throw new IllegalArgumentException("An outcome must be 0, 1 or NaN (missing), not " + value);
            }
        }
    }

    /** The observations with no value missing, in order (a plain loop: it runs once per observation). */
    private static int[] completeCases(double[] outcome, List<Predictor> predictors) {
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
        return Arrays.copyOf(rows, n);
    }

    private static List<String> names(List<Predictor> predictors) {
        var names = new ArrayList<String>();
        names.add(Coefficient.INTERCEPT);
        predictors.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * Divides each column by its root mean square, in place, so that the tolerances mean the same whatever the
     * units; returns the scales, or {@code null} when a column is all zero.
     */
    private static double[] scaleColumns(double[][] x) {
        int p = x[0].length;
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sumOfSquares = 0;
            for (double[] row : x) {
                sumOfSquares += row[j] * row[j];
            }
            scale[j] = Math.sqrt(sumOfSquares / x.length);
            if (scale[j] == 0) {
                return null;
            }
            for (double[] row : x) {
                row[j] /= scale[j];
            }
        }
        return scale;
    }

    private static double reciprocalCondition(double[][] x) {
        double[] singularValues = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false))
                .getSingularValues();
        return singularValues[singularValues.length - 1] / singularValues[0];
    }

    /** Newton-Raphson on the scaled design. */
    private static final class Newton {

        private final double[][] x;
        private final double[] y;
        private final int n;
        private final int p;

        Newton(double[][] x, double[] y) {
            this.x = x;
            this.y = y;
            this.n = y.length;
            this.p = x[0].length;
        }

        LogisticFit run(List<String> names, double[] scale, int events) {
            double[] beta = new double[p];
            double mean = (double) events / n;
            beta[0] = Math.log(mean / (1 - mean));
            double logLikelihood = logLikelihood(beta);
            int iteration = 0;
            boolean converged = false;
            try {
                while (!converged && iteration < MAX_ITERATIONS) {
                    iteration++;
                    double[] step = solver(beta).solve(new ArrayRealVector(score(beta), false)).toArray();
                    double[] next = plus(beta, step, 1);
                    double nextLogLikelihood = logLikelihood(next);
                    double fraction = 1;
                    for (int halving = 0; halving < MAX_HALVINGS
                            && !(nextLogLikelihood >= logLikelihood - 1e-12 * Math.abs(logLikelihood)); halving++) {
                        fraction /= 2;
                        next = plus(beta, step, fraction);
                        nextLogLikelihood = logLikelihood(next);
                    }
                    if (!Double.isFinite(nextLogLikelihood)) {
                        break;
                    }
                    converged = true; // judged on the full Newton step: only small near the maximum
                    for (int j = 0; j < p; j++) {
                        converged &= Math.abs(step[j]) <= TOLERANCE * Math.max(1, Math.abs(next[j]));
                    }
                    beta = next;
                    logLikelihood = nextLogLikelihood;
                }
                if (converged) {
                    return estimated(names, scale, events, iteration, beta, logLikelihood);
                }
            } catch (MathIllegalArgumentException singularInformation) {
                // the information matrix lost rank on the way: the weights of some observations vanished
            }
            Status status = atBoundary(beta) ? Status.SEPARATION : Status.DID_NOT_CONVERGE;
            return LogisticFit.notEstimable(status, n, events, p - 1, iteration);
        }

        private LogisticFit estimated(List<String> names, double[] scale, int events, int iterations, double[] beta,
                double logLikelihood) {
            RealMatrix covariance = solver(beta).getInverse();
            var coefficients = new ArrayList<Coefficient>();
            for (int j = 0; j < p; j++) {
                double standardError = Math.sqrt(covariance.getEntry(j, j)) / scale[j];
                coefficients.add(Coefficient.of(names.get(j), beta[j] / scale[j], standardError));
            }
            double mean = (double) events / n;
            double nullDeviance = -2 * (events * Math.log(mean) + (n - events) * Math.log(1 - mean));
            return new LogisticFit(Status.ESTIMATED, n, events, p - 1, iterations, coefficients, -2 * logLikelihood,
                    nullDeviance);
        }

        /** Cholesky of the Fisher information {@code X'WX}, {@code W = diag(μ(1 − μ))}. */
        private DecompositionSolver solver(double[] beta) {
            double[][] information = new double[p][p];
            for (int i = 0; i < n; i++) {
                double weight = weight(eta(beta, i));
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k <= j; k++) {
                        information[j][k] += weight * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    information[k][j] = information[j][k];
                }
            }
            return new CholeskyDecomposition(new Array2DRowRealMatrix(information, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0).getSolver();
        }

        /** The gradient of the log-likelihood, {@code X'(y − μ)}. */
        private double[] score(double[] beta) {
            double[] score = new double[p];
            for (int i = 0; i < n; i++) {
                double eta = eta(beta, i);
                // y − μ without cancellation: 1 − μ(η) = μ(−η), so it stays non-zero under separation
                double residual = y[i] == 1 ? probability(-eta) : -probability(eta);
                for (int j = 0; j < p; j++) {
                    score[j] += residual * x[i][j];
                }
            }
            return score;
        }

        private double logLikelihood(double[] beta) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double eta = eta(beta, i);
                // y·η − log(1 + e^η), written to stay finite for large |η|
                sum += y[i] * eta - (Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))));
            }
            return sum;
        }

        private boolean atBoundary(double[] beta) {
            for (int i = 0; i < n; i++) {
                double probability = probability(eta(beta, i));
                if (!(probability > BOUNDARY && probability < 1 - BOUNDARY)) {
                    return true;
                }
            }
            return false;
        }

        private double eta(double[] beta, int i) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += x[i][j] * beta[j];
            }
            return eta;
        }

        private static double probability(double eta) {
            return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        }

        /** μ(1 − μ), computed without cancellation. */
        private static double weight(double eta) {
            double e = Math.exp(-Math.abs(eta));
            return e / ((1 + e) * (1 + e));
        }

        private static double[] plus(double[] beta, double[] step, double fraction) {
            double[] next = beta.clone();
            for (int j = 0; j < next.length; j++) {
                next[j] += fraction * step[j];
            }
            return next;
        }
    }
}
