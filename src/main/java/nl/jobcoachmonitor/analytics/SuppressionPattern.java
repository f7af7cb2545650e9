package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * The working state of {@link SmallCellRule} on one table: the counts with their margins as one grid, and which
 * entries are suppressed.
 *
 * <p>The grid has {@code rows + 1} rows and {@code columns + 1} columns: the last column holds the row totals, the
 * last row the column totals, the corner the grand total. Every grid row and every grid column is a <em>line</em>:
 * its entries except the last add up to the last. A suppressed entry that is the only one in a line can be
 * computed from that line; the {@link SuppressionAudit} catches what lines alone do not show.
 */
final class SuppressionPattern {

    final int[][] values;
    final boolean[][] suppressed;
    final boolean[][] primary;
    final int gridRows;
    final int gridColumns;

    private SuppressionPattern(int[][] counts) {
        int rows = counts.length;
        int columns = counts[0].length;
        gridRows = rows + 1;
        gridColumns = columns + 1;
        values = new int[gridRows][gridColumns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int count = counts[i][j];
                values[i][j] = count;
                values[i][columns] = Math.addExact(values[i][columns], count);
                values[rows][j] = Math.addExact(values[rows][j], count);
                values[rows][columns] = Math.addExact(values[rows][columns], count);
            }
        }
        suppressed = new boolean[gridRows][gridColumns];
        primary = new boolean[gridRows][gridColumns];
    }

    static SuppressionPattern of(int[][] counts) {
        if (counts.length == 0 || counts[0].length == 0) {
            throw new IllegalArgumentException("A table needs at least one row and one column");
        }
        for (int[] row : counts) {
            if (row.length != counts[0].length) {
                throw new IllegalArgumentException("The rows of a table must have the same number of columns");
            }
            for (int count : row) {
                if (count < 0) {
                    throw new IllegalArgumentException("A count cannot be negative: " + count);
                }
            }
        }
        return new SuppressionPattern(counts);
    }

    /** Runs the rule: primary suppression, then secondary suppression until the audit finds nothing exposed. */
    SuppressionPattern apply(int minimum) {
        for (int i = 0; i < gridRows; i++) {
            for (int j = 0; j < gridColumns; j++) {
                primary[i][j] = values[i][j] > 0 && values[i][j] < minimum;
                suppressed[i][j] = primary[i][j];
            }
        }
        // Suppressing more only widens what an intruder can infer, so an entry that passed the audit stays passed.
        boolean[][] passed = new boolean[gridRows][gridColumns];
        while (true) {
            protectLines();
            int[] exposed = new SuppressionAudit(this, minimum).firstExposed(passed);
            if (exposed == null) {
                return this;
            }
            suppress(cheapestPublishedIn(linesThrough(exposed[0], exposed[1])));
        }
    }

    /** Until no line has exactly one suppressed entry, suppresses the cheapest other entry of such a line. */
    private void protectLines() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<int[]> line : lines()) {
                if (line.stream().filter(this::isSuppressed).count() == 1) {
                    suppress(cheapestPublishedIn(line));
                    changed = true;
                }
            }
        }
    }

    /**
     * The published non-zero entry that costs least to suppress: an inner cell before a total, the grand total
     * last, and the smaller count first. Zeros are never suppressed (they reveal no one and protect nothing); when
     * the given entries have nothing left to suppress, the cheapest entry of the whole grid.
     */
    private int[] cheapestPublishedIn(List<int[]> entries) {
        int[] cheapest = null;
        for (int[] entry : entries) {
            if (!isSuppressed(entry) && value(entry) > 0 && (cheapest == null || cost(entry) < cost(cheapest))) {
                cheapest = entry;
            }
        }
        if (cheapest == null) {
            var all = new ArrayList<int[]>();
            for (int i = 0; i < gridRows; i++) {
                for (int j = 0; j < gridColumns; j++) {
                    all.add(new int[] { i, j });
                }
            }
            if (entries.size() == all.size()) {
                throw new IllegalStateException("Everything non-zero is suppressed and still exposed: cannot happen");
            }
            return cheapestPublishedIn(all);
        }
        return cheapest;
    }

    private long cost(int[] entry) {
        boolean rowTotal = entry[1] == gridColumns - 1;
        boolean columnTotal = entry[0] == gridRows - 1;
        long kind = rowTotal && columnTotal ? 2 : rowTotal || columnTotal ? 1 : 0;
        return kind * Integer.MAX_VALUE + value(entry);
    }

    /** Every grid row and grid column, each as its entries with the total last. */
    List<List<int[]>> lines() {
        var lines = new ArrayList<List<int[]>>();
        for (int i = 0; i < gridRows; i++) {
            lines.add(row(i));
        }
        for (int j = 0; j < gridColumns; j++) {
            lines.add(column(j));
        }
        return lines;
    }

    private List<int[]> linesThrough(int i, int j) {
        var entries = new ArrayList<int[]>(row(i));
        entries.addAll(column(j));
        return entries;
    }

    private List<int[]> row(int i) {
        var line = new ArrayList<int[]>();
        for (int j = 0; j < gridColumns; j++) {
            line.add(new int[] { i, j });
        }
        return line;
    }

    private List<int[]> column(int j) {
        var line = new ArrayList<int[]>();
        for (int i = 0; i < gridRows; i++) {
            line.add(new int[] { i, j });
        }
        return line;
    }

    boolean isSuppressed(int[] entry) {
        return suppressed[entry[0]][entry[1]];
    }

    int value(int[] entry) {
        return values[entry[0]][entry[1]];
    }

    private void suppress(int[] entry) {
        suppressed[entry[0]][entry[1]] = true;
    }

    SuppressedTable published() {
        int rows = gridRows - 1;
        int columns = gridColumns - 1;
        var cells = new ArrayList<List<Cell>>();
        var rowTotals = new ArrayList<Cell>();
        for (int i = 0; i < rows; i++) {
            var row = new ArrayList<Cell>();
            for (int j = 0; j < columns; j++) {
                row.add(cell(i, j));
            }
            cells.add(row);
            rowTotals.add(cell(i, columns));
        }
        var columnTotals = new ArrayList<Cell>();
        for (int j = 0; j < columns; j++) {
            columnTotals.add(cell(rows, j));
        }
        return new SuppressedTable(cells, rowTotals, columnTotals, cell(rows, columns));
    }

    private Cell cell(int i, int j) {
        return suppressed[i][j] ? Cell.SUPPRESSED : Cell.of(values[i][j]);
    }
}
