package nl.jobcoachmonitor.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The result of a {@link LogisticRegression}: either the estimated coefficients, or a {@link Status} that says why
 * the model cannot be estimated (then {@link #coefficients()} is empty). Never thrown as an exception, so a page can
 * always show it.
 *
 * @param status whether and why not the model was estimated
 * @param method maximum likelihood or Firth's penalised likelihood
 * @param n the observations used (complete cases)
 * @param events the observations with outcome 1
 * @param predictors the number of predictors, without the intercept
 * @param iterations the Newton-Raphson iterations run
 * @param coefficients the intercept first, then the predictors in the order given; empty unless estimated
 * @param deviance minus twice the log-likelihood of the model ({@code NaN} unless estimated)
 * @param nullDeviance minus twice the log-likelihood of the intercept-only model ({@code NaN} unless estimated)
 */
public record LogisticFit(Status status, Method method, int n, int events, int predictors, int iterations,
        List<Coefficient> coefficients, double deviance, double nullDeviance) {

    /** Events per predictor under which estimates are unstable (Peduzzi et al., 1996). */
    public static final int MINIMUM_EVENTS_PER_PREDICTOR = 10;

    /** How the coefficients were estimated; the intervals are Wald intervals for both. */
    public enum Method {
        MAXIMUM_LIKELIHOOD,
        /** Firth's penalised likelihood (bias-reduced logistic regression; R: brglm2, type = "AS_mean"). */
        FIRTH
    }

    public enum Status {
        /** Converged to the maximum-likelihood estimates. */
        ESTIMATED,
        /** No more observations (complete cases) than coefficients. */
        TOO_FEW_OBSERVATIONS,
        /** All outcomes are 0, or all are 1. */
        NO_VARIATION_IN_OUTCOME,
        /** A predictor is constant or a linear combination of others. */
        COLLINEAR_PREDICTORS,
        /** (Quasi-)complete separation: a combination of predictors predicts some outcomes perfectly, so the
         * estimates run off to infinity. */
        SEPARATION,
        /** Newton-Raphson did not converge for another reason. */
        DID_NOT_CONVERGE
    }

    public LogisticFit {
        coefficients = List.copyOf(coefficients);
    }

    static LogisticFit notEstimable(Method method, Status status, int n, int events, int predictors,
            int iterations) {
        return new LogisticFit(status, method, n, events, predictors, iterations, List.of(), Double.NaN, Double.NaN);
    }

    public boolean estimable() {
        return status == Status.ESTIMATED;
    }

    /** Whether the iterations converged; only estimated fits did. */
    public boolean converged() {
        return estimable();
    }

    public Optional<Coefficient> coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The smaller of events and non-events per predictor. */
    public double eventsPerPredictor() {
        return predictors == 0 ? Double.POSITIVE_INFINITY : (double) Math.min(events, n - events) / predictors;
    }

    /** Whether to warn that the estimates rest on too few events per predictor (fewer than 10). */
    public boolean fewEventsPerPredictor() {
        return eventsPerPredictor() < MINIMUM_EVENTS_PER_PREDICTOR;
    }
}
