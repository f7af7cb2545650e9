package nl.jobcoachmonitor.analytics;

import java.util.Collection;

/**
 * Converts answers as read from the database (boxed numbers, {@code null} when missing) to the {@code double[]} the
 * statistics take, where a missing value is {@code NaN}.
 */
public final class Values {

    private Values() {
    }

    /** The values in order, {@code NaN} for each {@code null}. */
    public static double[] of(Collection<? extends Number> values) {
        return values.stream().mapToDouble(v -> v == null ? Double.NaN : v.doubleValue()).toArray();
    }

    /** A yes/no answer as 1/0, {@code NaN} for {@code null}. */
    public static double[] ofBooleans(Collection<Boolean> values) {
        return values.stream().mapToDouble(v -> v == null ? Double.NaN : v ? 1 : 0).toArray();
    }

    static boolean missing(double value) {
        return Double.isNaN(value);
    }
}
