package nl.jobcoachmonitor.analytics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The named rule that keeps the small-cell rule across queries: the cell key method (as the ABS TableBuilder and the
 * UK census), on top of {@link SmallCellRule}. Every person a report counts has a random record key
 * ({@link RecordKeys}); the <em>cell key</em> of a published figure is the sum (mod 2<sup>64</sup>) of the record keys
 * of exactly the persons whose values enter it. SHA-256 of the figure's salt (its row) and the cell key gives the
 * figure's random draws. So the same set of persons always gets the same noise, whoever asks and however often
 * (averaging repeated answers gains nothing), and two sets that differ by one person get independent noise (the
 * difference of two answers is that person's value plus noise as large as the value's whole range).
 *
 * <ul>
 * <li><b>Counts</b> are published as {@code n + d}, {@code d} drawn from {@link #ADJUSTMENTS} with
 * {@link #PROBABILITIES} by the cell key alone (every figure about the same persons shows the same n); never below 0,
 * a true 0 stays 0. The yes and no counts behind a percentage are counts of their own persons.</li>
 * <li><b>Noisy threshold.</b> A figure about {@code n} persons is shown only when {@code n ≥ 10} (the small-cell
 * rule) and {@code n + d' ≥ 12}, {@code d'} another draw from the table: a population grown one person at a time
 * does not tell exactly when it reached 10.</li>
 * <li><b>Means</b> of values clamped into fixed bounds {@code [lo, hi]}: {@code mean + D₁ · span / n}, {@code D₁}
 * uniform in [−1, 1]; the interval on the protected basis (see {@link #mean}); rounded to one decimal.</li>
 * <li><b>Percentages</b> only when yes and no are each 0 or at least 10 ({@link SmallCellRule#percentage}) and pass
 * the noisy threshold; {@code y' / (y' + no')} of perturbed counts with its Wilson interval; one decimal.</li>
 * <li><b>Associations</b>: the estimate moved by up to one standard error (see {@link #shift}).</li>
 * </ul>
 */
public final class CellKeyPerturbation {

    /** The perturbation table: the adjustments of a count ... */
    static final int[] ADJUSTMENTS = { -2, -1, 0, 1, 2 };
    /** ... and their probabilities. */
    static final double[] PROBABILITIES = { 0.1, 0.2, 0.4, 0.2, 0.1 };
    /** A figure is shown when its persons plus a second adjustment reach this (and are at least 10 in truth). */
    public static final int NOISY_MINIMUM = 12;

    private CellKeyPerturbation() {
    }

    /** The sum, mod 2<sup>64</sup>, of the record keys of the persons behind a figure. */
    public record CellKey(long value) {

        public static final CellKey EMPTY = new CellKey(0);

        public static CellKey of(long... recordKeys) {
            long sum = 0;
            for (long key : recordKeys) {
                sum += key;
            }
            return new CellKey(sum);
        }

        public CellKey plus(long recordKey) {
            return new CellKey(value + recordKey);
        }

        public CellKey plus(CellKey other) {
            return new CellKey(value + other.value);
        }

        /** The figure's draws: SHA-256 of its salt and this key, as four uniform numbers. */
        public Draws draws(String salt) {
            try {
                var sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
                var hash = ByteBuffer.wrap(sha.digest());
                return new Draws(unit(hash.getLong()), unit(hash.getLong()), unit(hash.getLong()),
                        unit(hash.getLong()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }

        private static double unit(long bits) {
            return (bits >>> 11) * 0x1.0p-53;
        }
    }

    /** Four independent uniform numbers in [0, 1) of one figure. */
    public record Draws(double count, double threshold, double first, double second) {

        /** The adjustment {@code d} of the figure's count. */
        public int adjustment() {
            return fromTable(count);
        }

        /** The adjustment {@code d'} of the noisy threshold. */
        public int thresholdAdjustment() {
            return fromTable(threshold);
        }

        /** {@code D₁}, uniform in [−1, 1]. */
        public double d1() {
            return 2 * first - 1;
        }

        /** {@code D₂}, uniform in [−1, 1]. */
        public double d2() {
            return 2 * second - 1;
        }

        private static int fromTable(double u) {
            double cumulative = 0;
            for (int i = 0; i < ADJUSTMENTS.length; i++) {
                cumulative += PROBABILITIES[i];
                if (u < cumulative) {
                    return ADJUSTMENTS[i];
                }
            }
            return ADJUSTMENTS[ADJUSTMENTS.length - 1];
        }
    }

    /** The fixed range of a variable; values outside count as the nearest bound. */
    public record Bounds(double lowest, double highest) {

        public double clamp(double value) {
            return Math.max(lowest, Math.min(highest, value));
        }

        public double span() {
            return highest - lowest;
        }
    }

    /**
     * The draws of a set of persons' count and threshold. They depend on the set alone, not on the figure: every
     * figure about the same persons shows the same n and is shown or not alike, so reading many rows about one set
     * averages nothing away.
     */
    private static Draws countDraws(CellKey key) {
        return key.draws("count");
    }

    /** A count as published: {@code n + d}, never below 0; 0 stays 0. */
    public static int count(int n, CellKey key) {
        if (n < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + n);
        }
        return n == 0 ? 0 : Math.max(0, n + countDraws(key).adjustment());
    }

    /** Whether a figure about {@code n} persons may be shown: {@code n ≥ 10} and {@code n + d' ≥ 12}. */
    public static boolean publishable(int n, CellKey key) {
        return SmallCellRule.allowsEstimateFrom(n) && n + countDraws(key).thresholdAdjustment() >= NOISY_MINIMUM;
    }

    /** A count such as the number of trajectories: 0 as 0, else perturbed when publishable, else suppressed. */
    public static Cell publishedCount(int n, CellKey key) {
        if (n == 0) {
            return Cell.of(0);
        }
        return publishable(n, key) ? Cell.of(count(n, key)) : Cell.SUPPRESSED;
    }

    /**
     * A mean without its interval, from the sum of {@code n} values already within the bounds: {@code sum / n + D₁ ·
     * span / n}, kept within the bounds, to one decimal. {@code NaN} when not publishable.
     */
    public static double mean(double sum, int n, Bounds bounds, CellKey key, String salt) {
        if (!publishable(n, key)) {
            return Double.NaN;
        }
        return round(bounds.clamp(sum / n + key.draws(salt).d1() * bounds.span() / n), 1);
    }

    /** A figure as published: shown or not, the value, its 95% interval and its (perturbed) n. */
    public record Published(boolean shown, double value, double lower, double upper, int n) {

        static final Published SUPPRESSED = new Published(false, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * The mean of values (clamped into the bounds here) of the persons with the given cell key: {@code mean + D₁ ·
     * span / n}; the 95% interval {@code ± t · √variance' / √n'} around it, with {@code variance' = max(variance + D₂ ·
     * span² / (2n), (span / 20)²)} (a fixed floor) and {@code n'} the published n; all rounded to one decimal.
     */
    public static Published mean(double[] values, Bounds bounds, CellKey key, String salt) {
        int n = values.length;
        Draws draws = key.draws(salt);
        if (!publishable(n, key)) {
            return Published.SUPPRESSED;
        }
        double[] clamped = new double[n];
        for (int i = 0; i < n; i++) {
            clamped[i] = bounds.clamp(values[i]);
        }
        // sorted, so the sums (and so the figures) do not depend on the order the persons came in
        Arrays.sort(clamped);
        var summary = Summary.of(clamped);
        double span = bounds.span();
        double mean = bounds.clamp(summary.mean() + draws.d1() * span / n);
        double variance = summary.standardDeviation() * summary.standardDeviation();
        double protectedVariance = Math.max(variance + draws.d2() * span * span / (2.0 * n),
                (span / 20) * (span / 20));
        int published = count(n, key);
        double halfWidth = Distributions.t975(published - 1) * Math.sqrt(protectedVariance) / Math.sqrt(published);
        return new Published(true, round(mean, 1), round(mean - halfWidth, 1), round(mean + halfWidth, 1),
                published);
    }

    /**
     * The percentage yes of a yes/no figure: shown only when yes and no are each 0 or at least 10 (the small-cell
     * rule) and each non-zero one passes the noisy threshold; then {@code 100 · y' / (y' + no')} of the perturbed
     * counts, with the Wilson interval of {@code y'} of {@code y' + no'}, to one decimal; n is the perturbed count of
     * all answers.
     */
    public static Published percentage(int yes, CellKey yesKey, int no, CellKey noKey) {
        int total = yes + no;
        CellKey all = yesKey.plus(noKey);
        if (!SmallCellRule.percentage(yes, total).shown() || !publishable(total, all)
                || (yes > 0 && !publishable(yes, yesKey)) || (no > 0 && !publishable(no, noKey))) {
            return Published.SUPPRESSED;
        }
        int y = count(yes, yesKey);
        int n = y + count(no, noKey);
        var proportion = Proportion.of(y, n);
        return new Published(true, round(100 * proportion.estimate(), 1), round(100 * proportion.lower(), 1),
                round(100 * proportion.upper(), 1), count(total, all));
    }

    /**
     * An estimate on the protected basis: moved by {@code D · standardError}, {@code D} uniform in [−1, 1] from the
     * cell key of the persons behind it. A logistic regression coefficient {@code β' = β + D · SE(β)}; a correlation on
     * Fisher's z scale {@code z' = z + D / √(n − 3)}.
     */
    public static double shift(double estimate, double standardError, CellKey key, String salt) {
        return estimate + key.draws(salt).d1() * standardError;
    }

    /** Rounded half up to the given number of decimals. */
    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
