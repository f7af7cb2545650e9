package nl.jobcoachmonitor.analytics;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Mean, standard deviation ({@code n − 1}), median and the 95% interval of the mean (t distribution) of the values
 * present, for a row of the study's table such as mean age or mean contract hours. Deliberately no minimum or
 * maximum: those are one person's value. Computed with Apache Commons Statistics; checked against R 4.2's
 * {@code mean}, {@code sd}, {@code median} and {@code t.test} on {@code mtcars$mpg}.
 *
 * @param n the values present
 * @param missing the values missing ({@code NaN})
 * @param mean {@code NaN} when {@code n = 0}
 * @param standardDeviation {@code NaN} when {@code n < 2}
 * @param median {@code NaN} when {@code n = 0}
 * @param meanLower lower bound of the 95% interval of the mean, {@code NaN} when {@code n < 2}
 * @param meanUpper upper bound of the 95% interval of the mean, {@code NaN} when {@code n < 2}
 */
public record Summary(int n, int missing, double mean, double standardDeviation, double median, double meanLower,
        double meanUpper) {

    public static Summary of(double... values) {
        double[] present = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = present.length;
        int missing = values.length - n;
        if (n == 0) {
            return new Summary(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(present).getAsDouble();
        double median = Median.withDefaults().evaluate(present);
        if (n == 1) {
            return new Summary(1, missing, mean, Double.NaN, median, Double.NaN, Double.NaN);
        }
        double sd = StandardDeviation.of(present).getAsDouble();
        double halfWidth = Distributions.t975(n - 1) * sd / Math.sqrt(n);
        return new Summary(n, missing, mean, sd, median, mean - halfWidth, mean + halfWidth);
    }
}
