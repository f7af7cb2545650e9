package nl.jobcoachmonitor.analytics;

/**
 * A named predictor for {@link LogisticRegression}: one value per observation, {@code NaN} when missing.
 *
 * @param name the name its coefficient gets, e.g. {@code rapport}
 * @param values one value per observation, in the order of the outcome
 */
public record Predictor(String name, double[] values) {

    public Predictor {
        if (name == null || name.isBlank() || name.equals(Coefficient.INTERCEPT)) {
            throw new IllegalArgumentException("A predictor needs a name other than '" + Coefficient.INTERCEPT + "'");
        }
        values = values.clone();
    }

    public static Predictor of(String name, double... values) {
        return new Predictor(name, values);
    }

    double value(int observation) {
        return values[observation];
    }

    int size() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
