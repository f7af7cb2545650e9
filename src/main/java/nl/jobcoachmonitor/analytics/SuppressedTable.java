package nl.jobcoachmonitor.analytics;

import java.util.List;

/**
 * A table of counts as published after {@link SmallCellRule}: rows × columns of {@link Cell}s with row totals,
 * column totals and the grand total, each either shown or suppressed.
 *
 * @param cells the rows, each a list of cells, in the order given
 * @param rowTotals one per row
 * @param columnTotals one per column
 * @param total the grand total
 */
public record SuppressedTable(List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell total) {

    public SuppressedTable {
        cells = cells.stream().map(List::copyOf).toList();
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
    }

    public int rows() {
        return cells.size();
    }

    public int columns() {
        return columnTotals.size();
    }

    public Cell cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** The cell as a percentage of its row total: shown only when both are shown and the total is at least 10. */
    public Percentage rowPercentage(int row, int column) {
        return percentage(cell(row, column), rowTotals.get(row));
    }

    /** The cell as a percentage of its column total: shown only when both are shown and the total is at least 10. */
    public Percentage columnPercentage(int row, int column) {
        return percentage(cell(row, column), columnTotals.get(column));
    }

    private static Percentage percentage(Cell part, Cell whole) {
        if (part.suppressed() || whole.suppressed() || whole.value() < SmallCellRule.MINIMUM_CELL_SIZE) {
            return Percentage.SUPPRESSED;
        }
        return new Percentage(100.0 * part.value() / whole.value());
    }
}
