package nl.jobcoachmonitor.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class SmallCellRuleTests {

    private static final Cell HIDDEN = Cell.SUPPRESSED;

    private static Cell shown(int value) {
        return Cell.of(value);
    }

    @Test
    void aTableWithoutSmallGroupsIsPublishedWhole() {
        var table = SmallCellRule.apply(new int[][] { { 20, 0, 30 }, { 15, 25, 40 } });

        assertThat(table.cells()).containsExactly(List.of(shown(20), shown(0), shown(30)),
                List.of(shown(15), shown(25), shown(40)));
        assertThat(table.rowTotals()).containsExactly(shown(50), shown(80));
        assertThat(table.columnTotals()).containsExactly(shown(35), shown(25), shown(70));
        assertThat(table.total()).isEqualTo(shown(130));
    }

    @Test
    void aSmallCellIsSuppressedWithTheSmallestCellsNeededToHideItFromTheTotals() {
        var table = SmallCellRule.apply(new int[][] { { 20, 5, 30 }, { 15, 25, 40 } });

        // 5 is small; 20 hides it in its row, 25 in its column, and 15 hides 25 in the second row
        assertThat(table.cells()).containsExactly(List.of(HIDDEN, HIDDEN, shown(30)),
                List.of(HIDDEN, HIDDEN, shown(40)));
        assertThat(table.rowTotals()).containsExactly(shown(55), shown(80));
        assertThat(table.columnTotals()).containsExactly(shown(35), shown(30), shown(70));
        assertThat(table.total()).isEqualTo(shown(135));
    }

    @Test
    void zerosArePublishedAndNeverSuppressedToProtectAnother() {
        var table = SmallCellRule.apply(new int[][] { { 0, 4, 30 }, { 0, 25, 40 }, { 0, 12, 11 } });

        assertThat(table.cells()).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(shown(0)));
        assertThat(table.columnTotals().get(0)).isEqualTo(shown(0));
        assertThat(table.cell(0, 1).suppressed()).isTrue();
    }

    @Test
    void aTotalUnderTenIsSuppressedAndCannotBeRecoveredFromTheGrandTotal() {
        var table = SmallCellRule.apply(new int[][] { { 3, 4 }, { 20, 30 } });

        assertThat(table.rowTotals().get(0).suppressed()).isTrue();
        // otherwise 57 − 50 would give the 7
        assertThat(table.rowTotals().get(1).suppressed() || table.total().suppressed()).isTrue();
        SmallCellRulePropertyTests.assertNothingRevealed(new int[][] { { 3, 4 }, { 20, 30 } }, table);
    }

    @Test
    void smallCellsWhoseSumFollowsFromTheTotalsGetMoreProtection() {
        // every line has two suppressed small cells, yet 52 − 50 = 2 = 1 + 1 tells each is 1
        int[][] counts = { { 1, 1, 50 }, { 1, 1, 50 }, { 50, 50, 50 } };
        var pattern = SuppressionPattern.of(counts).apply(SmallCellRule.MINIMUM_CELL_SIZE);

        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(new SuppressionAudit(pattern, 10).bound(new int[] { i, j }, GoalType.MAXIMIZE))
                        .as("largest value the intruder finds for cell %d,%d", i, j).isGreaterThanOrEqualTo(10);
            }
        }
        var table = pattern.published();
        assertThat(table.cells().stream().flatMap(List::stream).filter(Cell::suppressed)).hasSizeGreaterThan(4);
        SmallCellRulePropertyTests.assertNothingRevealed(counts, table);
    }

    @Test
    void theAuditFindsWhatTheLinesAloneDoNotShow() {
        int[][] counts = { { 1, 1, 50 }, { 1, 1, 50 }, { 50, 50, 50 } };
        var pattern = SuppressionPattern.of(counts);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                pattern.suppressed[i][j] = true;
                pattern.primary[i][j] = true;
            }
        }
        var audit = new SuppressionAudit(pattern, 10);

        assertThat(audit.bound(new int[] { 0, 0 }, GoalType.MAXIMIZE)).isEqualTo(1.0);
        assertThat(audit.bound(new int[] { 0, 0 }, GoalType.MINIMIZE)).isEqualTo(1.0);
        assertThat(audit.firstExposed(new boolean[4][4])).containsExactly(0, 0);
    }

    @Test
    void aTableOfOneSmallCountHidesEverything() {
        var table = SmallCellRule.apply(new int[][] { { 5 } });

        assertThat(table.cell(0, 0).suppressed()).isTrue();
        assertThat(table.rowTotals()).containsExactly(HIDDEN);
        assertThat(table.columnTotals()).containsExactly(HIDDEN);
        assertThat(table.total()).isEqualTo(HIDDEN);
    }

    @Test
    void aSuppressedCellCarriesNoValue() {
        var table = SmallCellRule.apply(new int[][] { { 3, 40 } });

        assertThat(table.cell(0, 0).value()).isNull();
        assertThat(table.cell(0, 1).value()).isNull();
        assertThat(table.cell(0, 0)).isEqualTo(table.cell(0, 1));
    }

    @Test
    void aSingleCountIsShownWhenZeroOrAtLeastTen() {
        assertThat(SmallCellRule.count(0)).isEqualTo(shown(0));
        assertThat(SmallCellRule.count(9).suppressed()).isTrue();
        assertThat(SmallCellRule.count(1).suppressed()).isTrue();
        assertThat(SmallCellRule.count(10)).isEqualTo(shown(10));
    }

    @Test
    void aPercentageNeedsADenominatorOfTenAndNoSmallGroupOnEitherSide() {
        assertThat(SmallCellRule.percentage(9, 9).shown()).isFalse();
        assertThat(SmallCellRule.percentage(10, 10).value()).isEqualTo(100.0);
        assertThat(SmallCellRule.percentage(0, 12).value()).isEqualTo(0.0);
        assertThat(SmallCellRule.percentage(10, 25).value()).isEqualTo(40.0);
        assertThat(SmallCellRule.percentage(5, 25).shown()).as("5 persons").isFalse();
        assertThat(SmallCellRule.percentage(20, 25).shown()).as("the other 5 persons").isFalse();
        assertThat(SmallCellRule.percentage(0, 0).shown()).isFalse();
    }

    @Test
    void rowAndColumnPercentagesUseOnlyPublishedCountsWithATotalOfAtLeastTen() {
        var table = SmallCellRule.apply(new int[][] { { 20, 5, 30 }, { 15, 25, 40 }, { 0, 0, 0 } });

        assertThat(table.rowPercentage(0, 2).value()).isCloseTo(100.0 * 30 / 55, within(1e-12));
        assertThat(table.rowPercentage(0, 0).shown()).isFalse();
        assertThat(table.columnPercentage(1, 2).value()).isCloseTo(100.0 * 40 / 70, within(1e-12));
        assertThat(table.rowPercentage(2, 0).shown()).as("of a total of 0").isFalse();
    }

    @Test
    void estimatesNeedTenPersonsBehindThem() {
        assertThat(SmallCellRule.allowsEstimateFrom(9)).isFalse();
        assertThat(SmallCellRule.allowsEstimateFrom(10)).isTrue();
    }

    @Test
    void refusesTablesThatAreNotTablesOfCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCellRule.apply(new int[0][0]));
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCellRule.apply(new int[][] { { 1, 2 }, { 3 } }));
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCellRule.apply(new int[][] { { -1 } }));
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCellRule.percentage(11, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> SmallCellRule.count(-1));
    }
}
