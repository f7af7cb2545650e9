package nl.jobcoachmonitor.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import nl.jobcoachmonitor.analytics.LogisticFit.Status;
import nl.jobcoachmonitor.analytics.ReportQuery.Population;
import nl.jobcoachmonitor.analytics.ReportQuery.Row;

/**
 * The report's models of what goes with sustainable work, on one population and before disclosure control:
 *
 * <ul>
 * <li><b>crude</b>: each predictor in a model of its own (an odds ratio per predictor for retention and for positive
 * development, a Pearson correlation with the capability set);
 * <li><b>adjusted</b>: one model with intensity, job fit, rapport and fit with wishes together, on the complete cases
 * (a logistic regression per yes/no outcome, a linear model of the capability set). Job fit, rapport and fit with
 * wishes share a common factor, so each crude figure also carries the others' effect; the adjusted figure is the
 * association with one predictor among trajectories equal on the other three.
 * </ul>
 *
 * A logistic model is fitted by maximum likelihood, and by Firth's penalised likelihood instead when it has fewer than
 * {@value LogisticFit#MINIMUM_EVENTS_PER_PREDICTOR} events (or non-events) per predictor, or when maximum likelihood
 * finds separation or does not converge ({@link #logistic}). The values are the indicators as read, unclamped: the
 * research export carries the same values, so R on the export gives the same figures (ExportModelsRTests).
 */
final class AssociationModels {

    static final List<String> PREDICTORS = List.of("intensity", "jobFit", "rapport", "fitWishes");
    static final List<String> OUTCOMES = List.of("retained", "positiveDevelopment");
    static final String CAPABILITY_SET = "capabilitySet";

    private static final List<Function<Row, Double>> PREDICTOR_VALUES = List.of(Row::hoursFirst,
            r -> r.jobFit() == null ? null : r.jobFit().doubleValue(),
            r -> r.rapport() == null ? null : r.rapport().doubleValue(),
            r -> r.fitWishes() == null ? null : r.fitWishes().doubleValue());

    /** Per predictor (in the order of {@link #PREDICTORS}) and outcome its values, {@code NaN} where missing. */
    final double[][] predictors;
    final double[] retained;
    final double[] positiveDevelopment;
    final double[] capabilitySet;
    private List<Predictor> named;

    AssociationModels(double[][] predictors, double[] retained, double[] positiveDevelopment,
            double[] capabilitySet) {
        this.predictors = predictors;
        this.retained = retained;
        this.positiveDevelopment = positiveDevelopment;
        this.capabilitySet = capabilitySet;
    }

    /** The models of a report's population, from its columns (missing is {@code NaN} there as here). */
    static AssociationModels of(Population rows) {
        int n = rows.size();
        double[] retained = new double[n];
        double[] positive = new double[n];
        for (int i = 0; i < n; i++) {
            retained[i] = flag(rows.retained[i]);
            positive[i] = flag(rows.positiveDevelopment[i]);
        }
        double[][] predictors = { Arrays.copyOf(rows.hoursFirst, n), Arrays.copyOf(rows.jobFit, n),
                Arrays.copyOf(rows.rapport, n), Arrays.copyOf(rows.fitWishes, n) };
        return new AssociationModels(predictors, retained, positive, Arrays.copyOf(rows.capabilitySet, n));
    }

    /** The models of rows (such as a selection of a population's {@link Population#rows()}). */
    static AssociationModels of(List<Row> rows) {
        int n = rows.size();
        double[][] predictors = new double[PREDICTORS.size()][n];
        double[] retained = new double[n];
        double[] positive = new double[n];
        double[] capability = new double[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            for (int j = 0; j < predictors.length; j++) {
                predictors[j][i] = value(PREDICTOR_VALUES.get(j).apply(row));
            }
            retained[i] = flag(row.retained());
            positive[i] = flag(row.positiveDevelopment());
            capability[i] = row.capabilitySet() == null ? Double.NaN : row.capabilitySet();
        }
        return new AssociationModels(predictors, retained, positive, capability);
    }

    double[] outcome(String outcome) {
        return switch (outcome) {
            case "retained" -> retained;
            case "positiveDevelopment" -> positiveDevelopment;
            case CAPABILITY_SET -> capabilitySet;
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    Predictor predictor(String name) {
        return allPredictors().get(PREDICTORS.indexOf(name));
    }

    /** The predictors, made once: a {@link Predictor} copies its values. */
    List<Predictor> allPredictors() {
        if (named == null) {
            named = PREDICTORS.stream().map(name -> Predictor.of(name, predictors[PREDICTORS.indexOf(name)])).toList();
        }
        return named;
    }

    LogisticFit crude(String outcome, String predictor) {
        return logistic(outcome(outcome), List.of(predictor(predictor)));
    }

    LogisticFit adjusted(String outcome) {
        return logistic(outcome(outcome), allPredictors());
    }

    Correlation crudeCorrelation(String predictor) {
        return Correlation.pearson(predictors[PREDICTORS.indexOf(predictor)], capabilitySet);
    }

    LinearFit adjustedCapabilitySet() {
        return LinearRegression.fit(capabilitySet, allPredictors());
    }

    /**
     * Maximum likelihood, or Firth's penalised likelihood when there are fewer than 10 events or non-events per
     * predictor, or when maximum likelihood finds separation or does not converge.
     */
    static LogisticFit logistic(double[] outcome, List<Predictor> predictors) {
        LogisticFit ml = LogisticRegression.fit(outcome, predictors);
        boolean firth = ml.estimable() ? ml.fewEventsPerPredictor()
                : ml.status() == Status.SEPARATION || ml.status() == Status.DID_NOT_CONVERGE;
        if (!firth) {
            return ml;
        }
        LogisticFit penalised = LogisticRegression.firth(outcome, predictors);
        return penalised.estimable() || !ml.estimable() ? penalised : ml;
    }

    /** Whether observation i has every value the model of this outcome and these predictors needs. */
    static boolean complete(int i, double[] outcome, double[][] predictors) {
        if (Double.isNaN(outcome[i])) {
            return false;
        }
        for (double[] predictor : predictors) {
            if (Double.isNaN(predictor[i])) {
                return false;
            }
        }
        return true;
    }

    private static double value(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double flag(Boolean value) {
        return value == null ? Double.NaN : value ? 1 : 0;
    }

    private static double flag(byte value) {
        return value < 0 ? Double.NaN : value;
    }
}
