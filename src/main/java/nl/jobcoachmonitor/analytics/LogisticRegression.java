package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;

import nl.jobcoachmonitor.analytics.LogisticFit.Method;
import nl.jobcoachmonitor.analytics.LogisticFit.Status;

/**
 * Logistic regression of a 0/1 outcome on any number of predictors plus an intercept, by maximum likelihood or by
 * Firth's penalised likelihood (bias-reduced; {@link #firth}). Standard errors from the inverse Fisher information at
 * the estimates, Wald z, two-sided p-values and Wald 95% intervals, for both methods: that is what R's
 * {@code confint.default} gives for {@code glm}, and what {@code brglm2}'s {@code confint} method for a
 * {@code brglmFit} is (it calls {@code confint.default}); no profile (penalised) likelihood interval.
 *
 * <p>As R's {@code glm.fit}: the predictors centred and scaled ({@link Design}), Newton-Raphson (Fisher scoring, the
 * same for the logit link) from the intercept-only fit, step halving when the (penalised) deviance does not improve
 * or is not finite, and convergence judged on the deviance's relative change, {@code |D − D_old| / (|D| + 0.1) <
 * 1e-10} (glm: 1e-8), followed by Newton steps until a step moves no coefficient more than 1e-10 of its standard
 * error (usually one more), so that the estimates are the maximum also when the deviance is large. That converges in a handful of iterations also for 134,171 observations of a predictor with a long tail,
 * where the old test on each coefficient's relative step ran into the rounding noise of the sums and hit 100
 * iterations (bench/README.md, "Convergence at scale").
 *
 * <p>Observations with a missing value ({@code NaN}) are left out (complete cases). A model that cannot be estimated
 * (too few observations, no variation in the outcome, collinear predictors, separation, no convergence) gives a
 * {@link LogisticFit} saying so, never an exception; Firth's method gives finite estimates under separation.
 *
 * <p>Checked against R 4.2's {@code glm} and {@code brglm2} 0.9 ({@code method = "brglmFit", type = "AS_mean"}),
 * see {@code src/test/resources/analytics}.
 */
public final class LogisticRegression {

    /**
     * The cap on iterations, as R's {@code glm.control(maxit = 25)} and {@code logistf.control(maxit = 25)}: a fit
     * converges in 3 to 8 (bench/README.md, "Convergence at scale"), and one that does not stops after about 25 passes
     * over the data (under 2 s for the overall report's 178,000 trajectories) instead of 100 (about 6 s, issue 15).
     */
    static final int MAX_ITERATIONS = 25;
    /**
     * The cap for Firth's penalised fit, as brglm2's {@code brglmControl(maxit = 100)}: its scoring converges
     * linearly, and on a small sample with few non-events (the demo organisation's adjusted model of retention: 24
     * trajectories, 3 not retained) it needs more than 25 steps. Firth is only chosen for few events per predictor or
     * after maximum likelihood failed, so the longer cap does not touch the large reports' fits.
     */
    static final int FIRTH_MAX_ITERATIONS = 100;
    /** Converged when the deviance changes by less than this, relative: {@code |ΔD| / (|D| + 0.1)}. */
    static final double EPSILON = 1e-10;
    /**
     * Converged when no coefficient moves more than this many standard errors: Firth's scoring (it converges
     * linearly), and the last steps of maximum likelihood after the deviance criterion.
     */
    static final double SMALL_STEP = 1e-10;
    /** Fitted probabilities this close to 0 or 1 at the maximum-likelihood estimates mean separation. */
    static final double BOUNDARY = 1e-8;
    private static final int MAX_HALVINGS = 30;
    /**
     * A step is halved when the (penalised) log-likelihood gets worse by more than this, relative. Near the maximum
     * a Newton step improves it by less than its rounding noise (about 2e-13 relative for 134,171 observations), so
     * a stricter test halved good steps at random and the iterations stalled short of the maximum.
     */
    static final double HALVING_TOLERANCE = 1e-10;

    private LogisticRegression() {
    }

    public static LogisticFit fit(double[] outcome, Predictor... predictors) {
        return fit(outcome, List.of(predictors));
    }

    /**
     * Fits {@code logit P(outcome = 1) = intercept + Σ coefficient · predictor} by maximum likelihood.
     *
     * @param outcome 0 or 1 per observation, {@code NaN} when missing
     * @param predictors each with one value per observation
     * @throws IllegalArgumentException when lengths differ, names repeat, or an outcome is not 0, 1 or missing:
     *         programming errors, not properties of the data
     */
    public static LogisticFit fit(double[] outcome, List<Predictor> predictors) {
        return fit(outcome, predictors, Method.MAXIMUM_LIKELIHOOD);
    }

    public static LogisticFit firth(double[] outcome, Predictor... predictors) {
        return firth(outcome, List.of(predictors));
    }

    /**
     * Fits the same model by Firth's penalised likelihood, {@code l(β) + ½ log det I(β)}: the bias-reduced estimates
     * that R's {@code brglm2} gives with {@code type = "AS_mean"} (for the logit link the mean bias-reducing adjusted
     * score is Firth's modified score {@code Xᵀ(y − μ + h(½ − μ))}, {@code h} the hat values). Finite under
     * separation, and less biased when there are few events per predictor.
     */
    public static LogisticFit firth(double[] outcome, List<Predictor> predictors) {
        return fit(outcome, predictors, Method.FIRTH);
    }

    private static LogisticFit fit(double[] outcome, List<Predictor> predictors, Method method) {
        for (double value : outcome) {
            if (!(value == 0 || value == 1 || Values.missing(value))) {
                throw new IllegalArgumentException("An outcome must be 0, 1 or NaN (missing), not " + value);
            }
        }
        Design design = Design.of(outcome, predictors);
        int events = 0;
        for (double v : design.y) {
            events += (int) v;
        }
        int n = design.n;
        int predictorCount = design.p - 1;
        if (n <= design.p) {
            return LogisticFit.notEstimable(method, Status.TOO_FEW_OBSERVATIONS, n, events, predictorCount, 0);
        }
        if (events == 0 || events == n) {
            return LogisticFit.notEstimable(method, Status.NO_VARIATION_IN_OUTCOME, n, events, predictorCount, 0);
        }
        if (design.collinear()) {
            return LogisticFit.notEstimable(method, Status.COLLINEAR_PREDICTORS, n, events, predictorCount, 0);
        }
        return new Scoring(design, method, events).run();
    }

    /** Newton-Raphson (Fisher scoring) on the centred and scaled design. */
    private static final class Scoring {

        private final Design d;
        private final Method method;
        private final int events;
        private final int p;
        /** Per observation, reused by every {@link #point}: the linear predictor and the weight μ(1 − μ). */
        private final double[] eta;
        private final double[] weight;

        Scoring(Design design, Method method, int events) {
            this.d = design;
            this.method = method;
            this.events = events;
            this.p = design.p;
            this.eta = new double[design.n];
            this.weight = new double[design.n];
        }

        /** The state at one point: its (penalised) log-likelihood, the information's solver and the step from it. */
        private record Point(double[] beta, double logLikelihood, double objective, DecompositionSolver solver,
                double[] step) {
        }

        LogisticFit run() {
            double[] beta = new double[p];
            double mean = (double) events / d.n;
            beta[0] = Math.log(mean / (1 - mean));
            int iteration = 0;
            boolean converged = false;
            Point current = null;
            try {
                current = point(beta);
                int cap = method == Method.FIRTH ? FIRTH_MAX_ITERATIONS : MAX_ITERATIONS;
                while (!converged && iteration < cap) {
                    iteration++;
                    Point next = halved(current);
                    if (next == null) {
                        break;
                    }
                    converged = method == Method.FIRTH ? smallStep(current)
                            : 2 * Math.abs(next.logLikelihood - current.logLikelihood)
                                    / (2 * Math.abs(next.logLikelihood) + 0.1) < EPSILON;
                    current = next;
                }
                // Newton steps from there until the step is below 1e-10 standard errors (usually one): with a large
                // deviance its relative change stops at an absolute change that still moves a small coefficient
                for (int polish = 0; converged && method == Method.MAXIMUM_LIKELIHOOD && polish < 5
                        && !smallStep(current); polish++) {
                    Point polished = halved(current);
                    if (polished == null) {
                        break;
                    }
                    current = polished;
                    iteration++;
                }
                if (converged && !(method == Method.MAXIMUM_LIKELIHOOD && atBoundary(current.beta))) {
                    return estimated(current, iteration);
                }
            } catch (MathIllegalArgumentException singularInformation) {
                // the information matrix lost rank on the way: the weights of some observations vanished
            }
            Status status = current != null && method == Method.MAXIMUM_LIKELIHOOD && atBoundary(current.beta)
                    ? Status.SEPARATION : Status.DID_NOT_CONVERGE;
            return LogisticFit.notEstimable(method, status, d.n, events, p - 1, iteration);
        }

        /** The full step from a point, halved until the objective does not get worse; null when it stays infinite. */
        private Point halved(Point from) {
            double fraction = 1;
            Point next = point(plus(from.beta, from.step, fraction));
            for (int halving = 0; halving < MAX_HALVINGS
                    && !(next.objective >= from.objective - HALVING_TOLERANCE * (Math.abs(from.objective) + 1));
                    halving++) {
                fraction /= 2;
                next = point(plus(from.beta, from.step, fraction));
            }
            return Double.isFinite(next.objective) ? next : null;
        }

        /** Whether the step from this point moves no coefficient more than {@link #SMALL_STEP} standard errors. */
        private boolean smallStep(Point point) {
            var covariance = point.solver.getInverse();
            for (int j = 0; j < p; j++) {
                if (Math.abs(point.step[j]) > SMALL_STEP * Math.sqrt(covariance.getEntry(j, j))) {
                    return false;
                }
            }
            return true;
        }

        private LogisticFit estimated(Point point, int iterations) {
            var estimates = d.original(point.beta, point.solver.getInverse());
            var coefficients = new ArrayList<Coefficient>();
            for (int j = 0; j < p; j++) {
                coefficients.add(Coefficient.of(d.names.get(j), estimates.estimates()[j],
                        estimates.standardErrors()[j]));
            }
            double mean = (double) events / d.n;
            double nullDeviance = -2 * (events * Math.log(mean) + (d.n - events) * Math.log(1 - mean));
            return new LogisticFit(Status.ESTIMATED, method, d.n, events, p - 1, iterations, coefficients,
                    -2 * point.logLikelihood, nullDeviance);
        }

        /**
         * One pass over the observations at {@code beta}: the log-likelihood, the Fisher information {@code X'WX}
         * ({@code W = diag(μ(1 − μ))}) and its Cholesky solver, the score {@code X'(y − μ)} (for Firth plus
         * {@code X'h(½ − μ)}) and the step {@code I⁻¹ · score}.
         */
        private Point point(double[] beta) {
            int n = d.n;
            double[] x = d.x;
            double logLikelihood = 0;
            double compensation = 0;
            double[][] information = new double[p][p];
            for (int i = 0; i < n; i++) {
                eta[i] = d.eta(beta, i);
                // y·η − log(1 + e^η), written to stay finite for large |η|
                double term = d.y[i] * eta[i] - (Math.max(eta[i], 0) + Math.log1p(Math.exp(-Math.abs(eta[i]))));
                // Kahan summation: the log-likelihood of 100,000 observations keeps its last digits
                double corrected = term - compensation;
                double sum = logLikelihood + corrected;
                compensation = (sum - logLikelihood) - corrected;
                logLikelihood = sum;
                double e = Math.exp(-Math.abs(eta[i]));
                weight[i] = e / ((1 + e) * (1 + e)); // μ(1 − μ) without cancellation
                int row = i * p;
                for (int j = 0; j < p; j++) {
                    double wx = weight[i] * x[row + j];
                    for (int k = 0; k <= j; k++) {
                        information[j][k] += wx * x[row + k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < j; k++) {
                    information[k][j] = information[j][k];
                }
            }
            if (!Double.isFinite(logLikelihood)) {
                return new Point(beta, logLikelihood, Double.NEGATIVE_INFINITY, null, null);
            }
            var cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(information, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0);
            DecompositionSolver solver = cholesky.getSolver();
            double objective = logLikelihood;
            double[][] inverse = method == Method.FIRTH ? solver.getInverse().getData() : null;
            if (method == Method.FIRTH) {
                objective += 0.5 * Math.log(cholesky.getDeterminant());
            }
            double[] score = new double[p];
            for (int i = 0; i < n; i++) {
                // y − μ without cancellation: 1 − μ(η) = μ(−η), so it stays non-zero under separation
                double residual = d.y[i] == 1 ? probability(-eta[i]) : -probability(eta[i]);
                int row = i * p;
                if (inverse != null) {
                    double hat = 0;
                    for (int j = 0; j < p; j++) {
                        double sum = 0;
                        for (int k = 0; k < p; k++) {
                            sum += inverse[j][k] * x[row + k];
                        }
                        hat += x[row + j] * sum;
                    }
                    hat *= weight[i];
                    residual += hat * (0.5 - probability(eta[i]));
                }
                for (int j = 0; j < p; j++) {
                    score[j] += residual * x[row + j];
                }
            }
            double[] step = solver.solve(new ArrayRealVector(score, false)).toArray();
            return new Point(beta, logLikelihood, objective, solver, step);
        }

        private boolean atBoundary(double[] beta) {
            for (int i = 0; i < d.n; i++) {
                double probability = probability(d.eta(beta, i));
                if (!(probability > BOUNDARY && probability < 1 - BOUNDARY)) {
                    return true;
                }
            }
            return false;
        }

        private static double probability(double eta) {
            return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
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
