package nl.jobcoachmonitor.analytics;

/**
 * A proportion ({@code count / n}) with its 95% Wilson score interval, e.g. retained at 6 months or told the
 * employer. Checked against R 4.2's {@code prop.test(13, 32, correct = FALSE)}. Whether it may be published is up to
 * {@link SmallCellRule#percentage(int, int)}.
 *
 * @param count the persons counted
 * @param n the persons with an answer
 * @param estimate {@code count / n}, {@code NaN} when {@code n = 0}
 * @param lower lower bound of the Wilson interval
 * @param upper upper bound of the Wilson interval
 */
public record Proportion(int count, int n, double estimate, double lower, double upper) {

    public static Proportion of(int count, int n) {
        if (n < 0 || count < 0 || count > n) {
            throw new IllegalArgumentException("Not a proportion: " + count + " of " + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) count / n;
        double z = Distributions.Z_975;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double halfWidth = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = count == 0 ? 0 : Math.max(0, centre - halfWidth);
        double upper = count == n ? 1 : Math.min(1, centre + halfWidth);
        return new Proportion(count, n, p, lower, upper);
    }

    /** The proportion of the answers that are 1 among those present (0 or 1, {@code NaN} when missing). */
    public static Proportion of(double... answers) {
        int count = 0;
        int n = 0;
        for (double answer : answers) {
            if (answer == 1) {
                count++;
                n++;
            } else if (answer == 0) {
                n++;
            } else if (!Double.isNaN(answer)) {
                throw new IllegalArgumentException("A yes/no answer must be 0, 1 or NaN (missing), not " + answer);
            }
        }
        return of(count, n);
    }
}
