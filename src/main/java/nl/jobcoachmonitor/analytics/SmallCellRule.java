package nl.jobcoachmonitor.analytics;

/**
 * The small-cell rule of the study report: no published figure reveals a group of fewer than
 * {@value #MINIMUM_CELL_SIZE} persons.
 *
 * <ol>
 * <li><b>Primary suppression.</b> A count from 1 to 9 is suppressed: an inner cell, a row or column total, or the
 * grand total.</li>
 * <li><b>Zeros are published.</b> An empty cell reveals no one, and suppressing it would protect nothing. Because
 * zeros are always shown, a reader knows every suppressed count is at least 1; the audit below assumes so.</li>
 * <li><b>Secondary suppression.</b> A row or column (its cells and its total) never has exactly one suppressed
 * entry, or that entry would follow from the others; the cheapest other entry is suppressed: the smallest non-zero
 * inner cell, a total only when there is no cell left.</li>
 * <li><b>Audit.</b> For every suppressed entry, the range of values it can take in any table that agrees with the
 * published figures is computed (linear programming, {@link SuppressionAudit}). An entry whose range is a single
 * value, and a primary entry whose range stays under {@value #MINIMUM_CELL_SIZE} (say, two suppressed cells that
 * together are 7), gets more secondary suppression next to it, until nothing is exposed.</li>
 * <li><b>Percentages</b> only with a denominator of at least {@value #MINIMUM_CELL_SIZE}, and only of counts that
 * are themselves published under this rule.</li>
 * </ol>
 *
 * <p>A suppressed {@link Cell} does not say whether it was small or protects another, which would give away the
 * small ones. Not covered here: refusing filters that narrow a commissioner's view to one coach or one employer
 * (that belongs to the report's scoping), and tables of the same population published side by side.
 *
 * <p>This rule holds query by query. Across queries (two selections that differ by one person), the study report adds
 * its sibling rule {@link CellKeyPerturbation}: perturbed counts, a noisy threshold on top of the 10 here, noise on
 * every estimate, all drawn from the persons behind the figure.
 */
public final class SmallCellRule {

    /** The fewest persons a published count, or the group behind a published estimate, may stand for. */
    public static final int MINIMUM_CELL_SIZE = 10;

    private SmallCellRule() {
    }

    /**
     * Applies the rule to a table of counts (persons), rows × columns; the totals are computed here.
     *
     * @throws IllegalArgumentException when the table is empty, ragged or has a negative count
     */
    public static SuppressedTable apply(int[][] counts) {
        return SuppressionPattern.of(counts).apply(MINIMUM_CELL_SIZE).published();
    }

    /** A single count, such as the number of trajectories: shown when 0 or at least 10. */
    public static Cell count(int persons) {
        if (persons < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + persons);
        }
        return persons == 0 || persons >= MINIMUM_CELL_SIZE ? Cell.of(persons) : Cell.SUPPRESSED;
    }

    /**
     * The percentage {@code 100 · numerator / denominator} of a yes/no count, such as retained at 6 months. Shown
     * only when the denominator is at least 10 and neither the persons counted nor the rest are a group of 1 to 9:
     * with the denominator published, the percentage would give either group away. This is the rule applied to the
     * one-row table {@code [numerator, denominator − numerator]}.
     */
    public static Percentage percentage(int numerator, int denominator) {
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("Not a part of a whole: " + numerator + " of " + denominator);
        }
        return apply(new int[][] { { numerator, denominator - numerator } }).rowPercentage(0, 0);
    }

    /**
     * Whether an estimate (a mean, a correlation, an odds ratio) resting on this many persons may be published: at
     * least 10.
     */
    public static boolean allowsEstimateFrom(int persons) {
        return persons >= MINIMUM_CELL_SIZE;
    }
}
