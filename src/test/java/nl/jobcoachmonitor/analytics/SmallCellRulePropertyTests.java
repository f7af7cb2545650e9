package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link SmallCellRule} on random tables (QuickTheories: a failure reports the smallest table it shrank
 * to and the seed, rerun with {@code -DQT_SEED=...}). The checks are plain static methods, so the examples in
 * {@link SmallCellRuleTests} use them too.
 */
class SmallCellRulePropertyTests {

    private static final int MINIMUM = SmallCellRule.MINIMUM_CELL_SIZE;

    @Test
    void noPublishedTableRevealsAGroupUnderTen() {
        qt().withExamples(500).forAll(tables()).checkAssert(counts -> assertNothingRevealed(counts,
                SmallCellRule.apply(counts)));
    }

    @Test
    void anIntruderTryingEveryTableThatFitsThePublishedFiguresLearnsNoSmallGroup() {
        // a table on which the intruder could not settle a question in time is no example (see Intruder)
        qt().withExamples(300).forAll(smallTables().map(Attack::on).assuming(Attack::settled)
                .describedAs(Attack::toString)).checkAssert(attack -> assertThat(attack.leak()).isNull());
    }

    @Test
    void aTableWithoutSmallGroupsLosesNothing() {
        qt().withExamples(200).forAll(tablesWithoutSmallGroups()).checkAssert(counts -> {
            var table = SmallCellRule.apply(counts);

            assertThat(table.cells().stream().flatMap(List::stream)).allMatch(Cell::shown);
            assertThat(table.rowTotals()).allMatch(Cell::shown);
            assertThat(table.columnTotals()).allMatch(Cell::shown);
            assertThat(table.total().shown()).isTrue();
        });
    }

    @Test
    void aPercentageIsShownOnlyWithADenominatorOfTenAndNoSmallGroupOnEitherSide() {
        qt().withExamples(500).forAll(denominators(), fractions()).checkAssert((denominator, fraction) -> {
            int numerator = (int) Math.round(fraction * denominator);

            var percentage = SmallCellRule.percentage(numerator, denominator);

            if (percentage.shown()) {
                assertThat(denominator).isGreaterThanOrEqualTo(MINIMUM);
                assertThat(numerator).satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(MINIMUM));
                assertThat(denominator - numerator).satisfiesAnyOf(n -> assertThat(n).isZero(),
                        n -> assertThat(n).isGreaterThanOrEqualTo(MINIMUM));
                assertThat(percentage.value()).isEqualTo(100.0 * numerator / denominator);
            }
        });
    }

    /**
     * What an intruder learns of a table, entry by entry (inner cells and totals) as far as the first unpublished
     * entry it learns too much about ({@code leak}) or cannot settle in time ({@code settled} false).
     */
    record Attack(int[][] counts, String leak, boolean settled) {

        static Attack on(int[][] counts) {
            var intruder = new Intruder(counts, SmallCellRule.apply(counts));
            for (int i = 0; i <= counts.length; i++) {
                for (int j = 0; j <= counts[0].length; j++) {
                    if (!intruder.published(i, j)) {
                        int value = intruder.trueValue(i, j);
                        String entry = "entry %d,%d (%d) of %s".formatted(i, j, value, Arrays.deepToString(counts));
                        // under 10: it can be at least 10 (which implies it can be other than its value)
                        Boolean hidden = value < MINIMUM ? intruder.canBeAtLeast(i, j, MINIMUM)
                                : intruder.canBeOtherThan(i, j, value);
                        if (hidden == null) {
                            return new Attack(counts, null, false);
                        }
                        if (!hidden) {
                            return new Attack(counts, value < MINIMUM ? "%s is known to be under %d".formatted(
                                    entry, MINIMUM) : "%s can be told exactly".formatted(entry), true);
                        }
                    }
                }
            }
            return new Attack(counts, null, true);
        }

        @Override
        public String toString() {
            return Arrays.deepToString(counts) + (settled ? "" : " (unsettled)") + (leak == null ? "" : ": " + leak);
        }
    }

    /**
     * (a) no published count is 1 to 9; (b) no row or column has exactly one suppressed entry (cells and total);
     * (c) what is published is the true count; (d) percentages only with a published denominator of at least 10.
     */
    static void assertNothingRevealed(int[][] counts, SuppressedTable table) {
        int rows = counts.length;
        int columns = counts[0].length;
        int[][] grid = withTotals(counts);
        Cell[][] published = new Cell[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                published[i][j] = table.cell(i, j);
            }
            published[i][columns] = table.rowTotals().get(i);
        }
        for (int j = 0; j < columns; j++) {
            published[rows][j] = table.columnTotals().get(j);
        }
        published[rows][columns] = table.total();

        String context = Arrays.deepToString(counts);
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                Cell cell = published[i][j];
                if (cell.shown()) {
                    assertThat(cell.value()).as("(c) published %d,%d of %s", i, j, context).isEqualTo(grid[i][j]);
                    assertThat(cell.value()).as("(a) published %d,%d of %s", i, j, context)
                            .satisfiesAnyOf(v -> assertThat(v).isZero(), v -> assertThat(v).isGreaterThanOrEqualTo(
                                    MINIMUM));
                }
            }
        }
        for (int i = 0; i <= rows; i++) {
            final int row = i;
            long hidden = Arrays.stream(published[row]).filter(Cell::suppressed).count();
            assertThat(hidden).as("(b) suppressed in row %d of %s", row, context).isNotEqualTo(1);
        }
        for (int j = 0; j <= columns; j++) {
            final int column = j;
            long hidden = Arrays.stream(published).filter(line -> line[column].suppressed()).count();
            assertThat(hidden).as("(b) suppressed in column %d of %s", column, context).isNotEqualTo(1);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                assertPercentageAllowed(table.rowPercentage(i, j), published[i][j], published[i][columns]);
                assertPercentageAllowed(table.columnPercentage(i, j), published[i][j], published[rows][j]);
            }
        }
    }

    private static void assertPercentageAllowed(Percentage percentage, Cell part, Cell whole) {
        if (percentage.shown()) {
            assertThat(part.shown()).as("(d) part shown").isTrue();
            assertThat(whole.shown()).as("(d) denominator shown").isTrue();
            assertThat(whole.value()).as("(d) denominator").isGreaterThanOrEqualTo(MINIMUM);
        }
    }

    static int[][] withTotals(int[][] counts) {
        int rows = counts.length;
        int columns = counts[0].length;
        int[][] grid = new int[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                grid[i][j] = counts[i][j];
                grid[i][columns] += counts[i][j];
                grid[rows][j] += counts[i][j];
                grid[rows][columns] += counts[i][j];
            }
        }
        return grid;
    }

    /** Tables of 1 to 6 rows and columns; small counts and zeros more often than uniform 0–60 would give them. */
    static Gen<int[][]> tables() {
        return tablesOf(6, Generate.oneOf(integers().between(0, 12), integers().between(0, 60)));
    }

    static Gen<int[][]> smallTables() {
        return tablesOf(3, Generate.oneOf(integers().between(0, 12), integers().between(0, 25)));
    }

    static Gen<int[][]> tablesWithoutSmallGroups() {
        return tablesOf(6, Generate.oneOf(integers().between(MINIMUM, 60), Generate.constant(0)));
    }

    static Gen<Integer> denominators() {
        return integers().between(0, 60);
    }

    /** Fractions with two decimals (0.00 to 1.00, all of them), and any fraction from 0 to 1. */
    static Gen<Double> fractions() {
        return Generate.oneOf(doubles().between(0, 1),
                integers().between(0, 100).map(hundredths -> hundredths / 100.0));
    }

    /** Shrinks towards fewer rows and columns and smaller counts; shown as {@code [[1, 2], [3, 4]]}. */
    private static Gen<int[][]> tablesOf(int maxSize, Gen<Integer> counts) {
        return Generate.intArrays(integers().between(1, maxSize), integers().between(1, maxSize), counts);
    }

    /**
     * An intruder who knows the published figures, that totals add up, and that a suppressed count is at least 1,
     * and who tries tables that fit: depth-first over the suppressed inner cells, each from 1 up to the true grand
     * total plus 10. Independent of the linear programming in {@link SuppressionAudit}. A question it cannot settle
     * within {@link #MAX_STEPS} has no answer ({@code null}): that table is no example rather than a pass (and when ten
     * tables in a row go unsettled, QuickTheories gives up, a failure).
     */
    static final class Intruder {

        /** Partial tables tried per question before the intruder gives up. */
        private static final long MAX_STEPS = 3_000_000;

        private final int rows;
        private final int columns;
        private final int[][] truth;
        private final boolean[][] published;
        private final int cap;
        private long steps;

        private static final class GaveUp extends RuntimeException {
            GaveUp() {
                super(null, null, false, false);
            }
        }

        Intruder(int[][] counts, SuppressedTable table) {
            rows = counts.length;
            columns = counts[0].length;
            truth = withTotals(counts);
            published = new boolean[rows + 1][columns + 1];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    published[i][j] = table.cell(i, j).shown();
                }
                published[i][columns] = table.rowTotals().get(i).shown();
            }
            for (int j = 0; j < columns; j++) {
                published[rows][j] = table.columnTotals().get(j).shown();
            }
            published[rows][columns] = table.total().shown();
            cap = truth[rows][columns] + MINIMUM;
        }

        boolean published(int i, int j) {
            return published[i][j];
        }

        int trueValue(int i, int j) {
            return truth[i][j];
        }

        /** Whether a fitting table has another value at i,j; {@code null} when none was found but a search gave up. */
        Boolean canBeOtherThan(int i, int j, int value) {
            steps = 0;
            boolean undecided = false;
            for (int distance = 1; distance <= cap; distance++) {
                for (int candidate : new int[] { value + distance, value - distance }) {
                    if (candidate >= 1) {
                        Boolean fits = fits(i, j, candidate);
                        if (Boolean.TRUE.equals(fits)) {
                            return true;
                        }
                        undecided |= fits == null;
                    }
                }
            }
            return undecided ? null : false;
        }

        /** Whether a fitting table has at least the minimum at i,j; {@code null} as for {@link #canBeOtherThan}. */
        Boolean canBeAtLeast(int i, int j, int minimum) {
            steps = 0;
            boolean undecided = false;
            for (int candidate = minimum; candidate <= cap; candidate++) {
                Boolean fits = fits(i, j, candidate);
                if (Boolean.TRUE.equals(fits)) {
                    return true;
                }
                undecided |= fits == null;
            }
            return undecided ? null : false;
        }

        /**
         * Whether some table fits the published figures with entry i,j equal to the given value; {@code null} when
         * the search gave up (a try without a verdict, not a failure).
         */
        private Boolean fits(int i, int j, int value) {
            return new Search(i, j, value).run();
        }

        /** Depth-first over the suppressed inner cells, each from 1 up, pruned by the known totals. */
        private final class Search {

            private final Integer[][] known = new Integer[rows + 1][columns + 1];
            private final List<int[]> unknown = new ArrayList<>();
            private final int[] rowSum = new int[rows + 1];
            private final int[] columnSum = new int[columns + 1];
            private final int[] rowLeft = new int[rows + 1];
            private final int[] columnLeft = new int[columns + 1];

            Search(int i, int j, int value) {
                for (int r = 0; r <= rows; r++) {
                    for (int c = 0; c <= columns; c++) {
                        known[r][c] = published[r][c] ? truth[r][c] : null;
                    }
                }
                known[i][j] = value;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        if (known[r][c] == null) {
                            unknown.add(new int[] { r, c });
                            rowLeft[r]++;
                            columnLeft[c]++;
                            rowLeft[rows]++;
                        } else {
                            add(r, c, known[r][c]);
                        }
                    }
                }
            }

            Boolean run() {
                try {
                    return search(0);
                } catch (GaveUp gaveUp) {
                    return null;
                }
            }

            private boolean search(int next) {
                if (++steps > MAX_STEPS) {
                    throw new GaveUp();
                }
                if (next == unknown.size()) {
                    return agrees();
                }
                int r = unknown.get(next)[0];
                int c = unknown.get(next)[1];
                rowLeft[r]--;
                columnLeft[c]--;
                rowLeft[rows]--;
                int[] range = { 1, cap };
                narrow(range, known[r][columns], rowSum[r], rowLeft[r]);
                narrow(range, known[rows][c], columnSum[c], columnLeft[c]);
                narrow(range, known[rows][columns], rowSum[rows], rowLeft[rows]);
                boolean found = false;
                for (int value = range[0]; value <= range[1] && !found; value++) {
                    add(r, c, value);
                    found = search(next + 1);
                    add(r, c, -value);
                }
                rowLeft[r]++;
                columnLeft[c]++;
                rowLeft[rows]++;
                return found;
            }

            /** A known total leaves room for this cell and at least 1 for each cell still to fill. */
            private static void narrow(int[] range, Integer total, int sum, int left) {
                if (total != null) {
                    int room = total - sum - left;
                    range[1] = Math.min(range[1], room);
                    if (left == 0) {
                        range[0] = Math.max(range[0], room);
                    }
                }
            }

            private void add(int r, int c, int value) {
                rowSum[r] += value;
                columnSum[c] += value;
                rowSum[rows] += value;
                columnSum[columns] += value;
            }

            private boolean agrees() {
                for (int r = 0; r < rows; r++) {
                    if (known[r][columns] != null && known[r][columns] != rowSum[r]) {
                        return false;
                    }
                }
                for (int c = 0; c < columns; c++) {
                    if (known[rows][c] != null && known[rows][c] != columnSum[c]) {
                        return false;
                    }
                }
                return known[rows][columns] == null || known[rows][columns] == rowSum[rows];
            }
        }
    }
}
